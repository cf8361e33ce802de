package dev.cuddlies.outline.internal;

/**
 * A picture's colours, either as packed RGB ints (clean pictures: no copy) or as float planes (after
 * a blur). The hot loops take whichever array is present and read it directly.
 */
final class Colours {

    private final int[] packed;
    private final float[][] planes;

    private Colours(int[] packed, float[][] planes) {
        this.packed = packed;
        this.planes = planes;
    }

    static Colours packed(int[] rgb) {
        return new Colours(rgb, null);
    }

    static Colours planes(int[] rgb) {
        float[][] c = new float[3][rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            c[0][i] = (p >> 16) & 0xFF;
            c[1][i] = (p >> 8) & 0xFF;
            c[2][i] = p & 0xFF;
        }
        return new Colours(null, c);
    }

    Colours blurred(int w, int h, int radius) {
        float[][] p = planes != null ? planes : planes(packed).planes;
        return new Colours(null, new float[][] {BoxBlur.blur(p[0], w, h, radius), BoxBlur.blur(p[1], w, h, radius),
            BoxBlur.blur(p[2], w, h, radius)});
    }

    int[] packedRgb() {
        return packed;
    }

    float[][] planes() {
        return planes;
    }

    float channel(int c, int i) {
        if (packed != null) {
            return (packed[i] >> (16 - 8 * c)) & 0xFF;
        }
        return planes[c][i];
    }

    /**
     * Pixels as a viewer shows them: partly transparent ones composited over white. Returns the input
     * itself when every pixel is opaque (the usual case). Input not modified.
     */
    static int[] opaque(int[] argb) {
        boolean allOpaque = true;
        for (int p : argb) {
            if (p >>> 24 != 255) {
                allOpaque = false;
                break;
            }
        }
        if (allOpaque) {
            return argb;
        }
        int[] out = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            int a = p >>> 24;
            int white = 255 * (255 - a);
            int r = (((p >> 16) & 0xFF) * a + white) / 255;
            int g = (((p >> 8) & 0xFF) * a + white) / 255;
            int b = ((p & 0xFF) * a + white) / 255;
            out[i] = 0xFF000000 | r << 16 | g << 8 | b;
        }
        return out;
    }
}
