package dev.cuddlies.pattern;

import java.util.Locale;

/** Printer paper sizes, portrait, mm. */
public enum Paper {
    A4(210, 297), LETTER(215.9, 279.4);

    private final double widthMm;
    private final double heightMm;

    Paper(double widthMm, double heightMm) {
        this.widthMm = widthMm;
        this.heightMm = heightMm;
    }

    public double widthMm() {
        return widthMm;
    }

    public double heightMm() {
        return heightMm;
    }

    /** Unprinted border most printers need, mm. */
    public static final double MARGIN_MM = 10;
    /** Shared strip of neighbouring sheets, mm. */
    public static final double OVERLAP_MM = 10;

    public double printableWidthMm() {
        return widthMm - 2 * MARGIN_MM;
    }

    public double printableHeightMm() {
        return heightMm - 2 * MARGIN_MM;
    }

    /** Sheets across for a layout this wide, overlapping by {@link #OVERLAP_MM}. */
    public int columnsFor(double layoutWidthMm) {
        return count(layoutWidthMm, printableWidthMm());
    }

    /** Sheets down for a layout this tall. */
    public int rowsFor(double layoutHeightMm) {
        return count(layoutHeightMm, printableHeightMm());
    }

    public int sheetsFor(double layoutWidthMm, double layoutHeightMm) {
        return columnsFor(layoutWidthMm) * rowsFor(layoutHeightMm);
    }

    private static int count(double length, double printable) {
        return length <= printable ? 1 : 1 + (int) Math.ceil((length - printable) / (printable - OVERLAP_MM));
    }

    public static Paper parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown paper '" + name + "'; use a4 or letter");
        }
    }
}
