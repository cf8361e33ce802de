package dev.cuddlies.server;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A multipart/form-data body (RFC 7578) as S3's POST Object reads it: text fields in order, and one
 * file part. Only what browsers send is understood; anything else is refused.
 *
 * @param fields text fields by name, in order
 * @param file   the bytes of the part named {@code file}
 */
record MultipartForm(Map<String, String> fields, byte[] file) {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("(?i)content-disposition:\\s*form-data;.*?\\bname=\"([^\"]*)\"");

    /** @throws IllegalArgumentException when the body is no well-formed form */
    static MultipartForm parse(String contentType, byte[] body) {
        Matcher b = BOUNDARY.matcher(contentType == null ? "" : contentType);
        if (contentType == null || !contentType.toLowerCase().startsWith("multipart/form-data") || !b.find()) {
            throw new IllegalArgumentException("not multipart/form-data");
        }
        byte[] delimiter = ("--" + b.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        Map<String, String> fields = new LinkedHashMap<>();
        byte[] file = null;
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            throw new IllegalArgumentException("no parts");
        }
        while (true) {
            int start = at + delimiter.length;
            if (start + 2 <= body.length && body[start] == '-' && body[start + 1] == '-') {
                break; // closing delimiter
            }
            start += 2; // CRLF after the delimiter
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            int next = indexOf(body, ("\r\n" + new String(delimiter, StandardCharsets.ISO_8859_1))
                    .getBytes(StandardCharsets.ISO_8859_1), start);
            if (headersEnd < 0 || next < 0 || headersEnd > next) {
                throw new IllegalArgumentException("a part is cut short");
            }
            String headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
            Matcher name = NAME.matcher(headers);
            if (!name.find()) {
                throw new IllegalArgumentException("a part has no name");
            }
            byte[] content = Arrays.copyOfRange(body, headersEnd + 4, next);
            if (name.group(1).equals("file")) {
                file = content;
            } else if (file != null) {
                // S3 ignores fields after the file; so do we, but they cannot widen the policy.
                break;
            } else {
                fields.put(name.group(1), new String(content, StandardCharsets.UTF_8));
            }
            at = next + 2;
        }
        return new MultipartForm(fields, file);
    }

    Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
