package dev.cuddlies.pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuddlies.pattern.stuffing.StuffingResult;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code pattern.json}: the pattern as data, so tools and tests read it without parsing drawings.
 * Millimetres in SVG coordinates (origin top left of {@code pattern.svg}, y down); polygons as rings of
 * {@code [x, y]} without the closing point repeated.
 *
 * <pre>{"units":"mm","seamMm":6,"seam":"6 mm","heightMm":…,"widthMm":…,"layout":{"widthMm":…,"heightMm":…},
 *  "pieces":[{"label":"FRONT","name":"FRONT","title":"FRONT - cut 1","kind":"FRONT","cut":1,"mirrored":false,
 *   "pairReversed":false,"stitch":[[x,y],…],"cutLine":[[x,y],…],"notches":[[x,y],…],
 *   "notchMarks":[{"number":1,"from":[x,y],"to":[x,y]}],"turningGap":[[x1,y1],[x2,y2]] or null,
 *   "turningGapMid":[x,y] (halfway along the stitch line) or null,"turningGapPath":[[x,y],…] or null,"openEnd":[[x,y],…] or null,"embroidery":[[[x,y],…],…],
 *   "placementMarks":[{"part":"PART A","at":[x,y]}],"grainLine":[[x,y],[x,y]],"foldLine":… or null,
 *   "labelBox":[minX,minY,maxX,maxY]},…],
 *  "changes":[{"kind":"SEPARATE_PART","count":2},…],"changedShare":0.08,
 *  "sheets":{"paper":"A4","columns":2,"rows":3,"printed":["A1","A2",…]},
 *  "fabric":[{"widthMm":1100,"lengthMm":…,"buyMm":…}],"fill":{"volumeCm3":…,"softGrams":…,"firmGrams":…},
 *  "stuffing":{"mode":"firm","status":"compensated","predictedHeightMm":…,"predictedWidthMm":…,
 *   "predictedThicknessMm":…,"silhouetteIoU":…,"silhouetteIoUUncompensated":…}}</pre>
 *
 * {@code heightMm}/{@code widthMm} are the sewn toy before stuffing. {@code stuffing.status} is
 * {@code compensated}, {@code cut_short} (time ran out between rounds: the best found so far),
 * {@code predicted} (mode off: the outline as traced, and how it will stuff), {@code no_time} or
 * {@code failed} (the outline as traced, no prediction: the predicted fields are absent).
 */
public final class PatternJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PatternJson() {
    }

    public static byte[] write(Pattern p) {
        ObjectNode root = JSON.createObjectNode();
        root.put("units", "mm");
        root.put("seamMm", round(p.spec().seamMm()));
        root.put("seam", p.spec().seam().describe());
        root.put("minWidthMm", p.spec().minWidthMm());
        root.put("heightMm", round(p.figureHeightMm()));
        root.put("widthMm", round(p.figureWidthMm()));
        ObjectNode layout = root.putObject("layout");
        layout.put("widthMm", round(p.widthMm()));
        layout.put("heightMm", round(p.heightMm()));
        ArrayNode pieces = root.putArray("pieces");
        for (Piece piece : p.pieces()) {
            pieces.add(piece(piece));
        }
        ArrayNode changes = root.putArray("changes");
        for (Change c : p.changes()) {
            changes.addObject().put("kind", c.kind().name()).put("count", c.count());
        }
        root.put("changedShare", Math.round(p.changedShare() * 1000) / 1000.0);
        ObjectNode sheets = root.putObject("sheets");
        sheets.put("paper", p.sheets().paper().name());
        sheets.put("columns", p.sheets().columns());
        sheets.put("rows", p.sheets().rows());
        ArrayNode printed = sheets.putArray("printed");
        p.sheets().printed().forEach(s -> printed.add(s.name()));
        ArrayNode fabric = root.putArray("fabric");
        for (FabricLayout f : p.fabric()) {
            ObjectNode o = fabric.addObject().put("widthMm", f.fabricWidthMm());
            if (f.fits()) {
                o.put("lengthMm", round(f.lengthMm())).put("buyMm", f.lengthToBuyMm());
            } else {
                o.putNull("lengthMm");
            }
        }
        root.putObject("fill").put("volumeCm3", Math.round(p.fill().volumeCm3()))
                .put("softGrams", Math.round(p.fill().softGrams())).put("firmGrams", Math.round(p.fill().firmGrams()));
        stuffing(root.putObject("stuffing"), p.stuffing());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException("pattern.json could not be written", e);
        }
    }

    private static void stuffing(ObjectNode o, StuffingResult s) {
        o.put("mode", s.mode().word()).put("status", s.status().word());
        s.report().ifPresent(r -> o.put("predictedHeightMm", round(r.predictedHeightMm()))
                .put("predictedWidthMm", round(r.predictedWidthMm()))
                .put("predictedThicknessMm", round(r.predictedThicknessMm()))
                .put("silhouetteIoU", Math.round(r.silhouetteIoU() * 1000) / 1000.0)
                .put("silhouetteIoUUncompensated", Math.round(r.silhouetteIoUUncompensated() * 1000) / 1000.0));
    }

    private static ObjectNode piece(Piece piece) {
        ObjectNode o = JSON.createObjectNode();
        o.put("label", piece.name());
        o.put("name", piece.name());
        o.put("title", piece.title());
        o.put("kind", piece.kind().name());
        o.put("cut", piece.cutCount());
        o.put("mirrored", piece.mirrored());
        o.put("pairReversed", piece.pairReversed());
        o.set("stitch", ring(piece.stitch()));
        o.set("cutLine", ring(piece.cut()));
        ArrayNode notches = o.putArray("notches");
        ArrayNode notchMarks = o.putArray("notchMarks");
        for (Piece.Notch n : piece.notches()) {
            notches.add(point(n.mark().p0));
            ObjectNode m = notchMarks.addObject();
            m.put("number", n.number());
            m.set("from", point(n.mark().p0));
            m.set("to", point(n.mark().p1));
        }
        if (piece.turningGap() == null) {
            o.putNull("turningGap");
            o.putNull("turningGapMid");
            o.putNull("turningGapPath");
        } else {
            List<Coordinate> gap = piece.turningGap();
            o.set("turningGap", points(List.of(gap.get(0), gap.get(gap.size() - 1))));
            o.set("turningGapMid", point(gap.get(gap.size() / 2)));
            o.set("turningGapPath", points(gap));
        }
        if (piece.openEnd() == null) {
            o.putNull("openEnd");
        } else {
            o.set("openEnd", points(List.of(piece.openEnd().getCoordinates())));
        }
        ArrayNode embroidery = o.putArray("embroidery");
        for (LineString l : piece.embroidery()) {
            embroidery.add(points(List.of(l.getCoordinates())));
        }
        ArrayNode placements = o.putArray("placementMarks");
        for (Piece.Placement pl : piece.placements()) {
            ObjectNode m = placements.addObject();
            m.put("part", pl.partName());
            m.set("at", point(pl.at()));
        }
        o.set("grainLine", segment(piece.grainLine()));
        if (piece.foldLine() == null) {
            o.putNull("foldLine");
        } else {
            o.set("foldLine", segment(piece.foldLine()));
        }
        var box = piece.label().box();
        o.putArray("labelBox").add(round(box.getMinX())).add(round(box.getMinY())).add(round(box.getMaxX()))
                .add(round(box.getMaxY()));
        return o;
    }

    private static ArrayNode ring(Polygon p) {
        Coordinate[] c = p.getExteriorRing().getCoordinates();
        return points(List.of(c).subList(0, c.length - 1));
    }

    private static ArrayNode segment(LineSegment s) {
        return points(List.of(s.p0, s.p1));
    }

    private static ArrayNode points(List<Coordinate> pts) {
        ArrayNode a = JSON.createArrayNode();
        pts.forEach(c -> a.add(point(c)));
        return a;
    }

    private static ArrayNode point(Coordinate c) {
        return JSON.createArrayNode().add(round(c.x)).add(round(c.y));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
