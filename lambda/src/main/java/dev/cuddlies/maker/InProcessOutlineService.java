package dev.cuddlies.maker;

import dev.cuddlies.outline.Outline;
import dev.cuddlies.outline.OutlineEngine;
import dev.cuddlies.outline.OutlineException;

import java.time.Duration;

/** The outline engine in this JVM: the embedded default, no endpoint needed. */
public final class InProcessOutlineService implements OutlineService {

    private final OutlineEngine engine;

    public InProcessOutlineService(OutlineEngine engine) {
        this.engine = engine;
    }

    @Override
    public Outline trace(byte[] picture, Duration timeout) throws OutlineException {
        return engine.trace(picture);
    }
}
