package dev.cuddlies.maker;

import dev.cuddlies.outline.Outline;
import dev.cuddlies.outline.OutlineEngine;
import dev.cuddlies.outline.OutlineException;
import dev.cuddlies.outline.WorkBudget;

import java.time.Duration;

/** The outline engine in this JVM: the embedded default, no endpoint needed. */
public final class InProcessOutlineService implements OutlineService {

    private final OutlineEngine engine;

    public InProcessOutlineService(OutlineEngine engine) {
        this.engine = engine;
    }

    @Override
    public Outline trace(byte[] picture, Duration timeout) throws OutlineException, ServiceException {
        // The engine stops at its next checkpoint once the answer budget is spent, instead of running on
        // after Alexa has stopped listening.
        WorkBudget budget = WorkBudget.of(Long.MAX_VALUE, System.nanoTime() + timeout.toNanos());
        try {
            return engine.trace(picture, budget);
        } catch (OutlineException e) {
            if (e.reason() == OutlineException.Reason.STOPPED) {
                throw new ServiceException("tracing did not finish within " + timeout.toMillis() + " ms", true, e);
            }
            throw e;
        }
    }
}
