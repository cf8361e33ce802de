package dev.cuddlies.outline.internal;

/** Hysteresis thresholding: regions above {@code low} are kept when they reach above {@code high}. */
final class Hysteresis {

    private Hysteresis() {
    }

    /** Returns a mask (1 = kept). Input not modified. */
    static byte[] apply(float[] value, int w, int h, float low, float high) {
        byte[] out = new byte[value.length];
        IntList stack = new IntList();
        for (int i = 0; i < value.length; i++) {
            if (value[i] > high && out[i] == 0) {
                out[i] = 1;
                stack.add(i);
                while (!stack.isEmpty()) {
                    int p = stack.pop();
                    int x = p % w;
                    int y = p / w;
                    for (int dy = -1; dy <= 1; dy++) {
                        int ny = y + dy;
                        if (ny < 0 || ny >= h) {
                            continue;
                        }
                        for (int dx = -1; dx <= 1; dx++) {
                            int nx = x + dx;
                            if (nx < 0 || nx >= w) {
                                continue;
                            }
                            int q = ny * w + nx;
                            if (out[q] == 0 && value[q] > low) {
                                out[q] = 1;
                                stack.add(q);
                            }
                        }
                    }
                }
            }
        }
        return out;
    }
}
