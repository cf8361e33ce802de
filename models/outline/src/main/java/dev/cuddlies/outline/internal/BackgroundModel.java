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

    private BackgroundModel(int degree, double[][] coefficients, int width, int height) {
        this.degree = degree;
        this.coefficients = coefficients;
        this.width = width;
        this.height = height;
    }

    /** The highest degree used (cubic); lower degrees use a prefix of its terms. */
    static final int MAX_DEGREE = 3;

    static int termCount(int degree) {
        return (degree + 1) * (degree + 2) / 2;
    }

    /** Fills {@code out} with the polynomial terms of (u, v): 1, u, v, u², uv, v², u³, … (term u^(d-j)·v^j). */
    static void terms(double u, double v, int degree, double[] out) {
        out[0] = 1;
        if (degree == 0) {
            return;
        }
        out[1] = u;
        out[2] = v;
        if (degree == 1) {
            return;
        }
        double uu = u * u;
        double vv = v * v;
        out[3] = uu;
        out[4] = u * v;
        out[5] = vv;
        if (degree == 2) {
            return;
        }
        out[6] = uu * u;
        out[7] = uu * v;
        out[8] = u * vv;
        out[9] = vv * v;
    }

    double u(double x) {
        return u(x, width);
    }

    double v(double y) {
        return u(y, height);
    }

    /** A coordinate along a side of {@code size} px, normalised to [-1, 1]. */
    static double u(double x, int size) {
        return size <= 1 ? 0 : 2.0 * x / (size - 1) - 1;
    }

    /**
     * The least-squares surface of degree {@code degree} through the samples added to {@code equations}.
     */
    static BackgroundModel fit(int width, int height, NormalEquations equations) {
        return new BackgroundModel(equations.degree(), equations.solve(), width, height);
    }

    /** Colour distance of each sample from this surface, written into {@code out}; a row at a time. */
    void residuals(Samples samples, float[] out) {
        double[][] row = new double[3][MAX_DEGREE + 1];
        float[] r = samples.rgb[0];
        float[] g = samples.rgb[1];
        float[] b = samples.rgb[2];
        double du = width <= 1 ? 0 : 2.0 / (width - 1);
        for (int i = 0, end; i < samples.size(); i = end) {
            end = samples.rowEnd(i);
            rowPolynomial(samples.ys[i], row);
            for (int j = i; j < end; j++) {
                double u = samples.xs[j] * du - 1;
                double dr = r[j] - horner(row[0], u);
                double dg = g[j] - horner(row[1], u);
                double db = b[j] - horner(row[2], u);
                out[j] = (float) Math.sqrt(dr * dr + dg * dg + db * db);
            }
        }
    }

    /** Power of u of each term (the order of {@link #terms}). */
    static final int[] POWER_OF_U = {0, 1, 0, 2, 1, 0, 3, 2, 1, 0};
    /** Power of v of each term. */
    static final int[] POWER_OF_V = {0, 0, 1, 0, 1, 2, 0, 1, 2, 3};

    /**
     * The surface along row {@code y}: per channel, the coefficients of a polynomial in u by power
     * (0..{@link #MAX_DEGREE}), written into {@code out[3][MAX_DEGREE + 1]}.
     */
    void rowPolynomial(double y, double[][] out) {
        double v = v(y);
        double[] vp = {1, v, v * v, v * v * v};
        for (int c = 0; c < 3; c++) {
            double[] k = coefficients[c];
            double[] o = out[c];
            java.util.Arrays.fill(o, 0);
            for (int t = 0; t < k.length; t++) {
                o[POWER_OF_U[t]] += k[t] * vp[POWER_OF_V[t]];
            }
        }
    }

    /** A cubic (coefficients by power) at u. */
    static double horner(double[] c, double u) {
        return ((c[3] * u + c[2]) * u + c[1]) * u + c[0];
    }

    /**
     * Squared colour distance of the pixels {@code x0..x1-1} of a row from this surface, written into
     * {@code out} (the row starts at {@code offset}). With v fixed the surface is a cubic (at most) in u
     * alone; stepping along the row it is evaluated by forward differences held in locals, a few
     * additions a pixel: this runs for every pixel the coarse pass did not rule out. Squared, because
     * every use compares distances (no square root a pixel).
     */
    void squaredDistanceRow(int y, int x0, int x1, Colours colours, float[] out, int offset) {
        double[][] row = new double[3][MAX_DEGREE + 1];
        rowPolynomial(y, row);
        double du = width <= 1 ? 0 : 2.0 / (width - 1);
        double u0 = u(x0);
        double[][] diff = {forwardDifferences(row[0], u0, du), forwardDifferences(row[1], u0, du),
            forwardDifferences(row[2], u0, du)};
        double r0 = diff[0][0], r1 = diff[0][1], r2 = diff[0][2], r3 = diff[0][3];
        double g0 = diff[1][0], g1 = diff[1][1], g2 = diff[1][2], g3 = diff[1][3];
        double b0 = diff[2][0], b1 = diff[2][1], b2 = diff[2][2], b3 = diff[2][3];
        int[] packed = colours.packedRgb();
        float[][] planes = colours.planes();
        // Two loops rather than a test per pixel: this is the hottest loop of the outline.
        if (packed != null) {
            for (int x = x0; x < x1; x++) {
                int p = packed[offset + x];
                double er = ((p >> 16) & 0xFF) - r0;
                double eg = ((p >> 8) & 0xFF) - g0;
                double eb = (p & 0xFF) - b0;
                out[offset + x] = (float) (er * er + eg * eg + eb * eb);
                r0 += r1; r1 += r2; r2 += r3;
                g0 += g1; g1 += g2; g2 += g3;
                b0 += b1; b1 += b2; b2 += b3;
            }
        } else {
            float[] r = planes[0];
            float[] g = planes[1];
            float[] b = planes[2];
            for (int x = x0; x < x1; x++) {
                int i = offset + x;
                double er = r[i] - r0;
                double eg = g[i] - g0;
                double eb = b[i] - b0;
                out[i] = (float) (er * er + eg * eg + eb * eb);
                r0 += r1; r1 += r2; r2 += r3;
                g0 += g1; g1 += g2; g2 += g3;
                b0 += b1; b1 += b2; b2 += b3;
            }
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
}
