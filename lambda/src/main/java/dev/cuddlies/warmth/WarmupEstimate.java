package dev.cuddlies.warmth;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How long until the toy reaches its target, from the readings seen while warming: the rise between
 * the earliest and the latest recent reading, carried on in a straight line. A pad's warm-up slows as it
 * nears the target, so this errs on the short side; it is said as "about".
 */
public final class WarmupEstimate {

    /** Readings older than this before the latest one are not used, as they may belong to another warm-up. */
    public static final Duration WINDOW = Duration.ofMinutes(20);
    /** Two readings closer than this say too little about the rate. */
    public static final Duration MIN_SPAN = Duration.ofSeconds(60);
    /** A rise smaller than this over the span is noise, °C. */
    public static final double MIN_RISE_C = 0.2;
    /** Within this of the target the toy counts as warm, °C (the thermostat's band). */
    public static final double WARM_BAND_C = 0.5;

    private WarmupEstimate() {
    }

    /**
     * @param readings readings in any order; not modified
     * @param targetC  the target, °C
     * @return zero when already warm; empty when the readings cannot tell (too few, too close, not rising)
     */
    public static Optional<Duration> until(List<Reading> readings, double targetC) {
        if (readings.isEmpty()) {
            return Optional.empty();
        }
        Reading latest = readings.stream().max(Comparator.comparing(Reading::at)).orElseThrow();
        if (latest.celsius() >= targetC - WARM_BAND_C) {
            return Optional.of(Duration.ZERO);
        }
        Instant from = latest.at().minus(WINDOW);
        Optional<Reading> earliest = readings.stream().filter(r -> !r.at().isBefore(from))
                .min(Comparator.comparing(Reading::at));
        if (earliest.isEmpty()) {
            return Optional.empty();
        }
        Duration span = Duration.between(earliest.get().at(), latest.at());
        double rise = latest.celsius() - earliest.get().celsius();
        if (span.compareTo(MIN_SPAN) < 0 || rise < MIN_RISE_C) {
            return Optional.empty();
        }
        double secondsLeft = (targetC - latest.celsius()) / (rise / span.toSeconds());
        return Optional.of(Duration.ofSeconds(Math.round(secondsLeft)));
    }
}
