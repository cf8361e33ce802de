package dev.cuddlies.warmth;

/**
 * What a switch's sensor said, as the driver parsed it and before any judgement: whether a reading is
 * believable is decided in one place, {@link SafetyPolicy#judge}.
 */
public sealed interface Probe {

    /** A number the device gave, °C (possibly NaN, -127 or from the future: not yet judged). */
    record Measured(Reading reading) implements Probe {
    }

    /** The device has no temperature sensor (Sonoff BASICR3, MINI): warming can only be timed. */
    record NoSensor() implements Probe {
    }

    /**
     * The device has a sensor but gave something that is not a temperature ("--", "unavailable",
     * garbage), or could not be read at all.
     *
     * @param said what came back, for logs only (never spoken)
     */
    record Unreadable(String said) implements Probe {
    }
}
