package dev.cuddlies.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuddlies.outline.OutlineConfig;
import dev.cuddlies.outline.OutlineEngine;
import dev.cuddlies.records.InputRecord;
import dev.cuddlies.records.RecordReaders;
import dev.cuddlies.records.RecordResults;
import dev.cuddlies.records.SourceResolver;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Optional;

/**
 * What {@code POST /invocations} does, without HTTP: the body's content type picks how records are
 * read, {@code Accept} how results are written, custom attributes tune the outline. Bad input never
 * gives a 5xx; a bad record inside a multi-record payload gives an error line, not a failed payload.
 */
public final class Invocations {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final OutlineConfig baseConfig;
    private final long maxPayloadBytes;
    private final SourceResolver resolver;

    public Invocations(OutlineConfig baseConfig, long maxPayloadBytes, SourceResolver resolver) {
        this.baseConfig = baseConfig.checkValidity();
        this.maxPayloadBytes = maxPayloadBytes;
        this.resolver = resolver;
    }

    public long maxPayloadBytes() {
        return maxPayloadBytes;
    }

    public Reply invoke(String contentType, String accept, String attributes, byte[] body) {
        Optional<MediaTypes.Input> input = MediaTypes.input(contentType);
        if (input.isEmpty()) {
            return error(415, "unsupported_media_type", "content type '" + contentType + "' is not supported; send "
                    + "image/png, image/jpeg, image/webp, application/x-image, application/jsonlines or "
                    + "application/x-recordio", attributes);
        }
        Optional<String> output = MediaTypes.output(accept);
        if (output.isEmpty()) {
            return error(406, "not_acceptable", "cannot answer as '" + accept + "'; accept application/json or "
                    + "application/jsonlines", attributes);
        }
        if (body.length > maxPayloadBytes) {
            return payloadTooLarge(maxPayloadBytes, attributes);
        }
        OutlineEngine engine;
        try {
            engine = new OutlineEngine(CustomAttributes.apply(attributes, baseConfig));
        } catch (IllegalArgumentException e) {
            return error(400, "bad_attributes", e.getMessage(), attributes);
        }
        boolean lines = output.get().equals(MediaTypes.JSON_LINES);
        if (input.get() == MediaTypes.Input.IMAGE) {
            ObjectNode result = RecordResults.trace(InputRecord.of(MAPPER.createObjectNode(), body), engine);
            if (RecordResults.isError(result)) {
                return new Reply(400, output.get(), (result + (lines ? "\n" : "")).getBytes(StandardCharsets.UTF_8),
                        attributes);
            }
            return new Reply(200, output.get(), (result + (lines ? "\n" : "")).getBytes(StandardCharsets.UTF_8),
                    attributes);
        }
        Iterator<InputRecord> records = input.get() == MediaTypes.Input.JSON_LINES
                ? RecordReaders.jsonLines(new ByteArrayInputStream(body), resolver)
                : RecordReaders.recordIO(body, maxPayloadBytes);
        StringBuilder text = new StringBuilder();
        ArrayNode array = MAPPER.createArrayNode();
        while (records.hasNext()) {
            ObjectNode result = RecordResults.trace(records.next(), engine);
            if (lines) {
                text.append(result).append('\n');
            } else {
                array.add(result);
            }
        }
        return new Reply(200, output.get(),
                (lines ? text.toString() : array.toString()).getBytes(StandardCharsets.UTF_8), attributes);
    }

    public static Reply payloadTooLarge(long limit, String attributes) {
        return error(413, "payload_too_large", "the payload is larger than " + limit / 1_000_000 + " MB", attributes);
    }

    public static Reply error(int status, String code, String message, String attributes) {
        ObjectNode e = MAPPER.createObjectNode();
        e.put("error", code);
        e.put("message", message);
        return Reply.json(status, e.toString(), attributes);
    }
}
