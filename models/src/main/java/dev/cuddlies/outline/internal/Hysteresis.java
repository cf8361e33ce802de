package dev.cuddlies.outline.internal;

/** Hysteresis thresholding: regions above {@code low} are kept when they reach above {@code high}. */
final class Hysteresis {

    private Hysteresis() {
    }

    /** Returns a mask (1 = kept). Input not modified. */
    static byte[] apply(float[] value, int w, int h, float low, float high) {
        byte[] out = new byte[value.length];
        // Columns and rows travel on their own stacks: no division per visited pixel.
        IntList xs = new IntList();
        IntList ys = new IntList();
        for (int i = 0; i < value.length; i++) {
            if (value[i] <= high || out[i] != 0) {
                continue;
            }
            out[i] = 1;
            xs.add(i % w);
            ys.add(i / w);
            while (!xs.isEmpty()) {
                int x = xs.pop();
                int y = ys.pop();
                int y0 = Math.max(0, y - 1);
                int y1 = Math.min(h - 1, y + 1);
                int x0 = Math.max(0, x - 1);
                int x1 = Math.min(w - 1, x + 1);
                for (int ny = y0; ny <= y1; ny++) {
                    int row = ny * w;
                    for (int nx = x0; nx <= x1; nx++) {
                        int q = row + nx;
                        if (out[q] == 0 && value[q] > low) {
                            out[q] = 1;
                            xs.add(nx);
                            ys.add(ny);
                        }
                    }
                }
            }
        }
        return out;
    }
}
