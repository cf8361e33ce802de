package dev.cuddlies.warmth;

import java.time.Instant;

/** A temperature the device reported, °C, and when it was measured. */
public record Reading(double celsius, Instant at) {
}
