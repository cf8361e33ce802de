package dev.cuddlies.pattern.stuffing.internal;

import org.locationtech.jts.algorithm.LineIntersector;
import org.locationtech.jts.algorithm.RobustLineIntersector;
import org.locationtech.jts.geom.Coordinate;

/** Where a closed line crosses itself: the start index of every segment that meets a non-neighbouring one. */
final class SeamCrossings {

    private SeamCrossings() {
    }

    /** @return flags per segment (segment k runs from point k to point k + 1, the last back to 0) */
    static boolean[] crossing(double[] x, double[] y) {
        int n = x.length;
        boolean[] hit = new boolean[n];
        LineIntersector li = new RobustLineIntersector();
        double[] minX = new double[n];
        double[] maxX = new double[n];
        double[] minY = new double[n];
        double[] maxY = new double[n];
        for (int k = 0; k < n; k++) {
            int j = (k + 1) % n;
            minX[k] = Math.min(x[k], x[j]);
            maxX[k] = Math.max(x[k], x[j]);
            minY[k] = Math.min(y[k], y[j]);
            maxY[k] = Math.max(y[k], y[j]);
        }
        for (int a = 0; a < n; a++) {
            for (int b = a + 2; b < n; b++) {
                if (a == 0 && b == n - 1) {
                    continue; // neighbours around the closing point
                }
                if (maxX[a] < minX[b] || maxX[b] < minX[a] || maxY[a] < minY[b] || maxY[b] < minY[a]) {
                    continue;
                }
                li.computeIntersection(new Coordinate(x[a], y[a]), new Coordinate(x[(a + 1) % n], y[(a + 1) % n]),
                        new Coordinate(x[b], y[b]), new Coordinate(x[(b + 1) % n], y[(b + 1) % n]));
                if (li.hasIntersection()) {
                    hit[a] = true;
                    hit[b] = true;
                }
            }
        }
        return hit;
    }
}
