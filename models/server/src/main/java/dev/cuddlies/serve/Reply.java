package dev.cuddlies.serve;

import java.nio.charset.StandardCharsets;

/**
 * An answer to an invocation.
 *
 * @param status           HTTP status
 * @param contentType      media type of the body
 * @param body             the body bytes
 * @param customAttributes echoed {@code X-Amzn-SageMaker-Custom-Attributes}, or null
 */
public record Reply(int status, String contentType, byte[] body, String customAttributes) {

    public static Reply json(int status, String json, String customAttributes) {
        return new Reply(status, MediaTypes.JSON, json.getBytes(StandardCharsets.UTF_8), customAttributes);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
