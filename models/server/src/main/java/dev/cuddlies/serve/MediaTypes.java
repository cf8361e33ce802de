package dev.cuddlies.serve;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The media types the model accepts and answers with, and how headers map to them. */
public final class MediaTypes {

    public static final String JSON = "application/json";
    public static final String JSON_LINES = "application/jsonlines";
    public static final String X_IMAGE = "application/x-image";
    public static final String RECORDIO = "application/x-recordio";

    /** What a request body holds. */
    public enum Input { IMAGE, JSON_LINES, RECORDIO }

    private static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/jpg", "image/webp",
            "image/gif", "image/bmp", X_IMAGE, "application/octet-stream");
    private static final Set<String> LINE_TYPES = Set.of(JSON_LINES, "application/jsonl", "application/x-jsonlines");

    private MediaTypes() {
    }

    /** The input kind of a Content-Type, or empty when unsupported (415). A missing type is an image. */
    public static Optional<Input> input(String contentType) {
        String type = essence(contentType);
        if (type.isEmpty() || IMAGE_TYPES.contains(type)) {
            return Optional.of(Input.IMAGE);
        }
        if (LINE_TYPES.contains(type)) {
            return Optional.of(Input.JSON_LINES);
        }
        if (type.equals(RECORDIO)) {
            return Optional.of(Input.RECORDIO);
        }
        return Optional.empty();
    }

    /** The answer's media type for an Accept header (JSON by default), or empty when none fits (406). */
    public static Optional<String> output(String accept) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(JSON);
        }
        for (String part : accept.split(",")) {
            String type = essence(part);
            if (type.equals(JSON) || type.equals("*/*") || type.equals("application/*")) {
                return Optional.of(JSON);
            }
            if (LINE_TYPES.contains(type)) {
                return Optional.of(JSON_LINES);
            }
        }
        return Optional.empty();
    }

    static String essence(String header) {
        if (header == null) {
            return "";
        }
        int semi = header.indexOf(';');
        return (semi < 0 ? header : header.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }
}
