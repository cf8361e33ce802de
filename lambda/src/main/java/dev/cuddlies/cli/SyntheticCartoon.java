package dev.cuddlies.cli;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Draws a cartoon bear (flat fills, dark ink lines, a tinted gradient background) at any size, for
 * benchmarks that must not depend on files: the same picture at 0.25, 2.5 or 16 megapixels.
 */
final class SyntheticCartoon {

    private SyntheticCartoon() {
    }

    static BufferedImage draw(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, new Color(0xF4EEDC), width, height, new Color(0xDCE8F0)));
            g.fillRect(0, 0, width, height);
            double s = Math.min(width, height);
            double cx = width / 2.0;
            double cy = height / 2.0;
            Area bear = new Area(new Ellipse2D.Double(cx - 0.25 * s, cy - 0.05 * s, 0.5 * s, 0.4 * s));
            bear.add(new Area(new Ellipse2D.Double(cx - 0.18 * s, cy - 0.35 * s, 0.36 * s, 0.34 * s)));
            bear.add(new Area(new Ellipse2D.Double(cx - 0.2 * s, cy - 0.4 * s, 0.12 * s, 0.12 * s)));
            bear.add(new Area(new Ellipse2D.Double(cx + 0.08 * s, cy - 0.4 * s, 0.12 * s, 0.12 * s)));
            g.setColor(new Color(0xB07840));
            g.fill(bear);
            g.setColor(new Color(0xF3DEC0));
            g.fill(new Ellipse2D.Double(cx - 0.14 * s, cy + 0.02 * s, 0.28 * s, 0.26 * s));
            g.setColor(new Color(0x222222));
            g.setStroke(new BasicStroke((float) Math.max(2, 0.012 * s)));
            g.draw(bear);
            g.fill(new Ellipse2D.Double(cx - 0.09 * s, cy - 0.22 * s, 0.04 * s, 0.04 * s));
            g.fill(new Ellipse2D.Double(cx + 0.05 * s, cy - 0.22 * s, 0.04 * s, 0.04 * s));
        } finally {
            g.dispose();
        }
        return img;
    }

    static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    static byte[] jpeg(BufferedImage img, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
