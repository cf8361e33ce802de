package dev.cuddlies.pattern.stuffing.internal;

/**
 * Limited-memory BFGS (Nocedal &amp; Wright, Numerical Optimization, algorithms 7.4 and 7.5) with a
 * backtracking line search on the Armijo condition. Minimises a smooth function of many variables;
 * curvature pairs that are not positive (the function is not convex everywhere) are skipped.
 */
final class Lbfgs {

    /** A function to minimise: writes its gradient and returns its value. */
    interface Objective {
        double evaluate(double[] x, double[] gradient);
    }

    private static final double ARMIJO = 1e-4;

    private final int memory;

    Lbfgs(int memory) {
        this.memory = memory;
    }

    /**
     * @param x        start, changed in place to the minimiser found
     * @param maxSteps iterations at most
     * @param gradientTolerance stop when the gradient's largest component is below this
     * @param firstStepLength   the first step moves the variable pushed hardest by this much
     * @param maxMove           no step moves any variable by more than this
     * @return iterations taken
     */
    int minimise(Objective f, double[] x, int maxSteps, double gradientTolerance, double firstStepLength,
                 double maxMove) {
        int n = x.length;
        double[][] s = new double[memory][n];
        double[][] y = new double[memory][n];
        double[] rho = new double[memory];
        double[] alpha = new double[memory];
        double[] g = new double[n];
        double[] gNew = new double[n];
        double[] d = new double[n];
        double[] xNew = new double[n];
        double fx = f.evaluate(x, g);
        int stored = 0;
        int head = 0;
        int it;
        for (it = 0; it < maxSteps; it++) {
            if (maxAbs(g) < gradientTolerance) {
                break;
            }
            // Two-loop recursion: d = −H·g
            System.arraycopy(g, 0, d, 0, n);
            for (int k = 0; k < stored; k++) {
                int j = (head - 1 - k + memory) % memory;
                alpha[j] = rho[j] * dot(s[j], d);
                axpy(-alpha[j], y[j], d);
            }
            double scale;
            if (stored > 0) {
                int j = (head - 1 + memory) % memory;
                scale = dot(s[j], y[j]) / dot(y[j], y[j]);
            } else {
                scale = firstStepLength / Math.max(1e-300, maxAbs(g));
            }
            for (int i = 0; i < n; i++) {
                d[i] *= scale;
            }
            for (int k = stored - 1; k >= 0; k--) {
                int j = (head - 1 - k + memory) % memory;
                double beta = rho[j] * dot(y[j], d);
                axpy(alpha[j] - beta, s[j], d);
            }
            for (int i = 0; i < n; i++) {
                d[i] = -d[i];
            }
            double slope = dot(g, d);
            if (slope >= 0) { // not a descent direction: restart from steepest descent
                stored = 0;
                double sc = firstStepLength / Math.max(1e-300, maxAbs(g));
                for (int i = 0; i < n; i++) {
                    d[i] = -sc * g[i];
                }
                slope = dot(g, d);
            }
            // A step never moves a variable by more than maxMove: the shape follows a path, not a jump.
            double t = Math.min(1, maxMove / Math.max(1e-300, maxAbs(d)));
            double fNew = 0;
            boolean accepted = false;
            for (int ls = 0; ls < 30; ls++) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + t * d[i];
                }
                fNew = f.evaluate(xNew, gNew);
                if (fNew <= fx + ARMIJO * t * slope) {
                    accepted = true;
                    break;
                }
                t *= 0.5;
            }
            if (!accepted) {
                break;
            }
            double[] sv = s[head];
            double[] yv = y[head];
            for (int i = 0; i < n; i++) {
                sv[i] = xNew[i] - x[i];
                yv[i] = gNew[i] - g[i];
            }
            double sy = dot(sv, yv);
            if (sy > 1e-12 * Math.sqrt(dot(sv, sv) * dot(yv, yv))) {
                rho[head] = 1 / sy;
                head = (head + 1) % memory;
                stored = Math.min(stored + 1, memory);
            }
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            fx = fNew;
        }
        return it;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
