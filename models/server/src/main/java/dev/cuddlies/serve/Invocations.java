package dev.cuddlies.serve;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuddlies.outline.OutlineConfig;
import dev.cuddlies.outline.OutlineEngine;
import dev.cuddlies.outline.WorkBudget;
import dev.cuddlies.records.InputRecord;
import dev.cuddlies.records.RecordReaders;
import dev.cuddlies.records.RecordResults;
import dev.cuddlies.records.SourceResolver;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What {@code POST /invocations} does, without HTTP: the body's content type picks how records are
 * read, {@code Accept} how results are written, custom attributes tune the outline. Bad input never
 * gives a 5xx; a bad record inside a multi-record payload gives an error line, not a failed payload.
 *
 * <p>Every answer is bounded ({@link RequestLimits}): a payload with too many records is refused
 * before any is traced, results are serialised one at a time into a buffer that refuses to grow past
 * the response limit, and the request's work comes out of one {@link WorkBudget}.
 */
public final class Invocations {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final OutlineConfig baseConfig;
    private final RequestLimits limits;
    private final SourceResolver resolver;

    public Invocations(OutlineConfig baseConfig, RequestLimits limits, SourceResolver resolver) {
        this.baseConfig = baseConfig.checkValidity();
        this.limits = limits.checkValidity();
        this.resolver = resolver;
    }

    /** Default limits but the payload size. */
    public Invocations(OutlineConfig baseConfig, long maxPayloadBytes, SourceResolver resolver) {
        this(baseConfig, RequestLimits.defaults().withMaxPayloadBytes(maxPayloadBytes), resolver);
    }

    public long maxPayloadBytes() {
        return limits.maxPayloadBytes();
    }

    public RequestLimits limits() {
        return limits;
    }

    /** A budget for a request arriving now: the configured work units and deadline. */
    public WorkBudget budgetFromNow() {
        return WorkBudget.of(limits.workUnits(), System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limits.deadlineMs()));
    }

    public Reply invoke(String contentType, String accept, String attributes, byte[] body) {
        return invoke(contentType, accept, attributes, body, budgetFromNow());
    }

    /** @param budget the request's work budget (its deadline counts from the request's arrival) */
    public Reply invoke(String contentType, String accept, String attributes, byte[] body, WorkBudget budget) {
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
        if (body.length > limits.maxPayloadBytes()) {
            return payloadTooLarge(limits.maxPayloadBytes(), attributes);
        }
        OutlineEngine engine;
        try {
            engine = new OutlineEngine(CustomAttributes.apply(attributes, baseConfig));
        } catch (IllegalArgumentException e) {
            return error(400, "bad_attributes", e.getMessage(), attributes);
        }
        boolean lines = output.get().equals(MediaTypes.JSON_LINES);
        if (input.get() == MediaTypes.Input.IMAGE) {
            ObjectNode result = RecordResults.trace(InputRecord.of(MAPPER.createObjectNode(), body), engine, budget);
            return new Reply(status(result), output.get(),
                    (result + (lines ? "\n" : "")).getBytes(StandardCharsets.UTF_8), attributes);
        }
        boolean jsonLines = input.get() == MediaTypes.Input.JSON_LINES;
        int records = jsonLines ? RecordReaders.countJsonLines(body) : RecordReaders.countRecordIO(body);
        if (records > limits.maxRecords()) {
            return error(413, "too_many_records", String.format(Locale.ROOT,
                    "the payload holds %d records; the limit is %d per request", records, limits.maxRecords()), attributes);
        }
        Iterator<InputRecord> it = jsonLines
                ? RecordReaders.jsonLines(new ByteArrayInputStream(body), resolver, limits.maxPayloadBytes())
                : RecordReaders.recordIO(body, limits.maxPayloadBytes());
        BoundedOutput out = new BoundedOutput(limits.maxResponseBytes());
        int done = 0;
        try (JsonGenerator json = MAPPER.getFactory().createGenerator(out)) {
            json.setRootValueSeparator(null);
            if (!lines) {
                json.writeStartArray();
            }
            while (it.hasNext()) {
                json.writeTree(RecordResults.trace(it.next(), engine, budget));
                if (lines) {
                    json.writeRaw('\n');
                }
                json.flush();
                done++;
            }
            if (!lines) {
                json.writeEndArray();
            }
        } catch (BoundedOutput.Overflow e) {
            return error(413, "response_too_large", String.format(Locale.ROOT,
                    "the answer would be larger than the limit of %d bytes after %d of %d records; send fewer "
                            + "records per request", limits.maxResponseBytes(), done, records), attributes);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory stream does not fail
        }
        return new Reply(200, output.get(), out.toByteArray(), attributes);
    }

    /** A single picture's status: its refusal is the client's (4xx) unless the server stopped it (503). */
    private static int status(ObjectNode result) {
        if (!RecordResults.isError(result)) {
            return 200;
        }
        return switch (result.get("error").asText()) {
            case "over_budget" -> 413;
            case "stopped" -> 503;
            default -> 400;
        };
    }

    public static Reply payloadTooLarge(long limit, String attributes) {
        return error(413, "payload_too_large", "the payload is larger than the limit of " + limit + " bytes", attributes);
    }

    public static Reply error(int status, String code, String message, String attributes) {
        ObjectNode e = MAPPER.createObjectNode();
        e.put("error", code);
        e.put("message", message);
        return Reply.json(status, e.toString(), attributes);
    }
}
