package dev.cuddlies.outline.drawings;

import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;

/** A plane-to-plane perspective map (3x3, h33 = 1), as a camera sees a flat sheet. */
final class Homography {

    private final double[] h; // row-major, 9 values

    private Homography(double[] h) {
        this.h = h;
    }

    /** The map taking each {@code from[i]} to {@code to[i]} (four points, no three on a line). */
    static Homography between(Point2D.Double[] from, Point2D.Double[] to) {
        double[][] a = new double[8][9];
        for (int i = 0; i < 4; i++) {
            double x = from[i].x;
            double y = from[i].y;
            double u = to[i].x;
            double v = to[i].y;
            a[2 * i] = new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
            a[2 * i + 1] = new double[] {0, 0, 0, x, y, 1, -v * x, -v * y, v};
        }
        for (int col = 0; col < 8; col++) {
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
                if (r != col) {
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

    Point2D.Double apply(double x, double y) {
        double w = h[6] * x + h[7] * y + h[8];
        return new Point2D.Double((h[0] * x + h[1] * y + h[2]) / w, (h[3] * x + h[4] * y + h[5]) / w);
    }

    Homography inverse() {
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
     * Paints {@code source} onto {@code target} through this map (source to target), bilinear, only
     * where the source lands. With {@code maskOnly}, writes 255 where the interpolated first band is
     * at least half (a ground-truth mask's 50 % rule).
     */
    void warpOnto(BufferedImage source, BufferedImage target, boolean maskOnly) {
        Homography back = inverse();
        int sw = source.getWidth();
        int sh = source.getHeight();
        int[] src = source.getRGB(0, 0, sw, sh, null, 0, sw);
        int tw = target.getWidth();
        int th = target.getHeight();
        int[] dst = target.getRGB(0, 0, tw, th, null, 0, tw);
        for (int y = 0; y < th; y++) {
            for (int x = 0; x < tw; x++) {
                Point2D.Double s = back.apply(x + 0.5, y + 0.5);
                double sx = s.x - 0.5;
                double sy = s.y - 0.5;
                if (sx < -0.5 || sy < -0.5 || sx > sw - 0.5 || sy > sh - 0.5) {
                    continue;
                }
                int x0 = (int) Math.floor(sx);
                int y0 = (int) Math.floor(sy);
                double fx = sx - x0;
                double fy = sy - y0;
                int rgb = 0;
                for (int c = 0; c < 3; c++) {
                    int shift = 16 - 8 * c;
                    double v = (1 - fy) * ((1 - fx) * sample(src, sw, sh, x0, y0, shift) + fx * sample(src, sw, sh, x0 + 1, y0, shift))
                            + fy * ((1 - fx) * sample(src, sw, sh, x0, y0 + 1, shift) + fx * sample(src, sw, sh, x0 + 1, y0 + 1, shift));
                    rgb = rgb << 8 | (int) Math.round(v);
                }
                if (maskOnly) {
                    int v = ((rgb >> 16) & 0xFF) >= 128 ? 255 : 0;
                    dst[y * tw + x] = v << 16 | v << 8 | v;
                } else {
                    dst[y * tw + x] = rgb;
                }
            }
        }
        target.setRGB(0, 0, tw, th, dst, 0, tw);
    }

    private static int sample(int[] src, int w, int h, int x, int y, int shift) {
        x = Math.max(0, Math.min(w - 1, x));
        y = Math.max(0, Math.min(h - 1, y));
        return (src[y * w + x] >> shift) & 0xFF;
    }
}
