package dev.cuddlies.pattern.render;

import dev.cuddlies.pattern.render.Drawing.Layer;
import dev.cuddlies.pattern.render.Drawing.Mark;
import dev.cuddlies.pattern.render.Drawing.Path;
import dev.cuddlies.pattern.render.Drawing.Rect;
import dev.cuddlies.pattern.render.Drawing.Text;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * True-size SVG: the user unit is one millimetre, each layer a group with its own id. No background:
 * a cutting machine's software would take a page rectangle for a shape to cut.
 */
public final class SvgWriter {

    private SvgWriter() {
    }

    public static byte[] write(Drawing d) {
        StringBuilder s = new StringBuilder(64 * 1024);
        s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.2fmm\" height=\"%.2fmm\" viewBox=\"0 0 %.2f %.2f\">%n",
                d.widthMm(), d.heightMm(), d.widthMm(), d.heightMm()));
        for (Layer layer : d.layers()) {
            if (layer.style() == Drawing.Style.TEXT) {
                s.append("  <g id=\"").append(layer.id())
                        .append("\" font-family=\"Helvetica, Arial, sans-serif\" fill=\"black\">\n");
            } else {
                s.append(String.format(Locale.ROOT,
                        "  <g id=\"%s\" fill=\"none\" stroke=\"black\" stroke-width=\"%.2f\" stroke-linejoin=\"round\"%s>%n",
                        layer.id(), layer.style().strokeMm(), layer.style().dashed()
                                ? String.format(Locale.ROOT, " stroke-dasharray=\"%.1f %.1f\"", layer.style().dashMm()[0],
                                        layer.style().dashMm()[1]) : ""));
            }
            for (Mark m : layer.marks()) {
                s.append("    ");
                append(s, m);
                s.append('\n');
            }
            s.append("  </g>\n");
        }
        s.append("</svg>\n");
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void append(StringBuilder s, Mark m) {
        if (m instanceof Path p) {
            s.append(p.closed() ? "<polygon points=\"" : "<polyline points=\"");
            for (int i = 0; i < p.xy().length; i += 2) {
                s.append(String.format(Locale.ROOT, "%s%.2f,%.2f", i == 0 ? "" : " ", p.xy()[i], p.xy()[i + 1]));
            }
            s.append("\"/>");
        } else if (m instanceof Rect r) {
            s.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\"/>",
                    r.x(), r.y(), r.width(), r.height()));
        } else if (m instanceof Text t) {
            s.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.2f\" font-size=\"%.2f\"%s>%s</text>",
                    t.x(), t.y(), t.sizeMm(), t.centred() ? " text-anchor=\"middle\"" : "", escape(t.text())));
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
