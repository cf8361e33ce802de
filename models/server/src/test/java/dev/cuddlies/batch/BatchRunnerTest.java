package dev.cuddlies.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuddlies.outline.OutlineConfig;
import dev.cuddlies.outline.OutlineEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class BatchRunnerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final BatchRunner runner = new BatchRunner(new OutlineEngine(OutlineConfig.defaults()), 6_000_000);

    static byte[] picture(boolean withFigure) throws Exception {
        BufferedImage img = new BufferedImage(240, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 240, 200);
        if (withFigure) {
            g.setColor(new Color(0x40A060));
            g.fillOval(60, 40, 120, 120);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    @Test
    void folderGivesOneOutPerPictureAndReportsBadOnes() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.write(in.resolve("a.png"), picture(true));
        Files.write(in.resolve("b.png"), picture(false));
        Files.writeString(in.resolve("c.png"), "not a picture");

        BatchRunner.Summary s = runner.run(in, dir.resolve("out"), null, n -> { });

        assertThat(s.objects()).isEqualTo(3);
        assertThat(s.records()).isEqualTo(3);
        assertThat(s.recordsFailed()).isEqualTo(2);
        assertThat(read(dir.resolve("out/a.png.out")).get(0).has("outline")).isTrue();
        assertThat(read(dir.resolve("out/b.png.out")).get(0).get("error").asText()).isEqualTo("no_figure");
        assertThat(read(dir.resolve("out/c.png.out")).get(0).get("error").asText()).isEqualTo("not_an_image");
        assertThat(s.problems()).anyMatch(p -> p.startsWith("b.png"));
    }

    @Test
    void jsonLinesAndAugmentedManifestKeepOrderAndEchoTheirFields() throws Exception {
        Files.write(dir.resolve("pic.png"), picture(true));
        String b64 = Base64.getEncoder().encodeToString(picture(true));
        Files.writeString(dir.resolve("in.jsonl"), "{\"id\":7,\"image\":\"" + b64 + "\"}\n"
                + "\n{\"id\":8,\"source-ref\":\"pic.png\"}\n{\"id\":9,\"source-ref\":\"missing.png\"}\n");
        Files.writeString(dir.resolve("in.manifest"),
                "{\"source-ref\":\"pic.png\",\"character\":\"frog\",\"character-metadata\":{\"confidence\":1}}\n");

        runner.run(dir.resolve("in.jsonl"), dir.resolve("out"), null, n -> { });
        runner.run(dir.resolve("in.manifest"), dir.resolve("out"), SplitType.LINE, n -> { });

        List<JsonNode> lines = read(dir.resolve("out/in.jsonl.out"));
        assertThat(lines).extracting(l -> l.get("id").asInt()).containsExactly(7, 8, 9);
        assertThat(lines.get(1).has("outline")).isTrue();
        assertThat(lines.get(2).get("error").asText()).isEqualTo("unresolvable_source");
        JsonNode manifest = read(dir.resolve("out/in.manifest.out")).get(0);
        assertThat(manifest.get("character").asText()).isEqualTo("frog");
        assertThat(manifest.has("outline")).isTrue();
    }

    @Test
    void packedRecordIoIsReadWithAndWithoutItsIndex() throws Exception {
        Path pictures = Files.createDirectories(dir.resolve("pictures/frogs"));
        Files.createDirectories(dir.resolve("pictures/toads"));
        Files.write(pictures.resolve("1.png"), picture(true));
        Files.write(pictures.resolve("2.png"), picture(false));
        Files.write(dir.resolve("pictures/toads/3.png"), picture(true));

        Packer.Result packed = Packer.pack(dir.resolve("pictures"), dir.resolve("packed/all"));

        assertThat(packed.packed()).isEqualTo(3);
        assertThat(dir.resolve("packed/all.idx")).exists();
        assertThat(Files.readString(dir.resolve("packed/all.lst"))).contains("0\t0.0\tfrogs/1.png")
                .contains("2\t1.0\ttoads/3.png");

        runner.run(dir.resolve("packed/all.rec"), dir.resolve("out1"), null, n -> { });
        List<JsonNode> indexed = read(dir.resolve("out1/all.rec.out"));
        assertThat(indexed).extracting(l -> l.get("key").asInt()).containsExactly(0, 1, 2);
        assertThat(indexed).extracting(l -> l.get("label").asDouble()).containsExactly(0.0, 0.0, 1.0);
        assertThat(indexed.get(1).get("error").asText()).isEqualTo("no_figure");

        Files.delete(dir.resolve("packed/all.idx"));
        runner.run(dir.resolve("packed/all.rec"), dir.resolve("out2"), SplitType.RECORDIO, n -> { });
        assertThat(read(dir.resolve("out2/all.rec.out"))).extracting(l -> l.get("id").asInt()).containsExactly(0, 1, 2);
    }

    @Test
    void lstListingIsTracedInItsOrder() throws Exception {
        Files.write(dir.resolve("x.png"), picture(true));
        Files.writeString(dir.resolve("list.lst"), "5\t1\tx.png\n6\t2\t3\tnope.png\n");

        runner.run(dir.resolve("list.lst"), dir.resolve("out"), null, n -> { });

        List<JsonNode> lines = read(dir.resolve("out/list.lst.out"));
        assertThat(lines.get(0).get("id").asInt()).isEqualTo(5);
        assertThat(lines.get(0).has("outline")).isTrue();
        assertThat(lines.get(1).get("label").toString()).isEqualTo("[2.0,3.0]");
        assertThat(lines.get(1).get("error").asText()).isEqualTo("unresolvable_source");
    }

    @Test
    void unreadableObjectGetsNoOutAndNoPartialFile() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.write(in.resolve("ok.png"), picture(true));
        Files.write(in.resolve("huge.png"), new byte[2_000_000]);
        BatchRunner small = new BatchRunner(new OutlineEngine(OutlineConfig.defaults()), 1_000_000);

        BatchRunner.Summary s = small.run(in, dir.resolve("out"), null, n -> { });

        assertThat(s.objectsFailed()).isEqualTo(1);
        try (Stream<Path> out = Files.list(dir.resolve("out"))) {
            assertThat(out.map(p -> p.getFileName().toString())).containsExactly("ok.png.out");
        }
    }

    private static List<JsonNode> read(Path out) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String l : Files.readAllLines(out)) {
            lines.add(JSON.readTree(l));
        }
        return lines;
    }
}
