package dev.cuddlies.outline;

import dev.cuddlies.outline.internal.Tracer;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

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

    /**
     * Version of the outline algorithm, reported by the model server and written into model
     * manifests; set once, in the models POM ({@code outline.engine.version}).
     */
    public static final String VERSION = readVersion();

    private final OutlineConfig config;

    public OutlineEngine(OutlineConfig config) {
        this.config = config.checkValidity();
    }

    private static String readVersion() {
        try (InputStream in = OutlineEngine.class.getResourceAsStream("engine.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("engine.properties is missing from the build", e);
        }
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
        return trace(picture, WorkBudget.unlimited());
    }

    /**
     * Traces within a request's budget: the picture's cost is estimated from its header and taken from
     * the budget before decoding, and the work stops at the next checkpoint (decoding is aborted
     * between rows) once the budget is cancelled or past its deadline.
     *
     * @param picture encoded picture bytes. Not modified.
     * @param budget  shared by the pictures of one request; charged by this call
     * @throws OutlineException {@link OutlineException.Reason#OVER_BUDGET} before decoding when the
     *                          picture costs more than is left, {@link OutlineException.Reason#STOPPED}
     *                          when cancelled or out of time, or any refusal of {@link #trace(byte[])}
     */
    public Outline trace(byte[] picture, WorkBudget budget) throws OutlineException {
        return new Tracer(config).trace(picture, budget);
    }
}
