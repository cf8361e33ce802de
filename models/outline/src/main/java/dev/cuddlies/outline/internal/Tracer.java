package dev.cuddlies.outline.internal;

import dev.cuddlies.outline.Outline;
import dev.cuddlies.outline.OutlineConfig;
import dev.cuddlies.outline.OutlineException;
import dev.cuddlies.outline.WorkBudget;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One tracing run: the stages of {@link dev.cuddlies.outline.OutlineEngine}, timed. */
public final class Tracer {

    private final OutlineConfig config;
    private final Map<String, Long> timings = new LinkedHashMap<>();
    private long mark = System.nanoTime();

    public Tracer(OutlineConfig config) {
        this.config = config;
    }

    public Outline trace(byte[] picture, WorkBudget budget) throws OutlineException {
        long start = mark;
        WorkingImage image = new ImageDecoder(config).decode(picture, budget);
        lap("decode");
        budget.checkpoint();
        // A photo of a sheet lying on something: work on the sheet, seen from straight above.
        Optional<SheetFinder.Sheet> sheet = image.hasAlpha() ? Optional.empty()
                : SheetFinder.find(image.argb(), image.width(), image.height());
        WorkingImage work = image;
        Homography sheetToPicture = null;
        if (sheet.isPresent()) {
            Rectified r = rectify(image, sheet.get());
            work = r.image();
            sheetToPicture = r.toPicture();
        }
        int ruledLines = 0;
        if (!work.hasAlpha()) {
            RuledLines.Result ruled = RuledLines.remove(work.argb(), work.width(), work.height());
            work = new WorkingImage(work.width(), work.height(), ruled.rgb(), false,
                    work.originalWidth(), work.originalHeight(), work.scale());
            ruledLines = ruled.lines();
        }
        ForegroundSegmenter.Mask mask = new ForegroundSegmenter().segment(work);
        if (!work.hasAlpha() && LineDrawing.isStrokes(mask)) {
            mask = LineDrawing.closeGaps(LineDrawing.withFaintStrokes(mask, Colours.opaque(work.argb())));
        }
        lap("segment");
        budget.checkpoint();
        FigureExtractor.Silhouette silhouette =
                new FigureExtractor(config.joinGapFraction(), config.minPartFraction()).extract(mask);
        Polygon polygon = silhouette.polygon();
        if (sheetToPicture != null) {
            polygon = mapped(polygon, sheetToPicture);
        }
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
        List<Outline.Warning> warnings = new ArrayList<>();
        if (sheet.isPresent()) {
            warnings.add(new Outline.Warning(Outline.Warning.Kind.SHEET_FOUND, 1));
        }
        if (ruledLines > 0) {
            warnings.add(new Outline.Warning(Outline.Warning.Kind.RULED_LINES_REMOVED, ruledLines));
        }
        warnings.addAll(silhouette.warnings());
        return new Outline(image.originalWidth(), image.originalHeight(), points,
                polygon.getArea() * image.scale() * image.scale(), warnings, timings);
    }

    /** Share of the sheet's size left out along its edges: the paper's edge and the surface beside it. */
    private static final double SHEET_INSET = 0.015;

    private record Rectified(WorkingImage image, Homography toPicture) {
    }

    /** The sheet seen from straight above, at about its size in the picture. */
    private static Rectified rectify(WorkingImage image, SheetFinder.Sheet sheet) {
        double[] xs = sheet.xs();
        double[] ys = sheet.ys();
        double top = Math.hypot(xs[1] - xs[0], ys[1] - ys[0]);
        double bottom = Math.hypot(xs[2] - xs[3], ys[2] - ys[3]);
        double left = Math.hypot(xs[3] - xs[0], ys[3] - ys[0]);
        double right = Math.hypot(xs[2] - xs[1], ys[2] - ys[1]);
        int w = Math.max(32, (int) Math.round((top + bottom) / 2));
        int h = Math.max(32, (int) Math.round((left + right) / 2));
        double ix = SHEET_INSET * w;
        double iy = SHEET_INSET * h;
        Homography fullSheet = Homography.between(new double[] {0, w - 1, w - 1, 0}, new double[] {0, 0, h - 1, h - 1},
                xs, ys);
        // The inner part of the sheet, mapped to the whole new picture.
        double[] ixs = new double[4];
        double[] iys = new double[4];
        double[][] inner = {{ix, iy}, {w - 1 - ix, iy}, {w - 1 - ix, h - 1 - iy}, {ix, h - 1 - iy}};
        for (int i = 0; i < 4; i++) {
            ixs[i] = fullSheet.x(inner[i][0], inner[i][1]);
            iys[i] = fullSheet.y(inner[i][0], inner[i][1]);
        }
        Homography toPicture = Homography.between(new double[] {0, w - 1, w - 1, 0}, new double[] {0, 0, h - 1, h - 1},
                ixs, iys);
        int[] argb = toPicture.sample(image.argb(), image.width(), image.height(), w, h);
        return new Rectified(new WorkingImage(w, h, argb, false, image.originalWidth(), image.originalHeight(),
                image.scale()), toPicture);
    }

    private static Polygon mapped(Polygon polygon, Homography map) {
        Coordinate[] ring = polygon.getExteriorRing().getCoordinates();
        Coordinate[] out = new Coordinate[ring.length];
        for (int i = 0; i < ring.length; i++) {
            out[i] = new Coordinate(map.x(ring[i].x, ring[i].y), map.y(ring[i].x, ring[i].y));
        }
        return new GeometryFactory().createPolygon(out);
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
