package dev.cuddlies.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The web function's answer.
 *
 * @param headers    extra headers (Content-Type is separate)
 * @param setCookies Set-Cookie values
 */
public record WebResponse(int status, String contentType, byte[] body, Map<String, String> headers,
                          List<String> setCookies) {

    public static WebResponse of(int status, String contentType, byte[] body) {
        return new WebResponse(status, contentType, body, Map.of(), List.of());
    }

    public static WebResponse text(int status, String text) {
        return of(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    public WebResponse withCookie(String setCookie) {
        return new WebResponse(status, contentType, body, headers, List.of(setCookie));
    }
}
