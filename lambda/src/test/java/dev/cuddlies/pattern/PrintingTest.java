package dev.cuddlies.pattern;

import dev.cuddlies.outline.Outline;
import dev.cuddlies.pattern.render.Drawing;
import dev.cuddlies.pattern.render.PatternDrawing;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;

/** What the printed pages show, one test per finding of the review. */
class PrintingTest {

    private static final double MM_PER_POINT = 25.4 / 72;
    private static final PDType1Font HELVETICA = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final GeometryFactory GF = new GeometryFactory();

    @Test
    void everyPrintedSheetHasContentOfItsOwnBeyondTheOverlaps() throws Exception {
        for (Outline o : List.of(TestOutlines.kangaroo(), TestOutlines.thinLegs(), TestOutlines.bat())) {
            byte[] pdf = files(o, TestOutlines.asTraced().withHeightMm(600)).get(PatternFiles.PDF);
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                int sheets = 0;
                for (PDPage page : doc.getPages()) {
                    Matcher m = java.util.regex.Pattern.compile("row (\\d+) of (\\d+), column (\\d+) of (\\d+)")
                            .matcher(text(doc, page));
                    if (!m.find()) {
                        continue;
                    }
                    sheets++;
                    Rectangle2D own = ownArea(page, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
                    assertThat(segments(page)).as("sheet %s", m.group(0))
                            .anyMatch(s -> s.intersects(own));
                }
                assertThat(sheets).isGreaterThan(1);
            }
        }
    }

    @Test
    void tiledEdgesCarryMatchMarksNamingBothSheets() throws Exception {
        byte[] pdf = files(TestOutlines.disc(200), TestOutlines.asTraced().withHeightMm(600)).get(PatternFiles.PDF);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String all = new PDFTextStripper().getText(doc);
            assertThat(all).contains("A1-A2").contains("A1-B1");
            assertThat(all).containsIgnoringCase("dashed line");
        }
    }

    @Test
    void pieceLabelsAreCrossedByNoLineAndTheGrainArrowPassesBesideThem() throws Exception {
        for (Outline o : List.of(TestOutlines.disc(200), TestOutlines.kangaroo(), TestOutlines.whiskers())) {
            Pattern p = PatternMakerTest.made(o, TestOutlines.asTraced());
            Drawing d = PatternDrawing.of(p);
            for (Drawing.Text t : texts(d)) {
                if (!t.text().contains(" - cut ")) {
                    continue;
                }
                Envelope box = box(t);
                for (Drawing.Layer layer : d.layers()) {
                    for (Drawing.Mark m : layer.marks()) {
                        if (m instanceof Drawing.Path path) {
                            assertThat(line(path).intersects(GF.toGeometry(box))).as("%s crossed by %s", t.text(), layer.id())
                                    .isFalse();
                        }
                    }
                }
            }
        }
    }

    @Test
    void theTurningGapIsDrawnAsAnOpeningInTheStitchLine() throws Exception {
        Pattern p = PatternMakerTest.made(TestOutlines.disc(200), TestOutlines.asTraced());
        Drawing d = PatternDrawing.of(p);
        Piece front = PatternMakerTest.front(p);
        Coordinate mid = front.turningGap().get(front.turningGap().size() / 2);

        for (Drawing.Mark m : layer(d, "stitch").marks()) {
            assertThat(line((Drawing.Path) m).distance(GF.createPoint(mid))).isGreaterThan(5);
        }
        assertThat(texts(d)).anyMatch(t -> t.text().equals("leave open to turn"));
    }

    @Test
    void everyTextFitsOnOneSheet() throws Exception {
        Pattern p = PatternMakerTest.made(TestOutlines.disc(200), TestOutlines.asTraced().withHeightMm(600));
        double stride = Paper.A4.printableWidthMm() - Paper.OVERLAP_MM;
        double strideY = Paper.A4.printableHeightMm() - Paper.OVERLAP_MM;
        for (Drawing.Text t : texts(PatternDrawing.of(p))) {
            Envelope b = box(t);
            int column = (int) Math.floor(b.getMinX() / stride);
            int row = (int) Math.floor(b.getMinY() / strideY);
            assertThat(b.getMaxX()).as(t.text()).isLessThanOrEqualTo(column * stride + Paper.A4.printableWidthMm());
            assertThat(b.getMaxY()).as(t.text()).isLessThanOrEqualTo(row * strideY + Paper.A4.printableHeightMm());
        }
    }

    @Test
    void theLegendsTextStaysInsideTheLegendBox() throws Exception {
        Pattern p = PatternMakerTest.made(TestOutlines.thinLegs(), TestOutlines.asTraced().withSeam(Length.parse("0.25in")));
        double right = p.scaleCheckOrigin().x + p.legendWidthMm();
        double bottom = PatternMaker.MARGIN_MM + PatternMaker.LEGEND_MM;
        for (Drawing.Text t : texts(PatternDrawing.of(p))) {
            Envelope b = box(t);
            if (b.getMinY() < bottom) {
                assertThat(b.getMaxX()).as(t.text()).isLessThanOrEqualTo(right);
                assertThat(b.getMaxY()).as(t.text()).isLessThanOrEqualTo(bottom);
            }
        }
    }

    @Test
    void theSvgHasNoPageRectangleACutterWouldCut() throws Exception {
        String svg = new String(files(TestOutlines.disc(200), TestOutlines.asTraced()).get(PatternFiles.SVG),
                StandardCharsets.UTF_8);

        assertThat(svg).doesNotContain("<rect width=\"100%\"").doesNotContain("fill=\"white\"");
    }

    @Test
    void gussetNotchesAreNumberedAndOnlyOnePieceSaysLeaveOpen() throws Exception {
        Pattern p = PatternMakerTest.made(TestOutlines.disc(200), TestOutlines.asTraced().withGussetWidthMm(50));

        assertThat(p.pieces().stream().filter(x -> x.turningGap() != null)).hasSize(1);
        List<String> numbers = texts(PatternDrawing.of(p)).stream().map(Drawing.Text::text)
                .filter(s -> s.matches("\\d+")).toList();
        int notches = PatternMakerTest.front(p).notches().size();
        assertThat(numbers).contains("1", String.valueOf(notches));
    }

    static Map<String, byte[]> files(Outline outline, PatternSpec spec) throws Exception {
        return PatternFiles.render(outline, PatternMakerTest.made(outline, spec));
    }

    static List<Drawing.Text> texts(Drawing d) {
        List<Drawing.Text> texts = new ArrayList<>();
        for (Drawing.Layer l : d.layers()) {
            for (Drawing.Mark m : l.marks()) {
                if (m instanceof Drawing.Text t) {
                    texts.add(t);
                }
            }
        }
        return texts;
    }

    static Drawing.Layer layer(Drawing d, String id) {
        return d.layers().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    /** The text's ink box in drawing millimetres (Helvetica, as the PDF prints it). */
    static Envelope box(Drawing.Text t) throws IOException {
        double w = HELVETICA.getStringWidth(t.text()) / 1000 * t.sizeMm();
        double x0 = t.centred() ? t.x() - w / 2 : t.x();
        return new Envelope(x0, x0 + w, t.y() - 0.75 * t.sizeMm(), t.y() + 0.2 * t.sizeMm());
    }

    static LineString line(Drawing.Path p) {
        double[] xy = p.xy();
        int n = xy.length / 2 + (p.closed() ? 1 : 0);
        Coordinate[] c = new Coordinate[Math.max(2, n)];
        for (int i = 0; i < n; i++) {
            int k = i % (xy.length / 2);
            c[i] = new Coordinate(xy[2 * k], xy[2 * k + 1]);
        }
        if (c[1] == null) {
            c[1] = c[0];
        }
        return GF.createLineString(c);
    }

    static String text(PDDocument doc, PDPage page) throws IOException {
        PDFTextStripper s = new PDFTextStripper();
        int i = doc.getPages().indexOf(page) + 1;
        s.setStartPage(i);
        s.setEndPage(i);
        return s.getText(doc);
    }

    /** The part of a sheet no neighbour also prints, in page points (PDF y up). */
    static Rectangle2D ownArea(PDPage page, int row, int rows, int column, int columns) {
        double pt = 72 / 25.4;
        double left = (Paper.MARGIN_MM + (column > 1 ? Paper.OVERLAP_MM : 0) + 0.5) * pt;
        double right = (page.getMediaBox().getWidth() / pt - Paper.MARGIN_MM - (column < columns ? Paper.OVERLAP_MM : 0) - 0.5) * pt;
        double top = (Paper.MARGIN_MM + (row > 1 ? Paper.OVERLAP_MM : 0) + 0.5) * pt;
        double bottom = (page.getMediaBox().getHeight() / pt - Paper.MARGIN_MM - (row < rows ? Paper.OVERLAP_MM : 0) - 0.5) * pt;
        double h = page.getMediaBox().getHeight();
        return new Rectangle2D.Double(left, h - bottom, right - left, bottom - top);
    }

    /** Every straight segment stroked on a page (rectangles as four), in points. */
    static List<Line2D> segments(PDPage page) throws IOException {
        List<Line2D> found = new ArrayList<>();
        new PageProbe(page) {
            private Point2D current = new Point2D.Float();
            private Point2D start = new Point2D.Float();

            @Override public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
                found.add(new Line2D.Double(p0, p1));
                found.add(new Line2D.Double(p1, p2));
                found.add(new Line2D.Double(p2, p3));
                found.add(new Line2D.Double(p3, p0));
            }
            @Override public void moveTo(float x, float y) {
                current = new Point2D.Float(x, y);
                start = current;
            }
            @Override public void lineTo(float x, float y) {
                Point2D next = new Point2D.Float(x, y);
                found.add(new Line2D.Double(current, next));
                current = next;
            }
            @Override public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
                lineTo(x3, y3);
            }
            @Override public Point2D getCurrentPoint() { return current; }
            @Override public void closePath() {
                found.add(new Line2D.Double(current, start));
            }
        }.run();
        return found;
    }
}
