package dev.cuddlies.maker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Time left to answer Alexa. Each outside call gets the smaller of its own cap and what is left
 * after a reserve for the answer itself, so the calls together can never run past the deadline.
 */
public final class Budget {

    private final Clock clock;
    private final Instant deadline;
    private final Duration reserve;

    public Budget(Clock clock, Duration total, Duration reserve) {
        this.clock = clock;
        this.deadline = clock.instant().plus(total);
        this.reserve = reserve;
    }

    /** Time for a call capped at {@code cap}; zero when nothing is left. */
    public Duration forCall(Duration cap) {
        Duration left = Duration.between(clock.instant(), deadline).minus(reserve);
        if (left.isNegative()) {
            return Duration.ZERO;
        }
        return left.compareTo(cap) < 0 ? left : cap;
    }
}
