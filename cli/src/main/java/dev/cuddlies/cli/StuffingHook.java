package dev.cuddlies.cli;

import dev.cuddlies.outline.Outline;
import dev.cuddlies.pattern.PatternOutcome;
import dev.cuddlies.pattern.PatternException;
import dev.cuddlies.pattern.PatternMaker;
import dev.cuddlies.pattern.PatternSpec;
import dev.cuddlies.pattern.stuffing.Compensation;
import dev.cuddlies.pattern.stuffing.StuffedPreview;
import dev.cuddlies.pattern.stuffing.StuffingCompensator;
import dev.cuddlies.pattern.stuffing.StuffingConfig;
import dev.cuddlies.pattern.stuffing.StuffingMode;
import dev.cuddlies.pattern.stuffing.StuffingReport;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code pattern --stuffing firm|soft}: until stuffing joins the pattern maker, the outline is
 * compensated here and handed to the pattern maker as an outline in millimetres at the enlarged
 * size. The pattern maker's sewability rules then apply to the enlarged shape, after the
 * prediction was made (the prediction is for the compensated shape before those rules).
 */
final class StuffingHook {

    static final String PREVIEW = "stuffed.png";
    /** As the pattern maker: traced outlines carry a vertex per pixel; a tenth of a millimetre is plenty. */
    private static final double PRE_SIMPLIFY_MM = 0.1;
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private StuffingHook() {
    }

    record Stuffed(PatternOutcome outcome, StuffingReport report, byte[] preview) {
    }

    static Stuffed compensate(Outline outline, PatternSpec spec, StuffingMode mode) throws PatternException {
        Polygon target = millimetres(outline, spec.heightMm());
        Compensation c = new StuffingCompensator(StuffingConfig.defaults()).compensate(target, mode);
        Polygon cut = c.stitchLineMm();
        double cutHeightMm = cut.getEnvelopeInternal().getHeight();
        PatternOutcome outcome = new PatternMaker().make(asOutline(cut), spec.withHeightMm(cutHeightMm));
        return new Stuffed(outcome, c.report(), StuffedPreview.png(target, c.stuffed()));
    }

    /** The outline scaled so its height is {@code heightMm} (y down), its largest part. */
    static Polygon millimetres(Outline outline, double heightMm) throws PatternException {
        if (outline.boundsHeight() < 4) {
            throw new PatternException("the outline is too flat to make a pattern from");
        }
        double k = heightMm / outline.boundsHeight();
        List<Outline.Point> pts = outline.outline();
        Coordinate[] ring = new Coordinate[pts.size() + 1];
        for (int i = 0; i < pts.size(); i++) {
            ring[i] = new Coordinate(pts.get(i).x() * k, pts.get(i).y() * k);
        }
        ring[pts.size()] = ring[0];
        Geometry g = DouglasPeuckerSimplifier.simplify(GEOMETRY.createPolygon(ring), PRE_SIMPLIFY_MM).buffer(0);
        Polygon largest = null;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p && (largest == null || p.getArea() > largest.getArea())) {
                largest = p;
            }
        }
        if (largest == null) {
            throw new PatternException("the outline does not enclose anything");
        }
        return GEOMETRY.createPolygon(largest.getExteriorRing().getCoordinates());
    }

    /** A stitch line in millimetres as an outline whose pixels are millimetres. */
    private static Outline asOutline(Polygon mm) {
        Coordinate[] c = mm.getExteriorRing().getCoordinates();
        List<Outline.Point> points = new ArrayList<>();
        for (int i = 0; i < c.length - 1; i++) {
            points.add(new Outline.Point(c[i].x, c[i].y));
        }
        var env = mm.getEnvelopeInternal();
        return new Outline((int) Math.ceil(env.getMaxX()) + 1, (int) Math.ceil(env.getMaxY()) + 1, points,
                mm.getArea(), List.of(), Map.of());
    }
}
