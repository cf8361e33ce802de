package dev.cuddlies.outline.internal;

/**
 * A decoded picture at working resolution, upright, as packed ARGB pixels.
 *
 * @param width          working width, px
 * @param height         working height, px
 * @param argb           packed pixels, row-major; owned by this value, not to be modified
 * @param hasAlpha       true when the picture has real transparency worth using as the silhouette
 * @param originalWidth  width of the upright picture as stored, px
 * @param originalHeight height of the upright picture as stored, px
 * @param scale          original px per working px: a working pixel centre x maps to
 *                       {@code (x + 0.5) * scale - 0.5} in the picture
 */
public record WorkingImage(int width, int height, int[] argb, boolean hasAlpha,
                           int originalWidth, int originalHeight, double scale) {

    public double toOriginal(double workingCoordinate) {
        return (workingCoordinate + 0.5) * scale - 0.5;
    }
}
