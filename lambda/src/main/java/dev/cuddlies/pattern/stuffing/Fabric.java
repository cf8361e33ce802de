package dev.cuddlies.pattern.stuffing;

/**
 * What the toy is sewn from, as far as stuffing is concerned: how far it gives when pulled taut.
 * The simulation treats the stretch as a hard limit (no direction of the fabric may lengthen by more
 * than this share) and lets the fabric gather freely, as woven and knit fabrics wrinkle rather than
 * resist being compressed. With a hard limit, a stretchier fabric makes the same shape larger by
 * (1 + maxStretch).
 *
 * @param maxStretch largest strain the stuffing pulls the fabric to, e.g. 0.02 = 2 %
 */
public record Fabric(double maxStretch) {

    /** Fabric that does not stretch at all: the textbook case the closed forms describe. */
    public static final Fabric INEXTENSIBLE = new Fabric(0);
    /** Quilting cotton, felt, canvas: a little give on the bias (an estimate, not a measurement). */
    public static final Fabric WOVEN = new Fabric(0.02);
    /** Minky, fleece and other knit plush fabrics, stuffed firmly (an estimate, not a measurement). */
    public static final Fabric MINKY = new Fabric(0.10);

    public Fabric {
        if (!(maxStretch >= 0 && maxStretch <= 0.5)) {
            throw new IllegalArgumentException("the fabric's stretch must be between 0 and 50 %");
        }
    }
}
