package dev.cuddlies.pattern.render;

import dev.cuddlies.pattern.Pattern;
import dev.cuddlies.pattern.Piece;
import org.locationtech.jts.geom.Coordinate;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@code pattern-cut.svg} for cutting machines (Cricut, Silhouette, laser): the cut lines only, one
 * closed path per piece, no background, no text, sized in explicit millimetres. Each path's id is the
 * piece's name and its title says how many to cut.
 */
public final class CutSvgWriter {

    private CutSvgWriter() {
    }

    public static byte[] write(Pattern p) {
        StringBuilder s = new StringBuilder(32 * 1024);
        s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.2fmm\" height=\"%.2fmm\" viewBox=\"0 0 %.2f %.2f\">%n",
                p.widthMm(), p.heightMm(), p.widthMm(), p.heightMm()));
        s.append("  <g id=\"cut\" fill=\"none\" stroke=\"black\" stroke-width=\"0.1\">\n");
        for (Piece piece : p.pieces()) {
            s.append("    <path id=\"").append(piece.name().replace(' ', '-')).append("\" d=\"");
            Coordinate[] c = piece.cut().getExteriorRing().getCoordinates();
            for (int i = 0; i < c.length - 1; i++) {
                s.append(String.format(Locale.ROOT, "%s%.2f %.2f ", i == 0 ? "M" : "L", c[i].x, c[i].y));
            }
            s.append("Z\"><title>").append(piece.title()).append("</title></path>\n");
        }
        s.append("  </g>\n</svg>\n");
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }
}
