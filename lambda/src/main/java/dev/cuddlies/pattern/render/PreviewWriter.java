package dev.cuddlies.pattern.render;

import dev.cuddlies.pattern.render.Drawing.Layer;
import dev.cuddlies.pattern.render.Drawing.Mark;
import dev.cuddlies.pattern.render.Drawing.Path;
import dev.cuddlies.pattern.render.Drawing.Rect;
import dev.cuddlies.pattern.render.Drawing.Text;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.GeneralPath;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The pattern drawn small as a PNG (for a card or a screen), in colour: cut lines black, stitch lines
 * blue, marks dark red, the turning gap orange, embroidery purple, labels green. Text is drawn from
 * the glyph outlines of the Liberation Sans font PDFBox ships, not through AWT fonts, which a Lambda
 * runtime does not have.
 */
public final class PreviewWriter {

    /** Longest side of the preview, px: the Alexa card's large image is 1200 × 800. */
    public static final int MAX_SIDE_PX = 1200;
    public static final Color CUT = Color.BLACK;
    public static final Color STITCH = new Color(0x1f5fbf);
    public static final Color MARK = new Color(0xc0392b);
    public static final Color GAP = new Color(0xff8c00);
    public static final Color EMBROIDERY = new Color(0x8e44ad);
    public static final Color LABEL = new Color(0x1b7a3a);
    private static final Map<String, Color> LAYER_COLOURS = Map.of("cut", CUT, "stitch", STITCH, "marks", MARK,
            "gap", GAP, "embroidery", EMBROIDERY, "labels", LABEL);
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private PreviewWriter() {
    }

    public static byte[] write(Drawing d) throws IOException {
        double k = MAX_SIDE_PX / Math.max(d.widthMm(), d.heightMm());
        int w = Math.max(1, (int) Math.round(d.widthMm() * k));
        int h = Math.max(1, (int) Math.round(d.heightMm() * k));
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.scale(k, k);
            for (Layer layer : d.layers()) {
                g.setColor(LAYER_COLOURS.getOrDefault(layer.id(), MARK));
                if (layer.style() == Drawing.Style.TEXT) {
                    for (Mark m : layer.marks()) {
                        if (m instanceof Text t) {
                            Glyphs.INSTANCE.draw(g, t);
                        }
                    }
                    continue;
                }
                float stroke = (float) Math.max(layer.style().strokeMm() * (layer.style() == Drawing.Style.GAP ? 3 : 1),
                        1.2 / k);
                double[] dash = layer.style().dashMm();
                g.setStroke(dash != null
                        ? new BasicStroke(stroke, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                                new float[] {(float) dash[0], (float) dash[1]}, 0)
                        : new BasicStroke(stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                for (Mark m : layer.marks()) {
                    if (m instanceof Path p) {
                        g.draw(path(p));
                    } else if (m instanceof Rect r) {
                        g.draw(new Rectangle2D.Double(r.x(), r.y(), r.width(), r.height()));
                    }
                }
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static Path2D path(Path p) {
        Path2D.Double path = new Path2D.Double();
        double[] xy = p.xy();
        path.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            path.lineTo(xy[i], xy[i + 1]);
        }
        if (p.closed()) {
            path.closePath();
        }
        return path;
    }

    /** Glyph outlines of one TrueType font, loaded once. */
    private static final class Glyphs {
        static final Glyphs INSTANCE = new Glyphs();
        private final TrueTypeFont font;
        private final CmapLookup cmap;
        private final float unitsPerEm;

        private Glyphs() {
            try (InputStream in = PreviewWriter.class.getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new IOException(FONT + " missing from PDFBox");
                }
                font = new TTFParser().parse(new RandomAccessReadBuffer(in));
                cmap = font.getUnicodeCmapLookup();
                unitsPerEm = font.getUnitsPerEm();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void draw(Graphics2D g, Text t) {
            try {
                double scale = t.sizeMm() / unitsPerEm;
                double width = 0;
                for (int i = 0; i < t.text().length(); i++) {
                    width += font.getAdvanceWidth(cmap.getGlyphId(t.text().charAt(i))) * scale;
                }
                double x = t.centred() ? t.x() - width / 2 : t.x();
                for (int i = 0; i < t.text().length(); i++) {
                    int gid = cmap.getGlyphId(t.text().charAt(i));
                    GlyphData glyph = font.getGlyph().getGlyph(gid);
                    if (glyph != null) {
                        GeneralPath outline = glyph.getPath();
                        AffineTransform at = new AffineTransform(scale, 0, 0, -scale, x, t.y());
                        g.fill(at.createTransformedShape(outline));
                    }
                    x += font.getAdvanceWidth(gid) * scale;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
