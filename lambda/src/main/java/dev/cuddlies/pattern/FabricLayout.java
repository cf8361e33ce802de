package dev.cuddlies.pattern;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * The pieces nested on a length of fabric of a given width, to say how much fabric to buy. Every piece
 * is laid with its grain line along the selvage (turned 180° at most), as many times as it is cut,
 * reversed pieces turned over. Nesting is bottom-left fill on a grid of {@link #CELL_MM} cells: each
 * piece goes to the lowest, then leftmost, place where its cut shape plus a scissors' clearance is free.
 *
 * @param fabricWidthMm width of the fabric, selvage to selvage
 * @param lengthMm      length of fabric the pieces take, mm; {@code NaN} when a piece is wider than the fabric
 * @param placed        the cut shapes as laid out (x across the fabric, y along it), mm
 */
public record FabricLayout(double fabricWidthMm, double lengthMm, List<Placed> placed) {

    public static final double CELL_MM = 5;
    /** Room between neighbouring pieces for the scissors, mm. */
    public static final double CLEARANCE_MM = 3;
    /** The usual widths fabric is sold in, mm. */
    public static final List<Double> COMMON_WIDTHS_MM = List.of(1100.0, 1500.0);

    /** One cut shape on the fabric. */
    public record Placed(String pieceName, Polygon cut) {
    }

    public FabricLayout {
        placed = List.copyOf(placed);
    }

    public boolean fits() {
        return !Double.isNaN(lengthMm);
    }

    /** Fabric to buy: the length rounded up to whole 5 cm, mm. */
    public double lengthToBuyMm() {
        return Math.ceil(lengthMm / 50) * 50;
    }

    static FabricLayout nest(List<Piece> pieces, double fabricWidthMm) {
        List<Piece> copies = new ArrayList<>();
        List<Polygon> shapes = new ArrayList<>();
        for (Piece p : pieces) {
            for (int i = 0; i < p.cutCount(); i++) {
                Polygon cut = p.cut();
                if (p.pairReversed() && i % 2 == 1) {
                    Envelope e = cut.getEnvelopeInternal();
                    cut = (Polygon) AffineTransformation.reflectionInstance(e.centre().x, 0, e.centre().x, 1).transform(cut);
                }
                copies.add(p);
                shapes.add(cut);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> shapes.get(i).getArea()).reversed());

        int columns = (int) Math.floor(fabricWidthMm / CELL_MM);
        List<BitSet> used = new ArrayList<>();
        List<Placed> placed = new ArrayList<>();
        double length = 0;
        for (int i : order) {
            Spot best = null;
            for (boolean turned : new boolean[] {false, true}) {
                Polygon shape = turned ? turn(shapes.get(i)) : shapes.get(i);
                Grid grid = Grid.of(shape);
                if (grid.width > columns) {
                    return new FabricLayout(fabricWidthMm, Double.NaN, List.of());
                }
                Spot spot = lowestFree(grid, used, columns);
                spot = new Spot(spot.row, spot.column, grid, shape);
                if (best == null || spot.row + grid.height < best.row + best.grid.height) {
                    best = spot;
                }
            }
            occupy(best, used);
            Envelope e = best.shape.getEnvelopeInternal();
            Polygon at = (Polygon) AffineTransformation.translationInstance(
                    best.column * CELL_MM - e.getMinX(), best.row * CELL_MM - e.getMinY()).transform(best.shape);
            placed.add(new Placed(copies.get(i).name(), at));
            length = Math.max(length, at.getEnvelopeInternal().getMaxY() + CLEARANCE_MM);
        }
        return new FabricLayout(fabricWidthMm, length, placed);
    }

    private static Polygon turn(Polygon p) {
        Envelope e = p.getEnvelopeInternal();
        return (Polygon) AffineTransformation.rotationInstance(Math.PI, e.centre().x, e.centre().y).transform(p);
    }

    private record Spot(int row, int column, Grid grid, Polygon shape) {
    }

    /** A shape's cells: per row, the columns it covers (clearance included). */
    private record Grid(int width, int height, List<BitSet> rows) {
        static Grid of(Polygon shape) {
            Geometry grown = shape.buffer(CLEARANCE_MM / 2 + CELL_MM * 0.71, 4);
            Envelope e = shape.getEnvelopeInternal();
            IndexedPointInAreaLocator inside = new IndexedPointInAreaLocator(grown);
            int w = (int) Math.ceil(e.getWidth() / CELL_MM) + 1;
            int h = (int) Math.ceil(e.getHeight() / CELL_MM) + 1;
            List<BitSet> rows = new ArrayList<>();
            for (int r = 0; r < h; r++) {
                BitSet row = new BitSet(w);
                for (int c = 0; c < w; c++) {
                    Coordinate centre = new Coordinate(e.getMinX() + (c + 0.5) * CELL_MM, e.getMinY() + (r + 0.5) * CELL_MM);
                    if (inside.locate(centre) != Location.EXTERIOR) {
                        row.set(c);
                    }
                }
                rows.add(row);
            }
            return new Grid(w, h, rows);
        }
    }

    private static Spot lowestFree(Grid g, List<BitSet> used, int columns) {
        for (int row = 0; ; row++) {
            for (int column = 0; column + g.width <= columns; column++) {
                if (fitsAt(g, used, row, column)) {
                    return new Spot(row, column, g, null);
                }
            }
        }
    }

    private static boolean fitsAt(Grid g, List<BitSet> used, int row, int column) {
        for (int r = 0; r < g.height; r++) {
            if (row + r >= used.size()) {
                return true;
            }
            BitSet shapeRow = g.rows.get(r);
            BitSet usedRow = used.get(row + r);
            for (int c = shapeRow.nextSetBit(0); c >= 0; c = shapeRow.nextSetBit(c + 1)) {
                if (usedRow.get(column + c)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void occupy(Spot s, List<BitSet> used) {
        while (used.size() < s.row + s.grid.height) {
            used.add(new BitSet());
        }
        for (int r = 0; r < s.grid.height; r++) {
            BitSet shapeRow = s.grid.rows.get(r);
            for (int c = shapeRow.nextSetBit(0); c >= 0; c = shapeRow.nextSetBit(c + 1)) {
                used.get(s.row + r).set(s.column + c);
            }
        }
    }
}
