package dev.cuddlies.pattern;

import dev.cuddlies.outline.Outline;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.geom.Point2D;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PatternFilesTest {

    private static final double MM_PER_POINT = 25.4 / 72;

    @Test
    void pdfScaleSquareMeasuresFiveCentimetresInThePdfsOwnCoordinates() throws Exception {
        Map<String, byte[]> files = render(TestOutlines.disc(200), PatternSpec.defaults().withHeightMm(120));

        try (PDDocument pdf = Loader.loadPDF(files.get(PatternFiles.PDF))) {
            PDPage page = pdf.getPage(pdf.getNumberOfPages() - 1); // the last sheet: one sheet, after the instructions
            assertThat(page.getMediaBox().getWidth() * MM_PER_POINT).isCloseTo(210, within(0.1));
            assertThat(page.getMediaBox().getHeight() * MM_PER_POINT).isCloseTo(297, within(0.1));
            List<double[]> rects = rectangles(page);
            assertThat(rects).anySatisfy(r -> {
                assertThat(r[0] * MM_PER_POINT).isCloseTo(50, within(0.05));
                assertThat(r[1] * MM_PER_POINT).isCloseTo(50, within(0.05));
            });
            assertThat(rects).anySatisfy(r -> assertThat(r[0] * MM_PER_POINT).isCloseTo(25.4, within(0.05)));
        }
    }

    @Test
    void largePatternIsTiledWithAnAssemblyMapAndPageLabels() throws Exception {
        Map<String, byte[]> files = render(TestOutlines.disc(200), PatternSpec.defaults().withHeightMm(600));

        try (PDDocument pdf = Loader.loadPDF(files.get(PatternFiles.PDF))) {
            int pages = pdf.getNumberOfPages();
            assertThat(pages).isGreaterThan(4);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Assembly map").contains("Sheet A1").contains("dashed line");
            // Pages: the instructions, the map, then the sheets; every tile is true size: A1 still carries
            // the 5 cm square at 1:1.
            Pattern p = PatternMakerTest.made(TestOutlines.disc(200), PatternSpec.defaults().withHeightMm(600));
            int instructions = pages - 1 - p.sheets().sheetCount();
            assertThat(instructions).isBetween(1, 2);
            assertThat(text).contains("How to sew your cuddlie");
            assertThat(rectangles(pdf.getPage(instructions + 1))).anySatisfy(r ->
                    assertThat(r[0] * MM_PER_POINT).isCloseTo(50, within(0.05)));
        }
    }

    @Test
    void svgIsTrueSizeInMillimetresWithSeparateGroups() throws Exception {
        Map<String, byte[]> files = render(TestOutlines.disc(200), PatternSpec.defaults());

        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(files.get(PatternFiles.SVG)));
        Element root = svg.getDocumentElement();
        assertThat(root.getAttribute("width")).endsWith("mm");
        String[] viewBox = root.getAttribute("viewBox").split(" ");
        assertThat(root.getAttribute("width")).isEqualTo(viewBox[2] + "mm");
        List<String> groups = new ArrayList<>();
        var g = svg.getElementsByTagName("g");
        for (int i = 0; i < g.getLength(); i++) {
            groups.add(((Element) g.item(i)).getAttribute("id"));
        }
        assertThat(groups).containsExactly("cut", "stitch", "marks", "gap", "embroidery", "labels");
        assertThat(svg.getElementsByTagName("image").getLength()).isZero();
    }

    @Test
    void noPixelOfThePictureIsWrittenOnlyTheOutline() throws Exception {
        Outline outline = TestOutlines.disc(200);
        Map<String, byte[]> files = render(outline, PatternSpec.defaults());

        assertThat(files).containsOnlyKeys(PatternFiles.PDF, PatternFiles.SVG, PatternFiles.JSON, PatternFiles.DXF,
                PatternFiles.CUT_SVG, PatternFiles.OUTLINE, PatternFiles.PREVIEW, PatternFiles.STUFFED);
        try (PDDocument pdf = Loader.loadPDF(files.get(PatternFiles.PDF))) {
            for (PDPage page : pdf.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    assertThat(page.getResources().getXObject(name)).isNotInstanceOf(PDImage.class);
                }
            }
        }
        assertThat(new String(files.get(PatternFiles.OUTLINE), StandardCharsets.UTF_8)).startsWith("{\"width\":1000");
        var preview = ImageIO.read(new ByteArrayInputStream(files.get(PatternFiles.PREVIEW)));
        assertThat(Math.max(preview.getWidth(), preview.getHeight())).isLessThanOrEqualTo(1200);
    }

    private static Map<String, byte[]> render(Outline outline, PatternSpec spec) throws Exception {
        return PatternFiles.render(outline, PatternMakerTest.made(outline, spec));
    }

    /** Width and height, in points, of every rectangle drawn with the {@code re} operator. */
    private static List<double[]> rectangles(PDPage page) throws IOException {
        List<double[]> found = new ArrayList<>();
        new PageProbe(page) {
            @Override
            public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
                found.add(new double[] {Math.abs(p1.getX() - p0.getX()), Math.abs(p3.getY() - p0.getY())});
            }
        }.run();
        return found;
    }
}
