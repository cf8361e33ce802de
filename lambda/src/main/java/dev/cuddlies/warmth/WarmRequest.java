package dev.cuddlies.warmth;

import java.time.Duration;
import java.util.Optional;

/**
 * What the user asked for, as heard: a number of degrees (unit unknown: Alexa's NUMBER slot has none)
 * and a duration, either possibly missing.
 *
 * @param degrees  the number said, or empty
 * @param duration the duration said, or empty
 * @param usUnits  the user's locale measures in Fahrenheit (en-US)
 */
public record WarmRequest(Optional<Double> degrees, Optional<Duration> duration, boolean usUnits) {
}
