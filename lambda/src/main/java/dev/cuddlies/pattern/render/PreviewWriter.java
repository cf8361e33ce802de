package dev.cuddlies.pattern.render;

import dev.cuddlies.pattern.render.Drawing.Layer;
import dev.cuddlies.pattern.render.Drawing.Mark;
import dev.cuddlies.pattern.render.Drawing.Path;
import dev.cuddlies.pattern.render.Drawing.Rect;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * The pattern drawn small as a PNG (for a card or a screen). Lines only: text needs fonts, which a
 * Lambda runtime does not have.
 */
public final class PreviewWriter {

    /** Longest side of the preview, px: the Alexa card's large image is 1200 × 800. */
    public static final int MAX_SIDE_PX = 1200;

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
                if (layer.style() == Drawing.Style.TEXT) {
                    continue;
                }
                float stroke = (float) Math.max(layer.style().strokeMm(), 1.2 / k);
                g.setStroke(layer.style().dashed()
                        ? new BasicStroke(stroke, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {3f, 1.5f}, 0)
                        : new BasicStroke(stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.setColor(switch (layer.style()) {
                    case CUT -> Color.BLACK;
                    case STITCH -> new Color(0x1f5fbf);
                    default -> new Color(0xc0392b);
                });
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
}
