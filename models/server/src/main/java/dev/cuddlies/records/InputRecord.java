package dev.cuddlies.records;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One record of a multi-record input: the fields to echo in its result (id, label, source-ref…)
 * and either the picture bytes or why there are none.
 */
public record InputRecord(ObjectNode echo, byte[] image, RecordError error) {

    public static InputRecord of(ObjectNode echo, byte[] image) {
        return new InputRecord(echo, image, null);
    }

    public static InputRecord failed(ObjectNode echo, String code, String message) {
        return new InputRecord(echo, null, new RecordError(code, message));
    }

    /** Why a record could not be traced: a short code and a plain sentence. */
    public record RecordError(String code, String message) {
    }
}
