package dev.cuddlies.records;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuddlies.outline.Outline;
import dev.cuddlies.outline.OutlineEngine;
import dev.cuddlies.outline.OutlineException;
import dev.cuddlies.outline.OutlineJson;
import dev.cuddlies.outline.WorkBudget;

import java.util.Locale;

/** Traces one record and shapes its result: the echoed fields, then the outline or the error. */
public final class RecordResults {

    private RecordResults() {
    }

    /** The result object of one record; never throws for bad input. */
    public static ObjectNode trace(InputRecord record, OutlineEngine engine) {
        return trace(record, engine, WorkBudget.unlimited());
    }

    /** The result object of one record, its work taken from the request's budget; never throws for bad input. */
    public static ObjectNode trace(InputRecord record, OutlineEngine engine, WorkBudget budget) {
        ObjectNode result = record.echo().deepCopy();
        if (record.error() != null) {
            return error(result, record.error().code(), record.error().message());
        }
        try {
            Outline outline = engine.trace(record.image(), budget);
            result.setAll(OutlineJson.toTree(outline));
            return result;
        } catch (OutlineException e) {
            return error(result, code(e.reason()), e.getMessage());
        }
    }

    public static boolean isError(ObjectNode result) {
        return result.has("error");
    }

    public static ObjectNode error(ObjectNode into, String code, String message) {
        into.put("error", code);
        into.put("message", message);
        return into;
    }

    /** Error codes as they appear in JSON: {@code not_an_image}, {@code no_figure}… */
    public static String code(OutlineException.Reason reason) {
        return switch (reason) {
            case CORRUPT -> "corrupt_image";
            case TOO_LARGE -> "image_too_large";
            case TOO_SMALL -> "image_too_small";
            default -> reason.name().toLowerCase(Locale.ROOT);
        };
    }
}
