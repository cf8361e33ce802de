package dev.cuddlies.batch;

import java.nio.file.Path;
import java.util.Locale;

/** How an input object splits into records, as Batch Transform's {@code SplitType}. */
public enum SplitType {
    /** The whole object is one picture. */
    NONE,
    /** JSON Lines (or an augmented manifest): one record per line. */
    LINE,
    /** MXNet RecordIO image records. */
    RECORDIO,
    /** An im2rec {@code .lst} listing: one picture per line (a local convenience, not a Batch Transform type). */
    LST;

    public static SplitType parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "none" -> NONE;
            case "line" -> LINE;
            case "recordio" -> RECORDIO;
            default -> throw new IllegalArgumentException("unknown split type '" + name + "'; use None, Line or RecordIO");
        };
    }

    /** The split a file's name suggests. */
    public static SplitType infer(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".jsonlines") || name.endsWith(".manifest")
                || name.endsWith(".json")) {
            return LINE;
        }
        if (name.endsWith(".rec")) {
            return RECORDIO;
        }
        if (name.endsWith(".lst")) {
            return LST;
        }
        return NONE;
    }
}
