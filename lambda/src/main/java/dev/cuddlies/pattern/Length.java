package dev.cuddlies.pattern;

import java.util.Locale;
import java.util.regex.Matcher;

/**
 * A length as a person typed it: the value in millimetres and the unit it was given in, so it can be
 * printed back the same way ("0.25in" is labelled "1/4 in", "6mm" "6 mm").
 *
 * @param mm   the length, mm
 * @param unit the unit it was typed in
 */
public record Length(double mm, Unit unit) {

    public static final double MM_PER_INCH = 25.4;
    private static final java.util.regex.Pattern FORM = java.util.regex.Pattern.compile(
            "\\s*([0-9]+(?:[.,][0-9]+)?)\\s*(mm|cm|in|inch|inches|\"|)\\s*", java.util.regex.Pattern.CASE_INSENSITIVE);
    /** Inch fractions are printed to the nearest 1/16 in when that close, as rulers are marked. */
    private static final int INCH_DENOMINATOR = 16;

    /** The units a length can be typed and printed in. */
    public enum Unit { MM, CM, INCH }

    public static Length mm(double mm) {
        return new Length(mm, Unit.MM);
    }

    /**
     * @param text "30cm", "300 mm", "12in", "12\""; a bare number is centimetres
     * @throws IllegalArgumentException with a plain message for anything else
     */
    public static Length parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a length; write it like 30cm, 300mm or 12in");
        }
        double value = Double.parseDouble(m.group(1).replace(',', '.'));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "mm" -> new Length(value, Unit.MM);
            case "in", "inch", "inches", "\"" -> new Length(value * MM_PER_INCH, Unit.INCH);
            default -> new Length(value * 10, Unit.CM);
        };
    }

    /** @return the length in millimetres of {@link #parse(String)} */
    public static double parseMm(String text) {
        return parse(text).mm();
    }

    /** Printed in the unit it was given in: "6 mm", "1.5 cm", "1/4 in", "5/8 in", "1 1/2 in". */
    public String describe() {
        return switch (unit) {
            case MM -> trim(mm) + " mm";
            case CM -> trim(mm / 10) + " cm";
            case INCH -> inches(mm / MM_PER_INCH);
        };
    }

    private static String inches(double in) {
        long sixteenths = Math.round(in * INCH_DENOMINATOR);
        if (Math.abs(in * INCH_DENOMINATOR - sixteenths) > 0.05) {
            return trim(in) + " in";
        }
        long whole = sixteenths / INCH_DENOMINATOR;
        long num = sixteenths % INCH_DENOMINATOR;
        long den = INCH_DENOMINATOR;
        while (num > 0 && num % 2 == 0) {
            num /= 2;
            den /= 2;
        }
        String fraction = num == 0 ? "" : num + "/" + den;
        if (whole == 0) {
            return (fraction.isEmpty() ? "0" : fraction) + " in";
        }
        return whole + (fraction.isEmpty() ? "" : " " + fraction) + " in";
    }

    private static String trim(double v) {
        return Math.abs(v - Math.rint(v)) < 0.005 ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.1f", v).replaceAll("\\.0$", "");
    }

    /** "30 cm" or "7.5 cm": how people say a pattern size. */
    public static String describeCm(double mm) {
        double cm = mm / 10;
        return (Math.abs(cm - Math.rint(cm)) < 0.05 ? String.format(Locale.ROOT, "%.0f", cm)
                : String.format(Locale.ROOT, "%.1f", cm)) + " cm";
    }
}
