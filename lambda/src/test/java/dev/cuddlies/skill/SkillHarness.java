package dev.cuddlies.skill;

import com.amazon.ask.Skill;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuddlies.aws.CuddliesStreamHandler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Feeds request-envelope fixtures through {@link CuddliesStreamHandler#handleRequest} and reads the JSON
 * answer. Every answer it sees is measured: a spoken answer or reprompt over two sentences or 35 words
 * fails the test that asked for it ({@link AnswerLength}).
 */
public final class SkillHarness implements AutoCloseable {

    public static final String USER_ID = "amzn1.ask.account.AFAKEUSERIDFORTESTS0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CuddliesStreamHandler handler;
    private final AlexaApiStub alexaApi;
    private int measured;

    public SkillHarness(Skill skill) throws IOException {
        this.handler = new CuddliesStreamHandler(skill);
        this.alexaApi = new AlexaApiStub();
    }

    /** The loopback stand-in for Alexa's API that every envelope is pointed at. */
    public AlexaApiStub alexaApi() {
        return alexaApi;
    }

    @Override
    public void close() {
        alexaApi.close();
    }

    /** How many spoken answers and reprompts this harness has measured. */
    public int measured() {
        return measured;
    }

    public static ObjectNode fixture(String name) throws IOException {
        try (InputStream in = SkillHarness.class.getResourceAsStream("/envelopes/" + name + ".json")) {
            if (in == null) {
                throw new IOException("no fixture " + name);
            }
            return (ObjectNode) JSON.readTree(in);
        }
    }

    public JsonNode call(String fixture) throws IOException {
        return call(fixture(fixture));
    }

    public JsonNode call(JsonNode envelope) throws IOException {
        JsonNode system = envelope.path("context").path("System");
        if (system.has("apiEndpoint")) {
            ((ObjectNode) system).put("apiEndpoint", alexaApi.endpoint()); // never the real Alexa API
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(envelope.toString().getBytes(StandardCharsets.UTF_8)), out, null);
        JsonNode answer = JSON.readTree(out.toByteArray());
        AnswerLength.ofResponse(answer).forEach(AnswerLength::assertShort);
        measured += AnswerLength.ofResponse(answer).size();
        return answer;
    }

    public static String speech(JsonNode answer) {
        return answer.path("response").path("outputSpeech").path("ssml").asText();
    }
}
