package dev.cuddlies.maker;

import dev.cuddlies.pattern.PatternSpec;

import java.util.Locale;

/**
 * The size a user asked for, in their words ("a big one", "40 centimetres", "16 inches"), turned
 * into a height within what can be sewn, remembering when it had to be limited.
 *
 * @param heightMm the height that will be made
 * @param limited  true when the request was outside the range and {@code heightMm} is the nearest end
 */
public record PatternRequest(double heightMm, boolean limited) {

    public static final double SMALL_MM = 200;
    public static final double MEDIUM_MM = PatternSpec.DEFAULT_HEIGHT_MM;
    public static final double BIG_MM = 450;
    public static final double MIN_MM = 100;
    public static final double MAX_MM = 1000;

    public static PatternRequest standard() {
        return new PatternRequest(MEDIUM_MM, false);
    }

    /**
     * @param sizeId  slot resolution id (SMALL, MEDIUM, BIG) or null
     * @param height  a number the user said, or null
     * @param unitId  slot resolution id (CM, INCH) or null; a bare number is taken as centimetres
     */
    public static PatternRequest fromSlots(String sizeId, String height, String unitId) {
        if (height != null && !height.isBlank() && !height.equals("?")) {
            double value;
            try {
                value = Double.parseDouble(height.trim());
            } catch (NumberFormatException e) {
                return standard();
            }
            double mm = "INCH".equals(unitId) ? value * 25.4 : value * 10;
            double clamped = Math.max(MIN_MM, Math.min(MAX_MM, mm));
            return new PatternRequest(clamped, clamped != mm);
        }
        if (sizeId != null) {
            return switch (sizeId.toUpperCase(Locale.ROOT)) {
                case "SMALL" -> new PatternRequest(SMALL_MM, false);
                case "BIG" -> new PatternRequest(BIG_MM, false);
                default -> standard();
            };
        }
        return standard();
    }
}
