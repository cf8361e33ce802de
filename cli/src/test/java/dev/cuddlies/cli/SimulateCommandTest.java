package dev.cuddlies.cli;

import dev.cuddlies.fixtures.TestPictures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The local console, scripted through a pipe as the README shows. */
class SimulateCommandTest {

    @TempDir
    Path dir;

    private final InputStream stdin = System.in;

    @AfterEach
    void restore() {
        System.setIn(stdin);
    }

    private String simulate(String script) {
        System.setIn(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)));
        StringWriter out = new StringWriter();
        int status = CuddliesCli.run(new String[] {"simulate", "--data", dir.resolve("data").toString(), "--locale", "en-GB"},
                new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        assertThat(status).isZero();
        return out.toString();
    }

    @Test
    void pipedConversationUploadsMakesAPatternAndSpeaks() throws Exception {
        Path picture = dir.resolve("bear.png");
        Files.write(picture, TestPictures.bearPng());

        String transcript = simulate("make a cuddlie from my picture\nupload " + picture + "\n"
                + "make a cuddlie from my picture\nstop\n");

        assertThat(transcript).contains("Alexa: I don't have a picture from you yet")
                .contains("(uploaded bear.png")
                .contains("Alexa: Your 30 centimetre pattern is in your Alexa app, on")
                .contains("Card: Your pattern").contains("File: ").contains("pattern.pdf")
                .contains("Alexa: Goodbye");
        try (Stream<Path> files = Files.walk(dir.resolve("data/patterns"))) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("outline.json", "pattern.pdf", "pattern.svg", "pattern.json", "pattern.dxf",
                            "pattern-cut.svg", "preview.png", "stuffed.png", "made.json");
        }
        try (Stream<Path> uploads = Files.walk(dir.resolve("data/uploads"))) {
            assertThat(uploads.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void warmthConversationLimitsTheRequestAndReportsAndSwitchesOff() {
        String transcript = simulate("warm it up to 50 degrees\nhow warm is my cuddlie\nturn it off\nis it on\n");

        assertThat(transcript)
                .contains("Alexa: That's too warm for a child's toy, so I'm warming it to 38 degrees for 30 minutes.")
                .contains("It turns itself off then, even without me")
                .contains("Alexa: Your soft toy is warming at up to 38 degrees; it's 21 degrees now.")
                .contains("It switches off in 30 minutes.")
                .contains("Alexa: Okay, the heater is off.")
                .contains("Alexa: The heater is off and your soft toy is");
    }

    @Test
    void notAPictureIsRefusedAtUpload() throws Exception {
        Path notes = dir.resolve("notes.png");
        Files.writeString(notes, "not a picture");

        assertThat(simulate("upload " + notes + "\n")).contains("(not uploaded: this is not a picture");
    }
}
