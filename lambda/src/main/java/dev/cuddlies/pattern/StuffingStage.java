package dev.cuddlies.pattern;

import dev.cuddlies.pattern.stuffing.Compensation;
import dev.cuddlies.pattern.stuffing.StuffingCompensator;
import dev.cuddlies.pattern.stuffing.StuffingConfig;
import dev.cuddlies.pattern.stuffing.StuffingMode;
import dev.cuddlies.pattern.stuffing.StuffingReport;
import dev.cuddlies.pattern.stuffing.StuffingResult;
import dev.cuddlies.pattern.stuffing.StuffingStatus;
import org.locationtech.jts.geom.Polygon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The pattern maker's first stage: the traced outline at the requested height is compensated for
 * stuffing (or, stuffing off, only simulated), within the time it is given. Never fails the make:
 * without time, or when the simulation fails, the outline itself is cut and the result says why.
 */
final class StuffingStage {

    private static final Logger LOG = LoggerFactory.getLogger(StuffingStage.class);

    /**
     * Stuffing is not started with less time than this: the first stuffing cannot be stopped; in a
     * fresh JVM it takes about 0.9 s of one core's CPU, and the JIT compiler shares that core
     * (docs/benchmarks.md, "make path with stuffing").
     */
    static final Duration MIN_TIME = Duration.ofMillis(2000);

    /**
     * @param cutMm  the stitch line to cut, mm: enlarged when compensated, else the target itself
     * @param result what became of stuffing
     */
    record Staged(Polygon cutMm, StuffingResult result) {
    }

    private final StuffingCompensator compensator = new StuffingCompensator(StuffingConfig.defaults());

    /**
     * @param targetMm the outline at the requested height, mm
     * @param time     the most the stage may take; rounds stop early, the first stuffing does not
     */
    Staged run(Polygon targetMm, StuffingMode mode, Duration time) {
        if (time.compareTo(MIN_TIME) < 0) {
            return new Staged(targetMm, StuffingResult.notSimulated(mode, StuffingStatus.NO_TIME, targetMm));
        }
        try {
            Compensation c = compensator.compensate(targetMm, mode, beforeDeadline(time));
            if (!usable(c)) {
                LOG.warn("stuffing gave no usable result; the outline is cut as traced");
                return new Staged(targetMm, StuffingResult.notSimulated(mode, StuffingStatus.FAILED, targetMm));
            }
            StuffingStatus status = mode == StuffingMode.OFF ? StuffingStatus.PREDICTED
                    : c.timeRanOut() ? StuffingStatus.CUT_SHORT : StuffingStatus.COMPENSATED;
            return new Staged(status.enlarged() ? c.stitchLineMm() : targetMm, new StuffingResult(mode, status,
                    Optional.of(c.report()), Optional.of(c.stuffed()), targetMm, c.rounds()));
        } catch (RuntimeException e) {
            LOG.warn("stuffing failed; the outline is cut as traced", e);
            return new Staged(targetMm, StuffingResult.notSimulated(mode, StuffingStatus.FAILED, targetMm));
        }
    }

    /**
     * True once another round, taking as long as the longest so far, would end after {@code time}
     * from now: the rounds stop in time rather than just after it. Before the first round, a round is
     * guessed from the first stuffing by the ratio of their solver iterations.
     */
    private static BooleanSupplier beforeDeadline(Duration time) {
        long start = System.nanoTime();
        long deadline = start + time.toNanos();
        double firstRoundShare = (double) StuffingConfig.DEFAULT_ROUND_ITERATIONS / StuffingConfig.DEFAULT_STUFF_ITERATIONS;
        long[] lastCheck = {start};
        long[] longestRound = {-1};
        return () -> {
            long now = System.nanoTime();
            long interval = now - lastCheck[0];
            longestRound[0] = longestRound[0] < 0 ? (long) (interval * firstRoundShare) : Math.max(longestRound[0], interval);
            lastCheck[0] = now;
            return now + longestRound[0] - deadline >= 0;
        };
    }

    private static boolean usable(Compensation c) {
        StuffingReport r = c.report();
        return Double.isFinite(r.predictedHeightMm()) && r.predictedHeightMm() > 0
                && Double.isFinite(r.predictedWidthMm()) && Double.isFinite(r.predictedThicknessMm())
                && Double.isFinite(r.silhouetteIoU()) && c.stitchLineMm().isValid() && !c.stitchLineMm().isEmpty();
    }
}
