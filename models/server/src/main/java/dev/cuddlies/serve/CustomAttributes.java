package dev.cuddlies.serve;

import dev.cuddlies.outline.OutlineConfig;

import java.util.Locale;

/**
 * Parameters in {@code X-Amzn-SageMaker-Custom-Attributes}: {@code key=value} pairs separated by
 * commas or semicolons, at most 1024 printable ASCII characters. Known key: {@code simplify}
 * (contour tolerance, px). Unknown keys are ignored and echoed like the rest.
 */
public final class CustomAttributes {

    public static final int MAX_LENGTH = 1024;

    private CustomAttributes() {
    }

    /** Applies the attributes to a configuration. @throws IllegalArgumentException in plain words */
    public static OutlineConfig apply(String header, OutlineConfig base) {
        if (header == null || header.isBlank()) {
            return base;
        }
        if (header.length() > MAX_LENGTH || !header.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("custom attributes must be at most 1024 printable ASCII characters");
        }
        OutlineConfig config = base;
        for (String pair : header.split("[,;]")) {
            String p = pair.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            String key = (eq < 0 ? p : p.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : p.substring(eq + 1).trim();
            if (key.equals("simplify")) {
                try {
                    config = config.withSimplifyPx(Double.parseDouble(value)).checkValidity();
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("simplify must be a number of pixels, like simplify=1.0");
                }
            }
        }
        return config;
    }
}
