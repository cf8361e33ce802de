package dev.cuddlies.pattern;

import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Text measured as the PDF prints it (Helvetica), so labels and notes are placed to fit. */
public final class Lettering {

    private static final PDType1Font HELVETICA = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    /** Height of capitals over the font size: what a label's box needs above its baseline. */
    public static final double ASCENT_SHARE = 0.75;
    /** Depth of descenders under the baseline over the font size. */
    public static final double DESCENT_SHARE = 0.22;

    private Lettering() {
    }

    public static PDType1Font font() {
        return HELVETICA;
    }

    /** Width of {@code text} at {@code sizeMm}, mm. */
    public static double widthMm(String text, double sizeMm) {
        try {
            return HELVETICA.getStringWidth(text) / 1000 * sizeMm;
        } catch (IOException e) {
            throw new UncheckedIOException("Helvetica metrics missing from PDFBox", e);
        }
    }

    /** {@code text} broken at spaces into lines no wider than {@code widthMm} (a long word stays whole). */
    public static List<String> wrap(String text, double sizeMm, double widthMm) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = current.length() == 0 ? word : current + " " + word;
            if (current.length() > 0 && widthMm(candidate, sizeMm) > widthMm) {
                lines.add(current.toString());
                current.setLength(0);
                current.append(word);
            } else {
                current.setLength(0);
                current.append(candidate);
            }
        }
        if (current.length() > 0) {
            lines.add(current.toString());
        }
        return lines;
    }
}
