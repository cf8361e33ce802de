package dev.cuddlies.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CliTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CuddliesCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private Path picture() throws IOException {
        BufferedImage img = new BufferedImage(400, 500, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0xF5F0E6));
        g.fillRect(0, 0, 400, 500);
        g.setColor(new Color(0x8B5A2B));
        g.fillOval(80, 150, 240, 300);
        g.fillOval(120, 40, 160, 150);
        g.dispose();
        Path p = dir.resolve("bear.png");
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    @Test
    void outlinePrintsTheJsonAndWritesMaskOnRequest() throws Exception {
        Path mask = dir.resolve("mask.png");
        assertThat(run("outline", picture().toString())).isZero();
        assertThat(out.toString()).startsWith("{\"width\":400,\"height\":500,\"outline\":[[");

        assertThat(run("outline", picture().toString(), "--json", dir.resolve("o.json").toString(),
                "--mask", mask.toString())).isZero();
        assertThat(Files.readString(dir.resolve("o.json"))).contains("\"areaPx\"");
        BufferedImage m = ImageIO.read(mask.toFile());
        assertThat(m.getWidth()).isEqualTo(400);
        assertThat(m.getRaster().getSample(200, 300, 0)).isEqualTo(255);
        assertThat(m.getRaster().getSample(5, 5, 0)).isZero();
    }

    @Test
    void patternWritesEveryFile() throws Exception {
        Path output = dir.resolve("bear-pattern");

        int status = run("pattern", picture().toString(), "-o", output.toString(), "--height", "25cm",
                "--paper", "letter", "--gusset", "4cm");

        assertThat(status).as(err.toString()).isZero();
        try (Stream<Path> files = Files.list(output)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("pattern.pdf", "pattern.svg", "pattern.json", "pattern.dxf",
                            "pattern-cut.svg", "outline.json", "preview.png", "stuffed.png");
        }
        assertThat(out.toString()).contains("25 cm tall").contains("GUSSET").contains("LETTER");
    }

    @Test
    void patternWithStuffingIsEnlargedAndShowsTheStuffedToy() throws Exception {
        Path plain = dir.resolve("plain");
        Path firm = dir.resolve("firm");
        assertThat(run("pattern", picture().toString(), "-o", plain.toString(), "--height", "20cm", "--stuffing", "off"))
                .isZero();
        JsonNode offJson = new ObjectMapper().readTree(plain.resolve("pattern.json").toFile()).path("stuffing");
        assertThat(offJson.path("mode").asText()).isEqualTo("off");
        assertThat(offJson.path("status").asText()).isEqualTo("predicted");
        // Cut as traced, the stuffed toy comes out smaller than asked.
        assertThat(offJson.path("predictedHeightMm").asDouble()).isLessThan(195);

        int status = run("pattern", picture().toString(), "-o", firm.toString(), "--height", "20cm",
                "--stuffing", "firm");

        assertThat(status).as(err.toString()).isZero();
        try (Stream<Path> files = Files.list(firm)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "pattern.pdf", "pattern.svg", "pattern.json", "pattern.dxf", "pattern-cut.svg", "outline.json",
                    "preview.png", "stuffed.png");
        }
        BufferedImage stuffed = ImageIO.read(firm.resolve("stuffed.png").toFile());
        assertThat(stuffed.getHeight()).isPositive();
        // The enlarged pattern is taller than the toy it stuffs to; the toy is the height asked for.
        assertThat(out.toString()).contains("stuffed firm (compensated): 2").containsPattern("silhouette match 9[5-9]%");
        JsonNode firmJson = new ObjectMapper().readTree(firm.resolve("pattern.json").toFile());
        JsonNode stuffing = firmJson.path("stuffing");
        assertThat(stuffing.path("mode").asText()).isEqualTo("firm");
        assertThat(stuffing.path("status").asText()).isEqualTo("compensated");
        assertThat(stuffing.path("predictedHeightMm").asDouble()).isCloseTo(200, org.assertj.core.data.Offset.offset(10.0));
        assertThat(stuffing.path("predictedThicknessMm").asDouble()).isPositive();
        assertThat(stuffing.path("silhouetteIoU").asDouble()).isGreaterThanOrEqualTo(0.95)
                .isGreaterThan(stuffing.path("silhouetteIoUUncompensated").asDouble());
        assertThat(firmJson.path("heightMm").asDouble()).isGreaterThan(stuffing.path("predictedHeightMm").asDouble());
        assertThat(out.toString().lines().filter(l -> l.contains(" tall x ")).toList()).hasSize(4);
    }

    @Test
    void unknownStuffingIsExplained() throws Exception {
        assertThat(run("pattern", picture().toString(), "-o", dir.resolve("x").toString(), "--stuffing", "lots"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("error: stuffing must be firm, soft or off");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void aFigureTooThinToSewAtAnySizeIsRefusedInPlainWordsAndNothingIsWritten() throws Exception {
        Path needle = dir.resolve("needle.json");
        Files.writeString(needle, "{\"width\":1000,\"height\":1000,\"outline\":[[100,100],[104,100],[104,900],[100,900]],"
                + "\"areaPx\":3200,\"warnings\":[],\"timingsMs\":{}}");
        Path output = dir.resolve("needle-pattern");

        assertThat(run("pattern", needle.toString(), "-o", output.toString())).isEqualTo(2);

        assertThat(err.toString()).startsWith("error: at 30 cm the shape would change by 100% to be sewable")
                .contains("every size up to 100 cm");
        assertThat(output).doesNotExist();
    }

    @Test
    void theSeamAllowanceIsLabelledInTheUnitItWasAskedIn() throws Exception {
        Path output = dir.resolve("inch-seam");

        assertThat(run("pattern", picture().toString(), "-o", output.toString(), "--seam", "0.25in")).as(err.toString()).isZero();

        String svg = Files.readString(output.resolve("pattern.svg"));
        assertThat(svg).contains("seam allowance 1/4 in included").doesNotContain("6 mm");
        assertThat(out.toString()).contains("1/4 in allowance");
    }

    @Test
    void patternCanBeRemadeFromASavedOutline() throws Exception {
        Path json = dir.resolve("o.json");
        assertThat(run("outline", picture().toString(), "--json", json.toString())).isZero();

        assertThat(run("pattern", json.toString(), "-o", dir.resolve("again").toString(), "--height", "12in")).isZero();
        assertThat(out.toString()).contains("30.5 cm tall");
    }

    @Test
    void badPictureExitsTwoWithOneLineAndLeavesNothingBehind() throws Exception {
        Path notPicture = dir.resolve("notes.png");
        Files.writeString(notPicture, "shopping list: wool, stuffing\n");
        Path output = dir.resolve("never");

        int status = run("pattern", notPicture.toString(), "-o", output.toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: notes.png: this is not a picture").hasLineCount(1);
        assertThat(output).doesNotExist();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("notes.png");
        }
    }

    @Test
    void missingFileAndSillyOptionsAreExplained() throws Exception {
        assertThat(run("outline", dir.resolve("nope.png").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("error: no such file");

        assertThat(run("pattern", picture().toString(), "-o", dir.resolve("x").toString(), "--height", "huge")).isEqualTo(2);
        assertThat(err.toString()).contains("'huge' is not a length");

        assertThat(run("pattern", picture().toString(), "-o", dir.resolve("x").toString(), "--paper", "a3")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown paper 'a3'");

        assertThat(run("pattern", picture().toString())).isEqualTo(2);
        assertThat(err.toString()).contains("error: Missing required option");
        assertThat(err.toString()).doesNotContain("Exception");
    }
}
