package dev.cuddlies.outline.internal;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The normal equations (AᵀA, Aᵀb for the three colour channels) of a {@link BackgroundModel} fit,
 * kept so that samples can be added and taken out again: a robust fit's later rounds change which
 * samples count only at the margin, and updating costs a few samples instead of all of them.
 */
final class NormalEquations {

    /** Keeps a narrow sample set (all on one line, say) from an exploding fit; relative to the sample count. */
    private static final double RIDGE = 1e-6;

    private final int degree;
    private final int n;
    private final double[] ata; // upper triangle, row-major: (a, b) with b >= a
    private final double[][] atb = new double[3][];
    private int count;

    NormalEquations(int degree) {
        if (degree < 0 || degree > BackgroundModel.MAX_DEGREE) {
            throw new IllegalArgumentException("degree must be 0.." + BackgroundModel.MAX_DEGREE);
        }
        this.degree = degree;
        this.n = BackgroundModel.termCount(degree);
        this.ata = new double[n * (n + 1) / 2];
        for (int c = 0; c < 3; c++) {
            atb[c] = new double[n];
        }
    }

    int degree() {
        return degree;
    }

    /**
     * Adds the samples where {@code use[i]}. A row at a time: along a row v is fixed,
     * so every product of two terms is a power sum of u times a power of v, and a sample costs a
     * dozen additions instead of a product per pair of terms.
     *
     * @param width  the picture's width, px (u is x normalised to [-1, 1] across it)
     * @param height the picture's height, px
     */
    void addAll(Samples s, boolean[] use, int width, int height) {
        int d = degree;
        double[] powerSums = new double[2 * d + 1]; // Σ u^k
        double[][] colourSums = new double[3][d + 1]; // Σ u^k · colour
        double[] vp = new double[2 * d + 1];
        float[] r = s.rgb[0];
        float[] g = s.rgb[1];
        float[] b = s.rgb[2];
        for (int i = 0, end; i < s.size(); i = end) {
            end = s.rowEnd(i);
            java.util.Arrays.fill(powerSums, 0);
            for (double[] c : colourSums) {
                java.util.Arrays.fill(c, 0);
            }
            int rowCount = 0;
            for (int j = i; j < end; j++) {
                if (!use[j]) {
                    continue;
                }
                rowCount++;
                double u = BackgroundModel.u(s.xs[j], width);
                double p = 1;
                for (int k = 0; k <= 2 * d; k++) {
                    powerSums[k] += p;
                    if (k <= d) {
                        colourSums[0][k] += p * r[j];
                        colourSums[1][k] += p * g[j];
                        colourSums[2][k] += p * b[j];
                    }
                    p *= u;
                }
            }
            if (rowCount == 0) {
                continue;
            }
            count += rowCount;
            double v = BackgroundModel.u(s.ys[i], height);
            vp[0] = 1;
            for (int k = 1; k <= 2 * d; k++) {
                vp[k] = vp[k - 1] * v;
            }
            int k = 0;
            for (int a = 0; a < n; a++) {
                int ua = BackgroundModel.POWER_OF_U[a];
                int va = BackgroundModel.POWER_OF_V[a];
                for (int t = a; t < n; t++) {
                    ata[k++] += vp[va + BackgroundModel.POWER_OF_V[t]] * powerSums[ua + BackgroundModel.POWER_OF_U[t]];
                }
                for (int c = 0; c < 3; c++) {
                    atb[c][a] += vp[va] * colourSums[c][ua];
                }
            }
        }
    }

    /** Adds (sign +1) or takes out (sign -1) sample {@code i}. */
    void add(Samples s, int i, int sign, int width, int height) {
        double[] t = new double[BackgroundModel.termCount(BackgroundModel.MAX_DEGREE)];
        BackgroundModel.terms(BackgroundModel.u(s.xs[i], width), BackgroundModel.u(s.ys[i], height), degree, t);
        int k = 0;
        for (int a = 0; a < n; a++) {
            double ta = sign * t[a];
            for (int c = a; c < n; c++) {
                ata[k++] += ta * t[c];
            }
            atb[0][a] += ta * s.rgb[0][i];
            atb[1][a] += ta * s.rgb[1][i];
            atb[2][a] += ta * s.rgb[2][i];
        }
        count += sign;
    }

    /**
     * Coefficients per channel, [channel][term]: AᵀA (with a small ridge) is symmetric positive
     * definite, solved by Cholesky (EJML) for the three channels at once. The equations are not
     * modified. (The ridge keeps even a degenerate sample set solvable; should the factorisation
     * fail all the same, the coefficients are zero.)
     */
    double[][] solve() {
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        int k = 0;
        for (int r = 0; r < n; r++) {
            for (int c = r; c < n; c++) {
                a.unsafe_set(r, c, ata[k]);
                a.unsafe_set(c, r, ata[k]);
                k++;
            }
            a.add(r, r, RIDGE * Math.max(1, count));
        }
        DMatrixRMaj b = new DMatrixRMaj(n, 3);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < 3; c++) {
                b.unsafe_set(r, c, atb[c][r]);
            }
        }
        DMatrixRMaj x = new DMatrixRMaj(n, 3);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(n);
        double[][] out = new double[3][n];
        if (solver.setA(a)) {
            solver.solve(b, x);
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < 3; c++) {
                    out[c][r] = x.unsafe_get(r, c);
                }
            }
        }
        return out;
    }
}
