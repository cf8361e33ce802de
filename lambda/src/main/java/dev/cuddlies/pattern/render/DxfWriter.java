package dev.cuddlies.pattern.render;

import dev.cuddlies.pattern.Pattern;
import dev.cuddlies.pattern.Piece;
import dev.cuddlies.pattern.PieceLabel;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.LineString;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * {@code pattern.dxf} in the DXF-AAMA style of ASTM D6673, as garment CAD (Clo3D, Seamly2D, Gerber,
 * Lectra) and cutting tables read it: DXF R12 ({@code AC1009}), millimetres, y up, one block per piece
 * inserted where the layout has it. In each block: the cut line (boundary) on layer 1 with the piece's
 * name and quantity as text, notches and placement marks on layer 4, a cord's fold line on layer 6 (mirror
 * line), the grain line on layer 7, embroidery lines on layer 8 (internal lines), the stitch line on
 * layer 14, and annotation text on layer 15.
 */
public final class DxfWriter {

    public static final String BOUNDARY = "1";
    public static final String NOTCH = "4";
    public static final String MIRROR = "6";
    public static final String GRAIN = "7";
    public static final String INTERNAL = "8";
    public static final String SEW = "14";
    public static final String ANNOTATION = "15";
    private static final List<String> LAYERS = List.of(BOUNDARY, NOTCH, MIRROR, GRAIN, INTERNAL, SEW, ANNOTATION);

    private final StringBuilder s = new StringBuilder(64 * 1024);
    private double originX;
    private double originY;

    private DxfWriter() {
    }

    public static byte[] write(Pattern p, String styleName) {
        return new DxfWriter().dxf(p, styleName).toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The block name of a piece: its name with spaces as underscores. */
    public static String blockName(Piece piece) {
        return piece.name().replace(' ', '_');
    }

    private StringBuilder dxf(Pattern p, String styleName) {
        pair(0, "SECTION");
        pair(2, "HEADER");
        pair(9, "$ACADVER");
        pair(1, "AC1009");
        pair(9, "$EXTMIN");
        point(10, 0, 0);
        pair(9, "$EXTMAX");
        point(10, p.widthMm(), p.heightMm());
        pair(0, "ENDSEC");

        pair(0, "SECTION");
        pair(2, "TABLES");
        pair(0, "TABLE");
        pair(2, "LTYPE");
        pair(70, "1");
        pair(0, "LTYPE");
        pair(2, "CONTINUOUS");
        pair(70, "0");
        pair(3, "Solid line");
        pair(72, "65");
        pair(73, "0");
        pair(40, "0.0");
        pair(0, "ENDTAB");
        pair(0, "TABLE");
        pair(2, "LAYER");
        pair(70, String.valueOf(LAYERS.size() + 1));
        for (String layer : concat("0", LAYERS)) {
            pair(0, "LAYER");
            pair(2, layer);
            pair(70, "0");
            pair(62, "7");
            pair(6, "CONTINUOUS");
        }
        pair(0, "ENDTAB");
        pair(0, "ENDSEC");

        pair(0, "SECTION");
        pair(2, "BLOCKS");
        for (Piece piece : p.pieces()) {
            block(piece, p.heightMm(), p.seamNote());
        }
        pair(0, "ENDSEC");

        pair(0, "SECTION");
        pair(2, "ENTITIES");
        originX = 0;
        originY = p.heightMm();
        text(ANNOTATION, 0, -16, 5, "Style Name: " + styleName);
        text(ANNOTATION, 0, -8, 5, "Units: METRIC");
        for (Piece piece : p.pieces()) {
            Envelope e = piece.cut().getEnvelopeInternal();
            pair(0, "INSERT");
            pair(8, "0");
            pair(2, blockName(piece));
            point(10, e.getMinX(), p.heightMm() - e.getMaxY());
        }
        pair(0, "ENDSEC");
        pair(0, "EOF");
        return s;
    }

    private void block(Piece piece, double layoutHeightMm, String seamNote) {
        Envelope e = piece.cut().getEnvelopeInternal();
        // Block coordinates: x from the piece's left, y up from its bottom.
        originX = e.getMinX();
        originY = e.getMaxY();
        String name = blockName(piece);
        pair(0, "BLOCK");
        pair(8, "0");
        pair(2, name);
        pair(70, "0");
        point(10, 0, 0);
        pair(3, name);
        pair(1, "");

        polyline(BOUNDARY, piece.cut().getExteriorRing().getCoordinates(), true);
        Coordinate c = piece.stitch().getInteriorPoint().getCoordinate();
        text(BOUNDARY, c.x, c.y, 3, "Piece Name: " + piece.name());
        text(BOUNDARY, c.x, c.y + 5, 3, "Quantity: " + piece.cutCount());
        polyline(SEW, piece.stitch().getExteriorRing().getCoordinates(), true);
        for (Piece.Notch n : piece.notches()) {
            line(NOTCH, n.mark().p1, n.mark().p0);
        }
        for (Piece.Placement pl : piece.placements()) {
            pair(0, "POINT");
            pair(8, NOTCH);
            point(10, x(pl.at()), y(pl.at()));
        }
        if (piece.turningGap() != null) {
            List<Coordinate> gap = piece.turningGap();
            polyline(ANNOTATION, gap.toArray(new Coordinate[0]), false);
            Coordinate mid = gap.get(gap.size() / 2);
            text(ANNOTATION, mid.x, mid.y, 3, PatternDrawing.LEAVE_OPEN);
        }
        for (LineString l : piece.embroidery()) {
            polyline(INTERNAL, l.getCoordinates(), false);
        }
        if (piece.foldLine() != null) {
            line(MIRROR, piece.foldLine().p0, piece.foldLine().p1);
        }
        LineSegment grain = piece.grainLine();
        line(GRAIN, grain.p0, grain.p1);
        PieceLabel label = piece.label();
        text(ANNOTATION, label.box().getMinX(), label.y(), label.sizeMm(), piece.title());
        text(ANNOTATION, label.box().getMinX(), label.y() + label.sizeMm() * 1.2, label.sizeMm() * 0.6, seamNote);
        pair(0, "ENDBLK");
        pair(8, "0");
    }

    private void polyline(String layer, Coordinate[] c, boolean closed) {
        int n = closed && c.length > 1 && c[0].equals2D(c[c.length - 1]) ? c.length - 1 : c.length;
        pair(0, "POLYLINE");
        pair(8, layer);
        pair(66, "1");
        point(10, 0, 0);
        pair(70, closed ? "1" : "0");
        for (int i = 0; i < n; i++) {
            pair(0, "VERTEX");
            pair(8, layer);
            point(10, x(c[i]), y(c[i]));
        }
        pair(0, "SEQEND");
        pair(8, layer);
    }

    private void line(String layer, Coordinate a, Coordinate b) {
        pair(0, "LINE");
        pair(8, layer);
        point(10, x(a), y(a));
        point(11, x(b), y(b));
    }

    /** Text at layout position (x, y down), in block coordinates. */
    private void text(String layer, double layoutX, double layoutY, double heightMm, String text) {
        pair(0, "TEXT");
        pair(8, layer);
        point(10, layoutX - originX, originY - layoutY);
        pair(40, fmt(heightMm));
        pair(1, text);
    }

    private double x(Coordinate c) {
        return c.x - originX;
    }

    private double y(Coordinate c) {
        return originY - c.y;
    }

    private void point(int code, double x, double y) {
        pair(code, fmt(x));
        pair(code + 10, fmt(y));
        pair(code + 20, "0.0");
    }

    private void pair(int code, String value) {
        s.append(code).append('\n').append(value).append('\n');
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new java.util.ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }
}
