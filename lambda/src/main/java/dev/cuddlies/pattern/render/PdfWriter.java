package dev.cuddlies.pattern.render;

import dev.cuddlies.pattern.Lettering;
import dev.cuddlies.pattern.Paper;
import dev.cuddlies.pattern.Pattern;
import dev.cuddlies.pattern.SheetPlan;
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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * True-size PDF tiled on printer paper: the instructions page first, an assembly map when the pattern
 * needs several sheets, then every sheet of the {@link SheetPlan} (sheets with nothing of their own are
 * not printed). Each sheet shows its part of the pattern, a dashed line and match marks on every edge
 * it shares with a printed neighbour, a page label, and its border. One millimetre of the drawing is
 * exactly 72 / 25.4 points on every sheet.
 */
public final class PdfWriter {

    public static final double POINTS_PER_MM = 72 / 25.4;
    public static final double PAGE_MARGIN_MM = Paper.MARGIN_MM;
    public static final double OVERLAP_MM = Paper.OVERLAP_MM;
    /** Match marks per shared edge. */
    private static final int MATCH_MARKS = 2;
    private static final double MATCH_MARK_MM = 3;

    private final PDType1Font font = Lettering.font();

    /** A mapping from drawing millimetres to page points (PDF's y axis points up). */
    record Placement(double pageHeightPt, double scale, double offsetXmm, double offsetYmm,
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

    /**
     * A written PDF.
     *
     * @param pages all its pages: the instructions (one or more), the assembly map when tiled, each sheet
     */
    public record Written(byte[] bytes, int pages) {
    }

    public Written write(Drawing d, Pattern pattern, String title) throws IOException {
        SheetPlan plan = pattern.sheets();
        Paper paper = plan.paper();
        float pageW = (float) (paper.widthMm() * POINTS_PER_MM);
        float pageH = (float) (paper.heightMm() * POINTS_PER_MM);
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(title);
            info.setCreator("Cuddlies");
            doc.setDocumentInformation(info);
            new InstructionsPage(this).write(doc, pattern, pageW, pageH);
            if (plan.sheetCount() > 1) {
                assemblyMap(doc, d, plan, pageW, pageH);
            }
            for (SheetPlan.Sheet sheet : plan.printed()) {
                tile(doc, d, plan, sheet, pageW, pageH);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return new Written(out.toByteArray(), doc.getNumberOfPages());
        }
    }

    private void tile(PDDocument doc, Drawing d, SheetPlan plan, SheetPlan.Sheet sheet, float pageW, float pageH)
            throws IOException {
        PDPage page = new PDPage(new PDRectangle(pageW, pageH));
        doc.addPage(page);
        Paper paper = plan.paper();
        Placement place = new Placement(pageH, 1, plan.originX(sheet.column()), plan.originY(sheet.row()),
                PAGE_MARGIN_MM, PAGE_MARGIN_MM);
        boolean tiled = plan.sheetCount() > 1;
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            cs.saveGraphicsState();
            cs.addRect(mm(PAGE_MARGIN_MM), pageH - mm(PAGE_MARGIN_MM + paper.printableHeightMm()),
                    mm(paper.printableWidthMm()), mm(paper.printableHeightMm()));
            cs.clip();
            draw(cs, d, place);
            if (tiled) {
                matchMarks(cs, plan, sheet, place);
            }
            cs.restoreGraphicsState();
            if (tiled) {
                cs.setLineWidth(0.3f);
                cs.setLineDashPattern(new float[] {1, 3}, 0);
                cs.addRect(mm(PAGE_MARGIN_MM), pageH - mm(PAGE_MARGIN_MM + paper.printableHeightMm()),
                        mm(paper.printableWidthMm()), mm(paper.printableHeightMm()));
                cs.stroke();
                cs.setLineDashPattern(new float[0], 0);
            }
            String label = tiled
                    ? String.format(Locale.ROOT, "Sheet %s (row %d of %d, column %d of %d). Trim the margin of the"
                            + " sheet beside or below, lay it on the dashed line, match the marks and tape.",
                            sheet.name(), sheet.row() + 1, plan.rows(), sheet.column() + 1, plan.columns())
                    : "Print at 100% (actual size). The square must measure 5 cm.";
            double size = Math.min(7, 7 * paper.printableWidthMm() / (Lettering.widthMm(label, 7) / POINTS_PER_MM));
            text(cs, mm(PAGE_MARGIN_MM), mm(4), label, (float) size);
        }
    }

    /**
     * On every edge shared with a printed neighbour: a dashed line where the neighbour's printed area
     * begins, and match marks (a cross in a circle and both sheets' names) in the strip both sheets print.
     */
    private void matchMarks(PDPageContentStream cs, SheetPlan plan, SheetPlan.Sheet sheet, Placement p) throws IOException {
        Paper paper = plan.paper();
        int r = sheet.row();
        int c = sheet.column();
        cs.setLineWidth(p.size(0.3));
        for (int[] pair : new int[][] {{r, c - 1, r, c}, {r, c, r, c + 1}, {r - 1, c, r, c}, {r, c, r + 1, c}}) {
            if (pair[0] < 0 || pair[1] < 0 || pair[2] >= plan.rows() || pair[3] >= plan.columns()
                    || !plan.isPrinted(pair[0], pair[1]) || !plan.isPrinted(pair[2], pair[3])) {
                continue;
            }
            boolean across = pair[0] == pair[2];
            String name = SheetPlan.sheetName(pair[0], pair[1]) + "-" + SheetPlan.sheetName(pair[2], pair[3]);
            double x0 = plan.originX(pair[1]);
            double y0 = plan.originY(pair[0]);
            cs.setLineDashPattern(new float[] {p.size(4), p.size(2)}, 0);
            if (across) {
                double x = plan.originX(pair[3]);
                cs.moveTo(p.x(x), p.y(y0));
                cs.lineTo(p.x(x), p.y(y0 + paper.printableHeightMm()));
            } else {
                double y = plan.originY(pair[2]);
                cs.moveTo(p.x(x0), p.y(y));
                cs.lineTo(p.x(x0 + paper.printableWidthMm()), p.y(y));
            }
            cs.stroke();
            cs.setLineDashPattern(new float[0], 0);
            for (int k = 1; k <= MATCH_MARKS; k++) {
                double mx = across ? plan.originX(pair[3]) + OVERLAP_MM / 2 : x0 + paper.printableWidthMm() * k / (MATCH_MARKS + 1);
                double my = across ? y0 + paper.printableHeightMm() * k / (MATCH_MARKS + 1) : plan.originY(pair[2]) + OVERLAP_MM / 2;
                circle(cs, p.x(mx), p.y(my), p.size(MATCH_MARK_MM));
                cs.moveTo(p.x(mx - MATCH_MARK_MM), p.y(my));
                cs.lineTo(p.x(mx + MATCH_MARK_MM), p.y(my));
                cs.moveTo(p.x(mx), p.y(my - MATCH_MARK_MM));
                cs.lineTo(p.x(mx), p.y(my + MATCH_MARK_MM));
                cs.stroke();
                // The names stay in the strip both sheets print: above the mark on a side edge, beside it on a bottom edge.
                double size = 2.2;
                double w = Lettering.widthMm(name, size);
                if (across) {
                    text(cs, p.x(mx - w / 2), p.y(my - MATCH_MARK_MM - 1), name, p.size(size));
                } else {
                    text(cs, p.x(mx + MATCH_MARK_MM + 1), p.y(my + size * 0.35), name, p.size(size));
                }
            }
        }
    }

    private void assemblyMap(PDDocument doc, Drawing d, SheetPlan plan, float pageW, float pageH) throws IOException {
        PDPage page = new PDPage(new PDRectangle(pageW, pageH));
        doc.addPage(page);
        Paper paper = plan.paper();
        double availableW = pageW / POINTS_PER_MM - 2 * PAGE_MARGIN_MM;
        double availableH = pageH / POINTS_PER_MM - 2 * PAGE_MARGIN_MM - 30;
        double totalW = plan.originX(plan.columns() - 1) + paper.printableWidthMm();
        double totalH = plan.originY(plan.rows() - 1) + paper.printableHeightMm();
        double scale = Math.min(availableW / totalW, availableH / totalH);
        Placement place = new Placement(pageH, scale, 0, 0, PAGE_MARGIN_MM, PAGE_MARGIN_MM + 30);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            text(cs, mm(PAGE_MARGIN_MM), pageH - mm(PAGE_MARGIN_MM + 6), "Assembly map", 14);
            int skipped = plan.rows() * plan.columns() - plan.sheetCount();
            String line = String.format(Locale.ROOT, "%d sheets. Print all at 100%% (actual size); tape them as shown.",
                    plan.sheetCount()) + (skipped > 0 ? String.format(Locale.ROOT,
                    " %d place%s of the grid hold%s nothing and %s not printed.", skipped, skipped == 1 ? "" : "s",
                    skipped == 1 ? "s" : "", skipped == 1 ? "is" : "are") : "");
            int i = 0;
            for (String part : Lettering.wrap(line, 9 / POINTS_PER_MM, availableW)) {
                text(cs, mm(PAGE_MARGIN_MM), pageH - mm(PAGE_MARGIN_MM + 13 + 5 * i++), part, 9);
            }
            draw(cs, d, place);
            cs.setLineWidth(0.6f);
            for (SheetPlan.Sheet s : plan.printed()) {
                double x = plan.originX(s.column());
                double y = plan.originY(s.row());
                cs.addRect(place.x(x), place.y(y + paper.printableHeightMm()),
                        place.size(paper.printableWidthMm()), place.size(paper.printableHeightMm()));
                cs.stroke();
                text(cs, place.x(x) + 4, place.y(y) - 12, s.name(), 10);
            }
        }
    }

    void draw(PDPageContentStream cs, Drawing d, Placement p) throws IOException {
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
            double[] dash = layer.style().dashMm();
            cs.setLineDashPattern(dash == null ? new float[0] : new float[] {p.size(dash[0]), p.size(dash[1])}, 0);
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

    private static void circle(PDPageContentStream cs, float cx, float cy, float r) throws IOException {
        int n = 16;
        List<float[]> pts = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            double a = 2 * Math.PI * i / n;
            pts.add(new float[] {(float) (cx + r * Math.cos(a)), (float) (cy + r * Math.sin(a))});
        }
        cs.moveTo(pts.get(0)[0], pts.get(0)[1]);
        for (float[] q : pts) {
            cs.lineTo(q[0], q[1]);
        }
        cs.stroke();
    }

    void text(PDPageContentStream cs, float x, float y, String text, float size) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(text);
        cs.endText();
    }

    static float mm(double mm) {
        return (float) (mm * POINTS_PER_MM);
    }
}
