package dev.cuddlies.web;

import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request to the web function, whatever carried it (a Lambda Function URL event, the
 * local server).
 *
 * @param method        GET, POST, DELETE…
 * @param path          the path without the query, e.g. /api/pair
 * @param headers       header names in lower case
 * @param cookies       cookie name to value
 * @param body          the request body, empty when none
 * @param clientAddress the caller's network address, for rate limits
 */
public record WebRequest(String method, String path, Map<String, String> headers, Map<String, String> cookies,
                         byte[] body, String clientAddress) {

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** Cookies from a Cookie header: {@code a=1; b=2}. */
    public static Map<String, String> parseCookies(Iterable<String> cookieHeaders) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String header : cookieHeaders) {
            for (String part : header.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    out.putIfAbsent(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
                }
            }
        }
        return out;
    }
}
