package dev.cuddlies.outline;

import dev.cuddlies.outline.OutlineException.Reason;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How much work one request may make the engine do: a budget of work units, a deadline and a cancel
 * flag. One budget is shared by every picture of a request (a JSON Lines payload of 900 tiny-but-huge
 * PNGs spends one budget, not 900), and it may be cancelled from another thread (the client went
 * away, the server is stopping). Thread-safe.
 *
 * <p>A picture's cost is estimated from its header, before any pixel is decoded: declared pixels,
 * doubled when samples are wider than 8 bits (16-bit PNGs cost about twice as much to inflate and
 * convert). Measured on this project's reference machine, one unit is about 25 to 50 ns of CPU.
 */
public final class WorkBudget {

    /** Cost weight of pictures whose samples are wider than 8 bits. */
    static final int WIDE_SAMPLE_WEIGHT = 2;

    private final long maxUnits;
    private final long deadlineNanos;
    private final boolean hasDeadline;
    private final AtomicLong spent = new AtomicLong();
    private volatile boolean cancelled;

    private WorkBudget(long maxUnits, long deadlineNanos, boolean hasDeadline) {
        if (maxUnits <= 0) {
            throw new IllegalArgumentException("a work budget must be positive");
        }
        this.maxUnits = maxUnits;
        this.deadlineNanos = deadlineNanos;
        this.hasDeadline = hasDeadline;
    }

    /** No limit but cancellation (local tools on the user's own files). */
    public static WorkBudget unlimited() {
        return new WorkBudget(Long.MAX_VALUE, 0, false);
    }

    /**
     * @param maxUnits      work units the request may spend (see {@link #estimate})
     * @param deadlineNanos {@link System#nanoTime()} value after which work stops
     */
    public static WorkBudget of(long maxUnits, long deadlineNanos) {
        return new WorkBudget(maxUnits, deadlineNanos, true);
    }

    /** The estimated work units of a picture of this declared size and sample width. */
    public static long estimate(int widthPx, int heightPx, int maxBitsPerSample) {
        long pixels = (long) widthPx * heightPx;
        return maxBitsPerSample > 8 ? pixels * WIDE_SAMPLE_WEIGHT : pixels;
    }

    /** Stops the work at its next checkpoint. */
    public void cancel() {
        cancelled = true;
    }

    /** True once cancelled or past the deadline. */
    public boolean stopped() {
        return cancelled || (hasDeadline && System.nanoTime() - deadlineNanos > 0);
    }

    /** Time left before the deadline, ns: {@link Long#MAX_VALUE} without one, 0 once stopped. */
    public long remainingNanos() {
        if (cancelled) {
            return 0;
        }
        return hasDeadline ? Math.max(0, deadlineNanos - System.nanoTime()) : Long.MAX_VALUE;
    }

    public long spentUnits() {
        return spent.get();
    }

    public long maxUnits() {
        return maxUnits;
    }

    /**
     * Takes a picture's estimated cost from the budget, or refuses it (nothing is taken) when the rest
     * of the budget cannot pay for it.
     *
     * @throws OutlineException {@link Reason#OVER_BUDGET} with a plain message
     */
    public void charge(long units) throws OutlineException {
        checkpoint();
        while (true) {
            long before = spent.get();
            if (units > maxUnits - before) {
                throw new OutlineException(Reason.OVER_BUDGET, String.format(Locale.ROOT,
                        "this picture needs about %.0f megapixels of work and the request has %.0f left of its %.0f; "
                                + "send fewer or smaller pictures per request",
                        units / 1e6, (maxUnits - before) / 1e6, maxUnits / 1e6));
            }
            if (spent.compareAndSet(before, before + units)) {
                return;
            }
        }
    }

    /** @throws OutlineException {@link Reason#STOPPED} when cancelled or past the deadline */
    public void checkpoint() throws OutlineException {
        if (stopped()) {
            throw new OutlineException(Reason.STOPPED, cancelled
                    ? "the request was cancelled before this picture was traced"
                    : "the request ran out of time before this picture was traced");
        }
    }
}
