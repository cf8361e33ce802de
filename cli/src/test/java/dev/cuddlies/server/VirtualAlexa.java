package dev.cuddlies.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The npm package virtual-alexa (a third-party Alexa simulator) driving a skill endpoint with one of
 * the project's interaction models, one step at a time (src/test/node/virtual-alexa-e2e.js).
 */
final class VirtualAlexa implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process node;
    private final Writer in;
    private final BufferedReader out;

    VirtualAlexa(String skillUrl, String locale, String userId, String skillId) throws IOException {
        Path modules = nodeModules().orElseThrow(() -> new IllegalStateException("virtual-alexa is not installed"));
        ProcessBuilder pb = new ProcessBuilder("node", Path.of("src/test/node/virtual-alexa-e2e.js").toString(), skillUrl,
                Path.of("..", "skill-package", "interactionModels", "custom", locale + ".json").toString(), userId, skillId,
                locale).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("NODE_PATH", modules.toString());
        node = pb.start();
        in = new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8);
        out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
    }

    /** What was sent and answered for one spoken sentence. */
    JsonNode utter(String sentence) throws IOException {
        return step(JSON.createObjectNode().put("utter", sentence));
    }

    JsonNode launch() throws IOException {
        return step(JSON.createObjectNode().put("launch", true));
    }

    /** Ends the simulated session without sending anything, so the next sentence starts afresh. */
    void reset() throws IOException {
        step(JSON.createObjectNode().put("reset", true));
    }

    private JsonNode step(JsonNode step) throws IOException {
        in.write(step + "\n");
        in.flush();
        String line = out.readLine();
        if (line == null) {
            throw new IOException("virtual-alexa stopped");
        }
        return JSON.readTree(line);
    }

    @Override
    public void close() throws Exception {
        in.close();
        if (!node.waitFor(10, TimeUnit.SECONDS)) {
            node.destroy();
        }
    }

    /** The tools .ci/run installs under .tools/; in CI their absence fails the test instead of skipping it. */
    static Optional<Path> nodeModules() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(".tools/node_modules/virtual-alexa"))) {
                return Optional.of(dir.resolve(".tools/node_modules"));
            }
        }
        return Optional.empty();
    }

    static boolean available() {
        if (nodeModules().isEmpty() && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("virtual-alexa is not installed: .ci/run must install it under .tools/");
        }
        return nodeModules().isPresent();
    }
}
