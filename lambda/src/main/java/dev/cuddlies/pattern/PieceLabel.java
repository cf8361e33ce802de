package dev.cuddlies.pattern;

import org.locationtech.jts.geom.Envelope;

import java.util.List;

/**
 * A piece's label: its title and the seam-allowance note under it, centred on {@code x}.
 *
 * @param title   e.g. "FRONT - cut 1"
 * @param note    e.g. "seam allowance 1/4 in included"
 * @param x       centre of both lines, mm
 * @param y       baseline of the title, mm
 * @param sizeMm  font size of the title; the note is {@link #NOTE_SHARE} of it
 */
public record PieceLabel(String title, String note, double x, double y, double sizeMm) {

    public static final double NOTE_SHARE = 0.6;

    /** One line of the label. */
    public record Line(String text, double x, double baseline, double sizeMm) {
    }

    public List<Line> lines() {
        return List.of(new Line(title, x, y, sizeMm), new Line(note, x, noteBaseline(), sizeMm * NOTE_SHARE));
    }

    private double noteBaseline() {
        return y + sizeMm * (Lettering.DESCENT_SHARE + 0.25) + sizeMm * NOTE_SHARE * Lettering.ASCENT_SHARE;
    }

    /** The ink of both lines, mm. */
    public Envelope box() {
        double w = Math.max(Lettering.widthMm(title, sizeMm), Lettering.widthMm(note, sizeMm * NOTE_SHARE));
        return new Envelope(x - w / 2, x + w / 2, y - sizeMm * Lettering.ASCENT_SHARE,
                noteBaseline() + sizeMm * NOTE_SHARE * Lettering.DESCENT_SHARE);
    }

    static PieceLabel at(String title, String note, double x, double y, double sizeMm) {
        return new PieceLabel(title, note, x, y, sizeMm);
    }
}
