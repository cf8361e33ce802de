package dev.cuddlies.pattern.stuffing.internal;

import java.util.Arrays;

/**
 * The energy whose minimum is the stuffed toy: minus the enclosed volume (the stuffing's pressure,
 * taken as 1), plus per triangle a stiff penalty on fabric stretched past its limit and on fabric
 * gathered past what it can gather, both on the principal stretches of the triangle's deformation
 * gradient (isotropic strain limiting, Thomaszewski, Pabst &amp; Straßer 2009, written as an
 * energy), plus a little bending of the seam line. Gathering short of the limit is free: fabric
 * wrinkles rather than resist, as tension field theory (and the Mylar balloon) assumes.
 *
 * <p>Front and back are cut from the same piece, mirrored, so the stuffed toy is symmetric about
 * the seam's plane z = 0. The energy is that of the front layer alone (half the toy's) over the
 * front layer's positions (pattern vertex indices, x y z each, centred on the origin), with the
 * seam held in the plane.
 */
final class StuffingEnergy implements Lbfgs.Objective {

    private final int[] triangles;
    private final int[] seam;
    private final boolean[] onSeam;
    private final double[] restInverse;
    private final double[] restArea;
    private final double[] seamRest;
    private final double upper;
    private final double lower;
    private final double stretchStiffness;
    private final double seamBending;

    /**
     * @param restX, restY     the flat pattern, mm. Not modified.
     * @param stretchStiffness penalty per unit area on stretch past {@code 1 + maxStretch}, and on
     *                         gathering past {@code 1 - maxGather}
     * @param seamBending      penalty on the seam's second difference, per unit length
     */
    StuffingEnergy(PatternMesh mesh, double[] restX, double[] restY, double maxStretch, double maxGather,
                   double stretchStiffness, double seamBending) {
        this.triangles = mesh.triangles();
        this.seam = mesh.seam();
        this.upper = 1 + maxStretch;
        this.lower = 1 - maxGather;
        this.stretchStiffness = stretchStiffness;
        this.seamBending = seamBending;
        onSeam = new boolean[mesh.vertexCount()];
        for (int v : seam) {
            onSeam[v] = true;
        }
        restInverse = new double[triangles.length / 3 * 4];
        restArea = new double[triangles.length / 3];
        for (int t = 0, k = 0; t < triangles.length; t += 3, k += 4) {
            int a = triangles[t];
            int b = triangles[t + 1];
            int c = triangles[t + 2];
            double m11 = restX[b] - restX[a];
            double m21 = restY[b] - restY[a];
            double m12 = restX[c] - restX[a];
            double m22 = restY[c] - restY[a];
            double det = m11 * m22 - m12 * m21;
            restArea[t / 3] = Math.abs(det) / 2;
            if (Math.abs(det) < 1e-12) {
                continue; // a flat triangle holds no fabric: its inverse stays 0 and it never resists
            }
            restInverse[k] = m22 / det;
            restInverse[k + 1] = -m12 / det;
            restInverse[k + 2] = -m21 / det;
            restInverse[k + 3] = m11 / det;
        }
        seamRest = new double[seam.length];
        for (int k = 0; k < seam.length; k++) {
            int a = seam[k];
            int b = seam[(k + 1) % seam.length];
            seamRest[k] = Math.hypot(restX[b] - restX[a], restY[b] - restY[a]);
        }
    }

    @Override
    public double evaluate(double[] p, double[] g) {
        Arrays.fill(g, 0);
        double energy = 0;
        double volume = 0;
        for (int t = 0, k = 0; t < triangles.length; t += 3, k += 4) {
            int a = 3 * triangles[t];
            int b = 3 * triangles[t + 1];
            int c = 3 * triangles[t + 2];
            // Volume between the front and the seam's plane: tetrahedra a·(b×c)/6 on the origin,
            // which lies in that plane. The open fans at the seam need this exact gradient.
            double bcx = p[b + 1] * p[c + 2] - p[b + 2] * p[c + 1];
            double bcy = p[b + 2] * p[c] - p[b] * p[c + 2];
            double bcz = p[b] * p[c + 1] - p[b + 1] * p[c];
            volume += p[a] * bcx + p[a + 1] * bcy + p[a + 2] * bcz;
            g[a] -= bcx / 6;
            g[a + 1] -= bcy / 6;
            g[a + 2] -= bcz / 6;
            g[b] -= (p[c + 1] * p[a + 2] - p[c + 2] * p[a + 1]) / 6;
            g[b + 1] -= (p[c + 2] * p[a] - p[c] * p[a + 2]) / 6;
            g[b + 2] -= (p[c] * p[a + 1] - p[c + 1] * p[a]) / 6;
            g[c] -= (p[a + 1] * p[b + 2] - p[a + 2] * p[b + 1]) / 6;
            g[c + 1] -= (p[a + 2] * p[b] - p[a] * p[b + 2]) / 6;
            g[c + 2] -= (p[a] * p[b + 1] - p[a + 1] * p[b]) / 6;
            energy += fabric(p, g, a, b, c, k, restArea[t / 3]);
        }
        energy += seam(p, g);
        for (int v = 0; v < onSeam.length; v++) {
            if (onSeam[v]) {
                g[3 * v + 2] = 0; // the seam stays in the plane of symmetry
            }
        }
        return energy - volume / 6;
    }

    /** One triangle's fabric energy; adds its gradient. */
    private double fabric(double[] p, double[] g, int a, int b, int c, int k, double w) {
        double i11 = restInverse[k];
        double i12 = restInverse[k + 1];
        double i21 = restInverse[k + 2];
        double i22 = restInverse[k + 3];
        double e1x = p[b] - p[a];
        double e1y = p[b + 1] - p[a + 1];
        double e1z = p[b + 2] - p[a + 2];
        double e2x = p[c] - p[a];
        double e2y = p[c + 1] - p[a + 1];
        double e2z = p[c + 2] - p[a + 2];
        // F = [e1 e2]·Dm⁻¹, columns f1 and f2; C = FᵀF has the squared principal stretches.
        double f1x = e1x * i11 + e2x * i21;
        double f1y = e1y * i11 + e2y * i21;
        double f1z = e1z * i11 + e2z * i21;
        double f2x = e1x * i12 + e2x * i22;
        double f2y = e1y * i12 + e2y * i22;
        double f2z = e1z * i12 + e2z * i22;
        double c11 = f1x * f1x + f1y * f1y + f1z * f1z;
        double c22 = f2x * f2x + f2y * f2y + f2z * f2z;
        double c12 = f1x * f2x + f1y * f2y + f1z * f2z;
        double mean = 0.5 * (c11 + c22);
        double root = Math.sqrt(0.25 * (c11 - c22) * (c11 - c22) + c12 * c12);
        double s1 = Math.sqrt(mean + root);
        double s2 = Math.sqrt(Math.max(0, mean - root));
        if (!(s1 > 1e-9)) {
            return 0; // a triangle crushed to a point, or a flat one: no direction to act along
        }
        double d1 = slope(s1);
        double d2 = s2 > 1e-9 ? slope(s2) : 0;
        if (d1 == 0 && d2 == 0) {
            return 0;
        }
        // dE/dF = w·Σ ψ'(σi)·ui·viᵀ = F·G with G = w·Σ (ψ'(σi)/σi)·vi·viᵀ (ui = F·vi/σi).
        double v1x;
        double v1y;
        if (Math.abs(c12) > 1e-12 * (c11 + c22)) {
            v1x = s1 * s1 - c22;
            v1y = c12;
        } else if (c11 >= c22) {
            v1x = 1;
            v1y = 0;
        } else {
            v1x = 0;
            v1y = 1;
        }
        double norm = Math.hypot(v1x, v1y);
        v1x /= norm;
        v1y /= norm;
        double v2x = -v1y;
        double v2y = v1x;
        double q1 = w * d1 / s1;
        double q2 = s2 > 1e-9 ? w * d2 / s2 : 0;
        double g11 = q1 * v1x * v1x + q2 * v2x * v2x;
        double g12 = q1 * v1x * v1y + q2 * v2x * v2y;
        double g22 = q1 * v1y * v1y + q2 * v2y * v2y;
        double p1x = f1x * g11 + f2x * g12;
        double p1y = f1y * g11 + f2y * g12;
        double p1z = f1z * g11 + f2z * g12;
        double p2x = f1x * g12 + f2x * g22;
        double p2y = f1y * g12 + f2y * g22;
        double p2z = f1z * g12 + f2z * g22;
        // Back to the vertices through Dm⁻¹: ∂E/∂e1 = P·(row 1 of Dm⁻¹)ᵀ, ∂E/∂e2 = P·(row 2)ᵀ.
        double gbx = p1x * i11 + p2x * i12;
        double gby = p1y * i11 + p2y * i12;
        double gbz = p1z * i11 + p2z * i12;
        double gcx = p1x * i21 + p2x * i22;
        double gcy = p1y * i21 + p2y * i22;
        double gcz = p1z * i21 + p2z * i22;
        g[b] += gbx;
        g[b + 1] += gby;
        g[b + 2] += gbz;
        g[c] += gcx;
        g[c + 1] += gcy;
        g[c + 2] += gcz;
        g[a] -= gbx + gcx;
        g[a + 1] -= gby + gcy;
        g[a + 2] -= gbz + gcz;
        return w * (penalty(s1) + penalty(s2));
    }

    /**
     * The seam with both seam allowances folded inside it is a stiff rib: a little energy on its
     * squared second difference (per unit length) keeps it from zig-zagging where fabric gathers.
     */
    private double seam(double[] p, double[] g) {
        int n = seam.length;
        double e = 0;
        for (int k = 0; k < n; k++) {
            int a = 3 * seam[(k + n - 1) % n];
            int b = 3 * seam[k];
            int c = 3 * seam[(k + 1) % n];
            double len = 0.5 * (seamRest[(k + n - 1) % n] + seamRest[k]);
            double w = seamBending / len;
            for (int d = 0; d < 2; d++) {
                double second = p[a + d] - 2 * p[b + d] + p[c + d];
                e += 0.5 * w * second * second;
                g[a + d] += w * second;
                g[b + d] -= 2 * w * second;
                g[c + d] += w * second;
            }
        }
        return e;
    }

    private double penalty(double s) {
        double e = 0;
        if (s > upper) {
            e += 0.5 * stretchStiffness * (s - upper) * (s - upper);
        }
        if (s < lower) {
            e += 0.5 * stretchStiffness * (lower - s) * (lower - s);
        }
        return e;
    }

    private double slope(double s) {
        double d = 0;
        if (s > upper) {
            d += stretchStiffness * (s - upper);
        }
        if (s < lower) {
            d -= stretchStiffness * (lower - s);
        }
        return d;
    }

    /** The largest principal stretch beyond the rest shape over all triangles (0 = none). */
    double maxStrain(double[] p) {
        double worst = 0;
        for (int t = 0, k = 0; t < triangles.length; t += 3, k += 4) {
            int a = 3 * triangles[t];
            int b = 3 * triangles[t + 1];
            int c = 3 * triangles[t + 2];
            double[] f = new double[6];
            for (int d = 0; d < 3; d++) {
                double e1 = p[b + d] - p[a + d];
                double e2 = p[c + d] - p[a + d];
                f[d] = e1 * restInverse[k] + e2 * restInverse[k + 2];
                f[3 + d] = e1 * restInverse[k + 1] + e2 * restInverse[k + 3];
            }
            double c11 = f[0] * f[0] + f[1] * f[1] + f[2] * f[2];
            double c22 = f[3] * f[3] + f[4] * f[4] + f[5] * f[5];
            double c12 = f[0] * f[3] + f[1] * f[4] + f[2] * f[5];
            double l1 = 0.5 * (c11 + c22) + Math.sqrt(0.25 * (c11 - c22) * (c11 - c22) + c12 * c12);
            worst = Math.max(worst, Math.sqrt(l1) - 1);
        }
        return worst;
    }
}
