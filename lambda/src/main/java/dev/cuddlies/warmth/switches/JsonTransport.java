package dev.cuddlies.warmth.switches;

import java.net.URI;
import java.util.Map;

/**
 * How a JSON-speaking driver reaches its device or cloud: {@link JsonHttp} over HTTP in production.
 * Failures to get any answer are {@link DeviceException}s; an answer is returned whatever its status.
 */
public interface JsonTransport {

    /** A response: HTTP status and body text. */
    record Answer(int status, String body) {
    }

    Answer send(String method, URI uri, Map<String, String> headers, String body) throws DeviceException;
}
