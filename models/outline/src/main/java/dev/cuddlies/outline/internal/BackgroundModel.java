package dev.cuddlies.outline.internal;

/**
 * A smooth colour surface: per channel, a polynomial in normalised image coordinates
 * (u, v in [-1, 1]). Degree 2 models plain, tinted, linear and soft radial backgrounds and the uneven
 * light of a phone photo; degree 3 follows stronger curvature once the whole background is known.
 */
final class BackgroundModel {

    private final int degree;
    private final double[][] coefficients; // [channel][term]
    private final int width;
    private final int height;
    private final double[] uOfColumn;

    private BackgroundModel(int degree, double[][] coefficients, int width, int height) {
        this.degree = degree;
        this.coefficients = coefficients;
        this.width = width;
        this.height = height;
        this.uOfColumn = new double[width];
        for (int x = 0; x < width; x++) {
            uOfColumn[x] = u(x);
        }
    }

    /** The highest degree used; lower degrees use a prefix of its terms. */
    static final int MAX_DEGREE = 3;

    static int termCount(int degree) {
        return (degree + 1) * (degree + 2) / 2;
    }

    /** Fills {@code out} with the polynomial terms of (u, v): 1, u, v, u², uv, v², u³, … (term u^(d-j)·v^j). */
    static void terms(double u, double v, int degree, double[] out) {
        double[] up = new double[degree + 1];
        double[] vp = new double[degree + 1];
        up[0] = 1;
        vp[0] = 1;
        for (int d = 1; d <= degree; d++) {
            up[d] = up[d - 1] * u;
            vp[d] = vp[d - 1] * v;
        }
        int k = 0;
        for (int d = 0; d <= degree; d++) {
            for (int j = 0; j <= d; j++) {
                out[k++] = up[d - j] * vp[j];
            }
        }
    }

    double u(double x) {
        return width <= 1 ? 0 : 2.0 * x / (width - 1) - 1;
    }

    double v(double y) {
        return height <= 1 ? 0 : 2.0 * y / (height - 1) - 1;
    }

    /**
     * Least-squares fit of the samples where {@code use[i]}.
     *
     * @param samples positions and colours (0..255 per channel)
     */
    static BackgroundModel fit(int degree, int width, int height, Samples samples, boolean[] use) {
        int n = termCount(degree);
        double[][] rows = samples.terms(width, height);
        double[][] ata = new double[n][n];
        double[][] atb = new double[3][n];
        int used = 0;
        for (int i = 0; i < rows.length; i++) {
            if (!use[i]) {
                continue;
            }
            used++;
            double[] t = rows[i];
            float[] rgb = samples.rgb[i];
            for (int a = 0; a < n; a++) {
                double ta = t[a];
                double[] row = ata[a];
                for (int b = a; b < n; b++) {
                    row[b] += ta * t[b];
                }
                atb[0][a] += ta * rgb[0];
                atb[1][a] += ta * rgb[1];
                atb[2][a] += ta * rgb[2];
            }
        }
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < a; b++) {
                ata[a][b] = ata[b][a];
            }
            ata[a][a] += 1e-6 * Math.max(1, used); // ridge: a narrow sample set must not explode
        }
        double[][] coefficients = new double[3][];
        for (int c = 0; c < 3; c++) {
            coefficients[c] = solve(copy(ata), atb[c].clone());
        }
        return new BackgroundModel(degree, coefficients, width, height);
    }

    /** Colour distance of each sample from this surface, written into {@code out}. */
    void residuals(Samples samples, float[] out) {
        double[][] rows = samples.terms(width, height);
        for (int i = 0; i < rows.length; i++) {
            double[] t = rows[i];
            float[] rgb = samples.rgb[i];
            double sum = 0;
            for (int c = 0; c < 3; c++) {
                double[] k = coefficients[c];
                double s = 0;
                for (int j = 0; j < k.length; j++) {
                    s += k[j] * t[j];
                }
                double d = rgb[c] - s;
                sum += d * d;
            }
            out[i] = (float) Math.sqrt(sum);
        }
    }

    /** Expected background colour at (x, y), written into {@code out[3]}. */
    void predict(double x, double y, double[] scratchTerms, float[] out) {
        terms(u(x), v(y), degree, scratchTerms);
        for (int c = 0; c < 3; c++) {
            double s = 0;
            double[] k = coefficients[c];
            for (int i = 0; i < k.length; i++) {
                s += k[i] * scratchTerms[i];
            }
            out[c] = (float) s;
        }
    }

    /**
     * Colour distance of the pixels {@code x0..x1-1} of a row from this surface, written into
     * {@code out} (the row starts at {@code offset}). With v fixed the surface is a polynomial in u alone; stepping along
     * the row it is evaluated by forward differences, a few additions a pixel: this runs for every
     * pixel of the picture.
     */
    void distanceRow(int y, int x0, int x1, Colours colours, float[] out, int offset) {
        double v = v(y);
        double[] vp = new double[degree + 1];
        vp[0] = 1;
        for (int d = 1; d <= degree; d++) {
            vp[d] = vp[d - 1] * v;
        }
        double du = width <= 1 ? 0 : 2.0 / (width - 1);
        double[][] diff = new double[3][];
        for (int c = 0; c < 3; c++) {
            double[] inU = new double[degree + 1]; // coefficient of u^p for this row
            int k = 0;
            for (int d = 0; d <= degree; d++) {
                for (int j = 0; j <= d; j++) {
                    inU[d - j] += coefficients[c][k++] * vp[j];
                }
            }
            diff[c] = forwardDifferences(inU, uOfColumn.length == 0 ? 0 : uOfColumn[x0], du);
        }
        double[] dr = diff[0];
        double[] dg = diff[1];
        double[] db = diff[2];
        int[] packed = colours.packedRgb();
        float[][] planes = colours.planes();
        // Two loops rather than a test per pixel: this is the hottest loop of the outline.
        if (packed != null) {
            for (int x = x0; x < x1; x++) {
                int p = packed[offset + x];
                double er = ((p >> 16) & 0xFF) - dr[0];
                double eg = ((p >> 8) & 0xFF) - dg[0];
                double eb = (p & 0xFF) - db[0];
                out[offset + x] = (float) Math.sqrt(er * er + eg * eg + eb * eb);
                step(dr, dg, db);
            }
        } else {
            float[] r = planes[0];
            float[] g = planes[1];
            float[] b = planes[2];
            for (int x = x0; x < x1; x++) {
                int i = offset + x;
                double er = r[i] - dr[0];
                double eg = g[i] - dg[0];
                double eb = b[i] - db[0];
                out[i] = (float) Math.sqrt(er * er + eg * eg + eb * eb);
                step(dr, dg, db);
            }
        }
    }

    /** Advances the three channels' forward differences by one column. */
    private void step(double[] dr, double[] dg, double[] db) {
        for (int d = 0; d < degree; d++) {
            dr[d] += dr[d + 1];
            dg[d] += dg[d + 1];
            db[d] += db[d + 1];
        }
    }

    /** Δ⁰..Δᵈ of a polynomial (coefficients by power) at u0 with step du. */
    private static double[] forwardDifferences(double[] coef, double u0, double du) {
        int n = coef.length;
        double[] values = new double[n];
        for (int k = 0; k < n; k++) {
            double u = u0 + k * du;
            double s = 0;
            for (int p = n - 1; p >= 0; p--) {
                s = s * u + coef[p];
            }
            values[k] = s;
        }
        // Newton's forward differences of the first n samples.
        double[] diff = new double[n];
        for (int level = 0; level < n; level++) {
            diff[level] = values[0];
            for (int k = 0; k < n - level - 1; k++) {
                values[k] = values[k + 1] - values[k];
            }
        }
        return diff;
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    /** Gaussian elimination with partial pivoting; a is n×n, b is n. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] tr = a[col];
            a[col] = a[pivot];
            a[pivot] = tr;
            double tb = b[col];
            b[col] = b[pivot];
            b[pivot] = tb;
            double p = a[col][col];
            if (Math.abs(p) < 1e-12) {
                continue;
            }
            for (int r = col + 1; r < n; r++) {
                double f = a[r][col] / p;
                if (f == 0) {
                    continue;
                }
                for (int k = col; k < n; k++) {
                    a[r][k] -= f * a[col][k];
                }
                b[r] -= f * b[col];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int k = r + 1; k < n; k++) {
                s -= a[r][k] * x[k];
            }
            x[r] = Math.abs(a[r][r]) < 1e-12 ? 0 : s / a[r][r];
        }
        return x;
    }
}
