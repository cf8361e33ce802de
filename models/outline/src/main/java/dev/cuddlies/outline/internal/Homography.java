package dev.cuddlies.outline.internal;

/** A plane-to-plane perspective map (3x3, h33 = 1): how a camera sees a flat sheet. Immutable. */
public final class Homography {

    private final double[] h; // row-major, 9 values

    private Homography(double[] h) {
        this.h = h;
    }

    /** The map taking ({@code fromX[i]}, {@code fromY[i]}) to ({@code toX[i]}, {@code toY[i]}), four points. */
    public static Homography between(double[] fromX, double[] fromY, double[] toX, double[] toY) {
        double[][] a = new double[8][9];
        for (int i = 0; i < 4; i++) {
            double x = fromX[i];
            double y = fromY[i];
            double u = toX[i];
            double v = toY[i];
            a[2 * i] = new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
            a[2 * i + 1] = new double[] {0, 0, 0, x, y, 1, -v * x, -v * y, v};
        }
        for (int col = 0; col < 8; col++) { // Gauss-Jordan with partial pivoting
            int pivot = col;
            for (int r = col + 1; r < 8; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            for (int r = 0; r < 8; r++) {
                if (r != col && a[col][col] != 0) {
                    double f = a[r][col] / a[col][col];
                    for (int k = col; k < 9; k++) {
                        a[r][k] -= f * a[col][k];
                    }
                }
            }
        }
        double[] h = new double[9];
        for (int i = 0; i < 8; i++) {
            h[i] = a[i][8] / a[i][i];
        }
        h[8] = 1;
        return new Homography(h);
    }

    public double x(double x, double y) {
        return (h[0] * x + h[1] * y + h[2]) / (h[6] * x + h[7] * y + h[8]);
    }

    public double y(double x, double y) {
        return (h[3] * x + h[4] * y + h[5]) / (h[6] * x + h[7] * y + h[8]);
    }

    public Homography inverse() {
        double a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7], i = h[8];
        double[] inv = {e * i - f * k, c * k - b * i, b * f - c * e,
            f * g - d * i, a * i - c * g, c * d - a * f,
            d * k - e * g, b * g - a * k, a * e - b * d};
        double s = inv[8];
        for (int j = 0; j < 9; j++) {
            inv[j] /= s;
        }
        return new Homography(inv);
    }

    /**
     * A {@code dw} x {@code dh} picture whose pixel (x, y) shows the source at this map's image of
     * (x, y) (this map goes from the new picture to the source), bilinear, packed ARGB.
     */
    int[] sample(int[] src, int sw, int sh, int dw, int dh) {
        int[] out = new int[dw * dh];
        for (int y = 0; y < dh; y++) {
            for (int x = 0; x < dw; x++) {
                double sx = x(x, y);
                double sy = y(x, y);
                int x0 = (int) Math.floor(sx);
                int y0 = (int) Math.floor(sy);
                float fx = (float) (sx - x0);
                float fy = (float) (sy - y0);
                int p00 = pixel(src, sw, sh, x0, y0);
                int p10 = pixel(src, sw, sh, x0 + 1, y0);
                int p01 = pixel(src, sw, sh, x0, y0 + 1);
                int p11 = pixel(src, sw, sh, x0 + 1, y0 + 1);
                int v = 0xFF000000;
                for (int s = 16; s >= 0; s -= 8) {
                    float top = ((p00 >> s) & 0xFF) * (1 - fx) + ((p10 >> s) & 0xFF) * fx;
                    float bottom = ((p01 >> s) & 0xFF) * (1 - fx) + ((p11 >> s) & 0xFF) * fx;
                    v |= Math.round(top * (1 - fy) + bottom * fy) << s;
                }
                out[y * dw + x] = v;
            }
        }
        return out;
    }

    private static int pixel(int[] src, int w, int h, int x, int y) {
        return src[Math.max(0, Math.min(h - 1, y)) * w + Math.max(0, Math.min(w - 1, x))];
    }
}
