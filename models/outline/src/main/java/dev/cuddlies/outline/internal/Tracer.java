package dev.cuddlies.outline.internal;

import dev.cuddlies.outline.Outline;
import dev.cuddlies.outline.OutlineConfig;
import dev.cuddlies.outline.OutlineException;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One tracing run: the stages of {@link dev.cuddlies.outline.OutlineEngine}, timed. */
public final class Tracer {

    private final OutlineConfig config;
    private final Map<String, Long> timings = new LinkedHashMap<>();
    private long mark = System.nanoTime();

    public Tracer(OutlineConfig config) {
        this.config = config;
    }

    public Outline trace(byte[] picture) throws OutlineException {
        long start = mark;
        WorkingImage image = new ImageDecoder(config).decode(picture);
        lap("decode");
        if (!image.hasAlpha()) {
            RuledLines.Result ruled = RuledLines.remove(image.argb(), image.width(), image.height());
            image = new WorkingImage(image.width(), image.height(), ruled.rgb(), false,
                    image.originalWidth(), image.originalHeight(), image.scale());
        }
        ForegroundSegmenter.Mask mask = new ForegroundSegmenter().segment(image);
        if (!image.hasAlpha() && LineDrawing.isStrokes(mask)) {
            mask = LineDrawing.closeGaps(LineDrawing.withFaintStrokes(mask, Colours.opaque(image.argb())));
        }
        lap("segment");
        FigureExtractor.Silhouette silhouette =
                new FigureExtractor(config.joinGapFraction(), config.minPartFraction()).extract(mask);
        Polygon polygon = silhouette.polygon();
        if (config.simplifyPx() > 0) {
            Polygon simplified = (Polygon) TopologyPreservingSimplifier.simplify(polygon,
                    config.simplifyPx() / image.scale());
            if (!simplified.isEmpty() && simplified.getExteriorRing().getNumPoints() >= 4) {
                polygon = simplified;
            }
        }
        List<Outline.Point> points = toPicture(polygon, image);
        lap("contour");
        timings.put("total", (System.nanoTime() - start) / 1_000_000);
        return new Outline(image.originalWidth(), image.originalHeight(), points,
                polygon.getArea() * image.scale() * image.scale(), silhouette.warnings(), timings);
    }

    /**
     * Vertices in picture coordinates, clockwise on screen. With y pointing down, that is the
     * counter-clockwise orientation of the usual y-up mathematics JTS uses.
     */
    private static List<Outline.Point> toPicture(Polygon polygon, WorkingImage image) {
        Coordinate[] ring = polygon.getExteriorRing().getCoordinates();
        boolean reverse = !Orientation.isCCW(ring);
        int n = ring.length - 1; // closed ring repeats its first point
        List<Outline.Point> points = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            Coordinate c = ring[reverse ? n - 1 - k : k];
            points.add(new Outline.Point(round2(image.toOriginal(c.x)), round2(image.toOriginal(c.y))));
        }
        return points;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private void lap(String stage) {
        long now = System.nanoTime();
        timings.put(stage, (now - mark) / 1_000_000);
        mark = now;
    }
}
