package dev.cuddlies.pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuddlies.pattern.render.PreviewWriter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** pattern.json, the DXF, the cutter SVG, the instructions page and the preview, read as a user's tool reads them. */
class DeliveredFilesTest {

    @TempDir
    Path dir;

    @Test
    void patternJsonHoldsEveryPieceInMillimetresAsTheIssueSketchesIt() throws Exception {
        Map<String, byte[]> files = PrintingTest.files(TestOutlines.thinLegs(), TestOutlines.asTraced());
        JsonNode json = new ObjectMapper().readTree(files.get(PatternFiles.JSON));

        assertThat(json.path("units").asText()).isEqualTo("mm");
        assertThat(json.path("seamMm").asDouble()).isEqualTo(6);
        assertThat(json.path("changes")).anySatisfy(c -> assertThat(c.path("kind").asText()).isEqualTo("SEPARATE_PART"));
        JsonNode front = json.path("pieces").get(0);
        assertThat(front.path("label").asText()).isEqualTo("FRONT");
        assertThat(front.path("title").asText()).isEqualTo("FRONT - cut 1");
        assertThat(front.path("cut").asInt()).isEqualTo(1);
        assertThat(front.path("mirrored").asBoolean()).isFalse();
        for (String field : new String[] {"stitch", "cutLine", "notches", "embroidery", "placementMarks"}) {
            assertThat(front.path(field).isArray()).as(field).isTrue();
        }
        assertThat(front.path("turningGap")).hasSize(2);
        assertThat(front.path("stitch").get(0)).hasSize(2);
        // The same millimetres as the SVG: the first stitch point appears in pattern.svg's stitch group.
        String svg = new String(files.get(PatternFiles.SVG), java.nio.charset.StandardCharsets.UTF_8);
        JsonNode first = front.path("cutLine").get(0);
        assertThat(svg).contains(String.format(java.util.Locale.ROOT, "%.2f,%.2f", first.get(0).asDouble(),
                first.get(1).asDouble()));
        assertThat(json.path("pieces")).anySatisfy(piece -> {
            assertThat(piece.path("kind").asText()).isEqualTo("PART");
            assertThat(piece.path("cut").asInt()).isEqualTo(2);
            assertThat(piece.path("openEnd").isArray()).isTrue();
        });
        assertThat(json.path("sheets").path("printed").size()).isGreaterThan(0);
    }

    @Test
    void theDxfOpensInEzdxfWithOnePieceABlockOnTheAamaLayers() throws Exception {
        Pattern p = PatternMakerTest.made(TestOutlines.whiskers(), TestOutlines.asTraced().withGussetWidthMm(40));
        byte[] dxf = PatternFiles.render(TestOutlines.whiskers(), p).get(PatternFiles.DXF);

        JsonNode read = Ezdxf.read(dxf, dir);

        assertThat(read.path("version").asText()).isEqualTo("AC1009");
        assertThat(read.path("errors").asInt()).isZero();
        assertThat(read.path("inserts")).hasSize(p.pieces().size());
        for (Piece piece : p.pieces()) {
            JsonNode block = read.path("blocks").path(piece.name().replace(' ', '_'));
            assertThat(block.isMissingNode()).as(piece.name()).isFalse();
            JsonNode layers = block.path("layers");
            assertThat(layers.path("1")).as("boundary").anySatisfy(t -> assertThat(t.asText()).isEqualTo("POLYLINE"));
            assertThat(layers.path("14")).as("sew line").anySatisfy(t -> assertThat(t.asText()).isEqualTo("POLYLINE"));
            assertThat(layers.path("7")).as("grain").anySatisfy(t -> assertThat(t.asText()).isEqualTo("LINE"));
            assertThat(layers.path("15")).as("annotation").anySatisfy(t -> assertThat(t.asText()).isEqualTo("TEXT"));
            if (!piece.notches().isEmpty()) {
                assertThat(layers.path("4")).as("notches").hasSizeGreaterThanOrEqualTo(piece.notches().size());
            }
            assertThat(block.path("texts")).anySatisfy(t -> assertThat(t.asText()).isEqualTo("Piece Name: " + piece.name()));
            // The boundary is the cut line, true size: same area in the DXF as in the pattern.
            JsonNode ring = block.path("boundary").get(0);
            double area = 0;
            for (int i = 0; i < ring.size(); i++) {
                JsonNode a = ring.get(i);
                JsonNode b = ring.get((i + 1) % ring.size());
                area += a.get(0).asDouble() * b.get(1).asDouble() - b.get(0).asDouble() * a.get(1).asDouble();
            }
            assertThat(Math.abs(area) / 2).isCloseTo(piece.cut().getArea(), within(piece.cut().getArea() * 0.001));
        }
        assertThat(read.path("blocks").path("FRONT").path("layers").path("8")).as("embroidery").hasSize(6);
    }

    @Test
    void theCutterSvgHasOnlyClosedCutLinesInMillimetres() throws Exception {
        Pattern p = PatternMakerTest.made(TestOutlines.thinLegs(), TestOutlines.asTraced());
        byte[] svg = PatternFiles.render(TestOutlines.thinLegs(), p).get(PatternFiles.CUT_SVG);

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg));
        Element root = doc.getDocumentElement();
        assertThat(root.getAttribute("width")).endsWith("mm");
        assertThat(root.getAttribute("height")).endsWith("mm");
        for (String absent : new String[] {"rect", "text", "polyline", "image"}) {
            assertThat(doc.getElementsByTagName(absent).getLength()).as(absent).isZero();
        }
        var paths = doc.getElementsByTagName("path");
        assertThat(paths.getLength()).isEqualTo(p.pieces().size());
        for (int i = 0; i < paths.getLength(); i++) {
            assertThat(((Element) paths.item(i)).getAttribute("d")).startsWith("M").endsWith("Z");
        }
    }

    @Test
    void theInstructionsPageListsPiecesFabricStuffingStepsAndSafety() throws Exception {
        Pattern p = PatternMakerTest.made(TestOutlines.thinLegs(), TestOutlines.asTraced());
        byte[] pdf = PatternFiles.render(TestOutlines.thinLegs(), p).get(PatternFiles.PDF);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper first = new PDFTextStripper();
            first.setEndPage(1);
            String text = first.getText(doc).replace("\n", " ");
            assertThat(text).contains("How to sew your cuddlie").contains("FRONT - cut 1")
                    .contains("BACK - cut 1 (mirrored)").contains("PART A - cut 2 (1 reversed)")
                    .contains("Fabric 110 cm wide").contains("Fabric 150 cm wide")
                    .containsPattern("Stuffing: about \\d+ g").contains("ladder stitch").contains("Clip the seam allowance")
                    .contains("Turn right side out").contains("under 3").contains("no buttons");
            assertThat(text).contains(String.format(java.util.Locale.ROOT, "%.0f g", p.fill().firmGrams()));
        }
    }

    @Test
    void thePreviewShowsTheLabelsAndTheGapInColour() throws Exception {
        byte[] png = PrintingTest.files(TestOutlines.disc(200), TestOutlines.asTraced()).get(PatternFiles.PREVIEW);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));

        // Labels are the only green, the gap the only orange (anti-aliased edges blend into white).
        assertThat(count(image, (r, g, b) -> g > r + 40 && g > b + 40)).isGreaterThan(300);
        assertThat(count(image, (r, g, b) -> r > 200 && g > 100 && g < 180 && b < 80)).isGreaterThan(100);
    }

    private interface Hue {
        boolean is(int r, int g, int b);
    }

    private static int count(BufferedImage image, Hue hue) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int c = image.getRGB(x, y);
                n += hue.is(c >> 16 & 0xff, c >> 8 & 0xff, c & 0xff) ? 1 : 0;
            }
        }
        return n;
    }
}
