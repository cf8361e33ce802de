package dev.cuddlies.pattern.stuffing;

import java.util.Locale;

/** How the toy will be stuffed, and so how much the pattern is enlarged to make up for it. */
public enum StuffingMode {
    /** Stuffed as full as the fabric allows: the simulated shape is the fabric pulled taut. */
    FIRM,
    /**
     * Stuffed loosely: the fabric is not pulled taut. Modelled, not simulated: the firm shape's
     * deformation from the flat pattern scaled by {@link StuffingConfig#softFill()}.
     */
    SOFT,
    /** No compensation: the pattern is the outline as traced. The prediction assumes firm stuffing. */
    OFF;

    /** @throws IllegalArgumentException naming the accepted words */
    public static StuffingMode parse(String text) {
        for (StuffingMode m : values()) {
            if (m.name().equalsIgnoreCase(text.strip())) {
                return m;
            }
        }
        throw new IllegalArgumentException("stuffing must be firm, soft or off");
    }

    /** The lower-case word used on the command line and in pattern.json. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
