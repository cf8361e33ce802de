package dev.cuddlies.skill;

import java.util.Locale;

/**
 * How each locale speaks about sizes and warmth: en-US in inches and °F; en-CA, en-GB, en-AU, en-IN in
 * centimetres and °C (every locale understands both). en-GB, en-AU and en-IN say "soft toy".
 */
public final class LocaleSpeech {

    private LocaleSpeech() {
    }

    public static boolean inches(Locale locale) {
        return Locale.US.equals(locale);
    }

    public static boolean fahrenheit(Locale locale) {
        return Locale.US.equals(locale);
    }

    /** What the toy is called in speech. */
    public static String toy(Locale locale) {
        return northAmerican(locale) ? "toy" : "soft toy";
    }

    /** The example a parent hears for asking a size. */
    public static String sizeExample(Locale locale) {
        return inches(locale) ? "12 inches" : "30 centimetres";
    }

    /** "12 inch" or "30 centimetre", the height as an adjective. */
    public static String height(double mm, Locale locale) {
        if (inches(locale)) {
            return String.format(Locale.ROOT, "%d inch", Math.round(mm / 25.4));
        }
        return String.format(Locale.ROOT, "%d centimetre", Math.round(mm / 10));
    }

    /** North American printers take Letter paper; everyone else A4. */
    public static boolean letterPaper(Locale locale) {
        return northAmerican(locale);
    }

    private static boolean northAmerican(Locale locale) {
        return Locale.US.equals(locale) || Locale.CANADA.equals(locale);
    }
}
