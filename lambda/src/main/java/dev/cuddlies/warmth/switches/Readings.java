package dev.cuddlies.warmth.switches;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cuddlies.warmth.Probe;
import dev.cuddlies.warmth.Reading;

import java.time.Instant;

/** Turns what a device sent as a temperature into a {@link Probe}, never throwing on garbage. */
final class Readings {

    private Readings() {
    }

    /**
     * A number, or a string holding one ("36.2"), is measured as given (NaN included: judging it is the
     * safety policy's job); anything else ("--", "unavailable", an object) is unreadable.
     */
    static Probe parse(JsonNode value, Instant at) {
        if (value.isNumber()) {
            return new Probe.Measured(new Reading(value.asDouble(), at));
        }
        String text = value.asText("").trim();
        try {
            return new Probe.Measured(new Reading(Double.parseDouble(text), at));
        } catch (NumberFormatException e) {
            return new Probe.Unreadable(text.length() > 40 ? text.substring(0, 40) : text);
        }
    }
}
