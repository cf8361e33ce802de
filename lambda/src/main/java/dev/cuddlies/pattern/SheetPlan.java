package dev.cuddlies.pattern;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * How the layout is tiled on paper, computed once: the grid of sheets (overlapping by
 * {@link Paper#OVERLAP_MM}) and which of them are printed. A sheet holding nothing, or only what a
 * printed neighbour's overlap already shows, is skipped.
 *
 * @param paper   the paper
 * @param columns sheets across the layout
 * @param rows    sheets down the layout
 * @param printed the sheets printed, row by row
 */
public record SheetPlan(Paper paper, int columns, int rows, List<Sheet> printed) {

    /** One printed sheet; {@code name} like a spreadsheet cell (row letter, column number: A1, A2, B1). */
    public record Sheet(int row, int column, String name) {
    }

    public SheetPlan {
        printed = List.copyOf(printed);
    }

    /**
     * The layout is cut into elementary cells by every sheet edge; each cell is printed by one, two or
     * four overlapping sheets. Sheets whose own core holds something are printed first; then anything
     * left in an overlap no printed sheet shows puts the first sheet covering it in.
     *
     * @param drawn every line and label of the layout, mm
     */
    static SheetPlan of(Paper paper, double widthMm, double heightMm, List<Geometry> drawn) {
        int columns = paper.columnsFor(widthMm);
        int rows = paper.rowsFor(heightMm);
        GeometryFactory gf = new GeometryFactory();
        java.util.TreeSet<Double> xs = new java.util.TreeSet<>();
        java.util.TreeSet<Double> ys = new java.util.TreeSet<>();
        for (int c = 0; c < columns; c++) {
            xs.add(originX(paper, c));
            xs.add(originX(paper, c) + paper.printableWidthMm());
        }
        for (int r = 0; r < rows; r++) {
            ys.add(originY(paper, r));
            ys.add(originY(paper, r) + paper.printableHeightMm());
        }
        boolean[][] printed = new boolean[rows][columns];
        List<List<int[]>> pending = new ArrayList<>();
        Double[] x = xs.toArray(new Double[0]);
        Double[] y = ys.toArray(new Double[0]);
        for (int i = 0; i + 1 < x.length; i++) {
            for (int j = 0; j + 1 < y.length; j++) {
                Envelope cell = new Envelope(x[i], x[i + 1], y[j], y[j + 1]);
                Geometry g = gf.toGeometry(cell);
                boolean used = drawn.stream().anyMatch(d -> d.getEnvelopeInternal().intersects(cell) && d.intersects(g));
                if (!used) {
                    continue;
                }
                List<int[]> covering = new ArrayList<>();
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < columns; c++) {
                        if (originX(paper, c) <= cell.getMinX() + 1e-6
                                && originX(paper, c) + paper.printableWidthMm() >= cell.getMaxX() - 1e-6
                                && originY(paper, r) <= cell.getMinY() + 1e-6
                                && originY(paper, r) + paper.printableHeightMm() >= cell.getMaxY() - 1e-6) {
                            covering.add(new int[] {r, c});
                        }
                    }
                }
                if (covering.size() == 1) {
                    printed[covering.get(0)[0]][covering.get(0)[1]] = true;
                } else if (!covering.isEmpty()) {
                    pending.add(covering);
                }
            }
        }
        for (List<int[]> covering : pending) {
            if (covering.stream().noneMatch(rc -> printed[rc[0]][rc[1]])) {
                printed[covering.get(0)[0]][covering.get(0)[1]] = true;
            }
        }
        List<Sheet> sheets = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                if (printed[r][c]) {
                    sheets.add(new Sheet(r, c, sheetName(r, c)));
                }
            }
        }
        return new SheetPlan(paper, columns, rows, sheets);
    }

    /**
     * How far to move a box (a line of text) so it lies whole on one sheet of {@code paper} rather than
     * across two: zero when it already does, else the smaller move left/up or right/down, mm.
     */
    public static Coordinate nudge(Paper paper, Envelope box) {
        return new Coordinate(nudge(box.getMinX(), box.getMaxX(), paper.printableWidthMm()),
                nudge(box.getMinY(), box.getMaxY(), paper.printableHeightMm()));
    }

    private static double nudge(double min, double max, double printable) {
        double stride = printable - Paper.OVERLAP_MM;
        int k = (int) Math.floor(min / stride);
        double end = k * stride + printable;
        if (max <= end || max - min > printable) {
            return 0;
        }
        double back = end - max;
        double forward = (k + 1) * stride - min;
        return -back < forward ? back : forward;
    }

    public int sheetCount() {
        return printed.size();
    }

    public boolean isPrinted(int row, int column) {
        return printed.stream().anyMatch(s -> s.row() == row && s.column() == column);
    }

    /** Left edge of a column's printable area on the layout, mm. */
    public double originX(int column) {
        return originX(paper, column);
    }

    /** Top edge of a row's printable area on the layout, mm. */
    public double originY(int row) {
        return originY(paper, row);
    }

    private static double originX(Paper paper, int column) {
        return column * (paper.printableWidthMm() - Paper.OVERLAP_MM);
    }

    private static double originY(Paper paper, int row) {
        return row * (paper.printableHeightMm() - Paper.OVERLAP_MM);
    }

    /** Sheets are named like spreadsheet cells: row letter, column number (A1, A2, B1…). */
    public static String sheetName(int row, int column) {
        StringBuilder letters = new StringBuilder();
        int r = row;
        do {
            letters.insert(0, (char) ('A' + r % 26));
            r = r / 26 - 1;
        } while (r >= 0);
        return letters.toString() + (column + 1);
    }
}
