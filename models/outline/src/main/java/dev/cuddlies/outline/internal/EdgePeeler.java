package dev.cuddlies.outline.internal;

/**
 * Moves the mask edge to where a pixel is at least half figure. An anti-aliased (or blurred) edge
 * pixel mixes figure colour F and background B; its distance from the background is then the
 * figure's share times |F - B|. Comparing it with the strongest nearby figure pixel applies the
 * 50 % coverage rule locally, whatever the figure's colour.
 */
final class EdgePeeler {

    private static final int WINDOW = 2;

    private EdgePeeler() {
    }

    /** Peels up to {@code passes} layers of boundary pixels. Mask modified in place; distance not modified. */
    static void peel(byte[] inside, float[] distance, int w, int h, int passes) {
        IntList remove = new IntList();
        for (int pass = 0; pass < passes; pass++) {
            remove.clear();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    if (inside[i] == 0 || !onBoundary(inside, x, y, w, h)) {
                        continue;
                    }
                    if (distance[i] < 0.5f * strongestNearby(inside, distance, x, y, w, h)) {
                        remove.add(i);
                    }
                }
            }
            if (remove.isEmpty()) {
                return;
            }
            for (int k = 0; k < remove.size(); k++) {
                inside[remove.get(k)] = 0;
            }
        }
    }

    private static boolean onBoundary(byte[] inside, int x, int y, int w, int h) {
        return x > 0 && inside[y * w + x - 1] == 0
                || x < w - 1 && inside[y * w + x + 1] == 0
                || y > 0 && inside[(y - 1) * w + x] == 0
                || y < h - 1 && inside[(y + 1) * w + x] == 0;
    }

    private static float strongestNearby(byte[] inside, float[] distance, int x, int y, int w, int h) {
        float max = 0;
        for (int ny = Math.max(0, y - WINDOW); ny <= Math.min(h - 1, y + WINDOW); ny++) {
            for (int nx = Math.max(0, x - WINDOW); nx <= Math.min(w - 1, x + WINDOW); nx++) {
                int q = ny * w + nx;
                if (inside[q] != 0 && distance[q] > max) {
                    max = distance[q];
                }
            }
        }
        return max;
    }
}
