package dev.cuddlies.outline;

import dev.cuddlies.outline.internal.Tracer;

/**
 * Picture bytes in, {@link Outline} out: decode with limits, separate the figure from the
 * background, make it one piece, trace its contour. Thread-safe; build once and reuse.
 *
 * <pre>{@code
 * OutlineEngine engine = new OutlineEngine(OutlineConfig.defaults());
 * Outline outline = engine.trace(Files.readAllBytes(path));
 * }</pre>
 */
public final class OutlineEngine {

    /** Version of the outline algorithm, reported by the model server and in model manifests. */
    public static final String VERSION = "1.0.0";

    private final OutlineConfig config;

    public OutlineEngine(OutlineConfig config) {
        this.config = config.checkValidity();
    }

    public OutlineConfig config() {
        return config;
    }

    /**
     * Traces the main figure of a picture.
     *
     * @param picture encoded PNG, JPEG, GIF, BMP or WebP bytes. Not modified.
     * @throws OutlineException with a plain message when the picture is refused or holds no figure
     */
    public Outline trace(byte[] picture) throws OutlineException {
        return new Tracer(config).trace(picture);
    }
}
