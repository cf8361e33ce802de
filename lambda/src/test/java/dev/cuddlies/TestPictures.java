package dev.cuddlies;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Pictures for the lambda module's tests, drawn in memory: a bear-ish figure on cream paper. */
public final class TestPictures {

    private TestPictures() {
    }

    public static BufferedImage bear(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0xF5F0E6));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(0x8B5A2B));
        g.fillOval(w / 5, h * 3 / 10, w * 3 / 5, h * 3 / 5);
        g.fillOval(w * 3 / 10, h / 12, w * 2 / 5, h * 3 / 10);
        g.fillOval(w / 4, h / 20, w / 7, w / 7);
        g.fillOval(w * 3 / 4 - w / 7, h / 20, w / 7, w / 7);
        g.dispose();
        return img;
    }

    public static BufferedImage blank(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    public static byte[] encode(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bearPng() {
        return encode(bear(400, 500), "png");
    }
}
