package dev.cuddlies.pattern;

import dev.cuddlies.outline.Outline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Outlines with known geometry, in pixel coordinates (y down, clockwise on screen). */
final class TestOutlines {

    private TestOutlines() {
    }

    static Outline of(double... xy) {
        List<Outline.Point> pts = new ArrayList<>();
        for (int i = 0; i < xy.length; i += 2) {
            pts.add(new Outline.Point(xy[i], xy[i + 1]));
        }
        return new Outline(1000, 1000, pts, 0, List.of(), Map.of());
    }

    /** A disc of radius r px centred at (500, 500). */
    static Outline disc(double r) {
        int n = 180;
        double[] xy = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            xy[2 * i] = 500 + r * Math.cos(a);
            xy[2 * i + 1] = 500 + r * Math.sin(a);
        }
        return of(xy);
    }

    /** A 200 x 300 px body with a thin 10 px arm sticking out to the right at mid height. */
    static Outline bodyWithThinArm() {
        return of(100, 100, 300, 100, 300, 245, 450, 245, 450, 255, 300, 255, 300, 400, 100, 400);
    }
}
