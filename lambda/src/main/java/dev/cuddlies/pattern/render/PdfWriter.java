package dev.cuddlies.pattern.render;

import dev.cuddlies.pattern.Paper;
import dev.cuddlies.pattern.render.Drawing.Layer;
import dev.cuddlies.pattern.render.Drawing.Mark;
import dev.cuddlies.pattern.render.Drawing.Path;
import dev.cuddlies.pattern.render.Drawing.Rect;
import dev.cuddlies.pattern.render.Drawing.Text;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;

/**
 * True-size PDF tiled on printer paper. Each sheet shows its part of the pattern with an overlap to
 * tape along, a page label, and the sheet border; when the pattern needs several sheets, the first
 * page is an assembly map. One millimetre of the drawing is exactly 72 / 25.4 points on every tile.
 */
public final class PdfWriter {

    public static final double POINTS_PER_MM = 72 / 25.4;
    public static final double PAGE_MARGIN_MM = Paper.MARGIN_MM;
    public static final double OVERLAP_MM = Paper.OVERLAP_MM;

    private final PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

    /** Page layout of a drawing on a paper size. */
    public record Tiling(int columns, int rows, double printableWidthMm, double printableHeightMm) {
        public static Tiling of(Drawing d, Paper paper) {
            return new Tiling(paper.columnsFor(d.widthMm()), paper.rowsFor(d.heightMm()),
                    paper.printableWidthMm(), paper.printableHeightMm());
        }

        public int sheets() {
            return columns * rows;
        }

        double originX(int column) {
            return column * (printableWidthMm - OVERLAP_MM);
        }

        double originY(int row) {
            return row * (printableHeightMm - OVERLAP_MM);
        }
    }

    /** A mapping from drawing millimetres to page points (PDF's y axis points up). */
    private record Placement(double pageHeightPt, double scale, double offsetXmm, double offsetYmm,
                             double leftMm, double topMm) {
        float x(double mm) {
            return (float) (((mm - offsetXmm) * scale + leftMm) * POINTS_PER_MM);
        }

        float y(double mm) {
            return (float) (pageHeightPt - ((mm - offsetYmm) * scale + topMm) * POINTS_PER_MM);
        }

        float size(double mm) {
            return (float) (mm * scale * POINTS_PER_MM);
        }
    }

    public byte[] write(Drawing d, Paper paper, String title) throws IOException {
        Tiling tiling = Tiling.of(d, paper);
        float pageW = (float) (paper.widthMm() * POINTS_PER_MM);
        float pageH = (float) (paper.heightMm() * POINTS_PER_MM);
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(title);
            info.setCreator("Cuddlies");
            doc.setDocumentInformation(info);
            if (tiling.sheets() > 1) {
                assemblyMap(doc, d, tiling, pageW, pageH);
            }
            for (int r = 0; r < tiling.rows(); r++) {
                for (int c = 0; c < tiling.columns(); c++) {
                    tile(doc, d, tiling, r, c, pageW, pageH);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private void tile(PDDocument doc, Drawing d, Tiling t, int row, int column, float pageW, float pageH)
            throws IOException {
        PDPage page = new PDPage(new PDRectangle(pageW, pageH));
        doc.addPage(page);
        Placement place = new Placement(pageH, 1, t.originX(column), t.originY(row), PAGE_MARGIN_MM, PAGE_MARGIN_MM);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            cs.saveGraphicsState();
            cs.addRect(mm(PAGE_MARGIN_MM), pageH - mm(PAGE_MARGIN_MM + t.printableHeightMm()),
                    mm(t.printableWidthMm()), mm(t.printableHeightMm()));
            cs.clip();
            draw(cs, d, place);
            cs.restoreGraphicsState();
            if (t.sheets() > 1) {
                cs.setLineWidth(0.3f);
                cs.setLineDashPattern(new float[] {1, 3}, 0);
                cs.addRect(mm(PAGE_MARGIN_MM), pageH - mm(PAGE_MARGIN_MM + t.printableHeightMm()),
                        mm(t.printableWidthMm()), mm(t.printableHeightMm()));
                cs.stroke();
                cs.setLineDashPattern(new float[0], 0);
            }
            String label = t.sheets() > 1
                    ? String.format(Locale.ROOT, "Sheet %s (row %d of %d, column %d of %d). Overlap %.0f mm with the"
                            + " next sheet: trim one margin, line up and tape.", sheetName(row, column), row + 1,
                            t.rows(), column + 1, t.columns(), OVERLAP_MM)
                    : "Print at 100% (actual size). The square must measure 5 cm.";
            text(cs, mm(PAGE_MARGIN_MM), mm(4), label, 7);
        }
    }

    private void assemblyMap(PDDocument doc, Drawing d, Tiling t, float pageW, float pageH) throws IOException {
        PDPage page = new PDPage(new PDRectangle(pageW, pageH));
        doc.addPage(page);
        double availableW = pageW / POINTS_PER_MM - 2 * PAGE_MARGIN_MM;
        double availableH = pageH / POINTS_PER_MM - 2 * PAGE_MARGIN_MM - 25;
        double totalW = t.originX(t.columns() - 1) + t.printableWidthMm();
        double totalH = t.originY(t.rows() - 1) + t.printableHeightMm();
        double scale = Math.min(availableW / totalW, availableH / totalH);
        Placement place = new Placement(pageH, scale, 0, 0, PAGE_MARGIN_MM, PAGE_MARGIN_MM + 25);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            text(cs, mm(PAGE_MARGIN_MM), pageH - mm(PAGE_MARGIN_MM + 6), "Assembly map", 14);
            text(cs, mm(PAGE_MARGIN_MM), pageH - mm(PAGE_MARGIN_MM + 13), String.format(Locale.ROOT,
                    "%d sheets, %d across and %d down. Print all at 100%% (actual size); tape them as shown.",
                    t.sheets(), t.columns(), t.rows()), 9);
            draw(cs, d, place);
            cs.setLineWidth(0.6f);
            for (int r = 0; r < t.rows(); r++) {
                for (int c = 0; c < t.columns(); c++) {
                    double x = t.originX(c);
                    double y = t.originY(r);
                    cs.addRect(place.x(x), place.y(y + t.printableHeightMm()),
                            place.size(t.printableWidthMm()), place.size(t.printableHeightMm()));
                    cs.stroke();
                    text(cs, place.x(x) + 4, place.y(y) - 12, sheetName(r, c), 10);
                }
            }
        }
    }

    /** Sheets are named like spreadsheet cells: row letter, column number (A1, A2, B1…). */
    static String sheetName(int row, int column) {
        StringBuilder letters = new StringBuilder();
        int r = row;
        do {
            letters.insert(0, (char) ('A' + r % 26));
            r = r / 26 - 1;
        } while (r >= 0);
        return letters.toString() + (column + 1);
    }

    private void draw(PDPageContentStream cs, Drawing d, Placement p) throws IOException {
        for (Layer layer : d.layers()) {
            if (layer.style() == Drawing.Style.TEXT) {
                for (Mark m : layer.marks()) {
                    if (m instanceof Text t) {
                        float size = p.size(t.sizeMm());
                        float x = p.x(t.x());
                        if (t.centred()) {
                            x -= font.getStringWidth(t.text()) / 1000f * size / 2;
                        }
                        text(cs, x, p.y(t.y()), t.text(), size);
                    }
                }
                continue;
            }
            cs.setLineWidth(Math.max(0.25f, p.size(layer.style().strokeMm())));
            cs.setLineDashPattern(layer.style().dashed() ? new float[] {p.size(3), p.size(1.5)} : new float[0], 0);
            for (Mark m : layer.marks()) {
                if (m instanceof Path path) {
                    double[] xy = path.xy();
                    cs.moveTo(p.x(xy[0]), p.y(xy[1]));
                    for (int i = 2; i < xy.length; i += 2) {
                        cs.lineTo(p.x(xy[i]), p.y(xy[i + 1]));
                    }
                    if (path.closed()) {
                        cs.closePath();
                    }
                    cs.stroke();
                } else if (m instanceof Rect r) {
                    // addRect keeps the square a rectangle in the file, so it can be measured there.
                    cs.addRect(p.x(r.x()), p.y(r.y() + r.height()), p.size(r.width()), p.size(r.height()));
                    cs.stroke();
                }
            }
            cs.setLineDashPattern(new float[0], 0);
        }
    }

    private void text(PDPageContentStream cs, float x, float y, String text, float size) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(text);
        cs.endText();
    }

    private static float mm(double mm) {
        return (float) (mm * POINTS_PER_MM);
    }
}
