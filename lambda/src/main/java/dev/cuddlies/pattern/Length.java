package dev.cuddlies.pattern;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A length typed by a person: "30cm", "300 mm", "12in", "12\"". Plain numbers are centimetres. */
public final class Length {

    public static final double MM_PER_INCH = 25.4;
    private static final Pattern FORM = Pattern.compile(
            "\\s*([0-9]+(?:[.,][0-9]+)?)\\s*(mm|cm|in|inch|inches|\"|)\\s*", Pattern.CASE_INSENSITIVE);

    private Length() {
    }

    /**
     * @return the length in millimetres
     * @throws IllegalArgumentException with a plain message for anything else
     */
    public static double parseMm(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a length; write it like 30cm, 300mm or 12in");
        }
        double value = Double.parseDouble(m.group(1).replace(',', '.'));
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        return switch (unit) {
            case "mm" -> value;
            case "in", "inch", "inches", "\"" -> value * MM_PER_INCH;
            default -> value * 10; // cm, or no unit
        };
    }

    /** "30 cm" or "7.5 cm": how people say a pattern size. */
    public static String describeCm(double mm) {
        double cm = mm / 10;
        return (Math.abs(cm - Math.rint(cm)) < 0.05 ? String.format(Locale.ROOT, "%.0f", cm)
                : String.format(Locale.ROOT, "%.1f", cm)) + " cm";
    }
}
