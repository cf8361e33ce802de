package dev.cuddlies.outline;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** Pictures with known answers, drawn in memory (as BoofCV's tests render the shapes they expect). */
final class SyntheticPictures {

    static final Color PAPER = new Color(0xFAF7F0);
    static final Color INK = new Color(0x202020);
    static final Color FILL = new Color(0xE08040);

    private SyntheticPictures() {
    }

    static BufferedImage canvas(int w, int h, Color background) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(background);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    static BufferedImage draw(BufferedImage img, Consumer<Graphics2D> painter) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        painter.accept(g);
        g.dispose();
        return img;
    }

    static byte[] filled(int w, int h, Shape shape) {
        return png(draw(canvas(w, h, PAPER), g -> {
            g.setColor(FILL);
            g.fill(shape);
        }));
    }

    static byte[] png(BufferedImage img) {
        return encode(img, "png");
    }

    static byte[] encode(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] jpeg(BufferedImage img, float quality) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                writer.setOutput(stream);
                ImageWriteParam p = writer.getDefaultWriteParam();
                p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                p.setCompressionQuality(quality);
                writer.write(null, new IIOImage(img, null, null), p);
            }
            writer.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JPEG with an EXIF APP1 segment whose orientation tag is {@code orientation}. */
    static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = {
            'M', 'M', 0, 42, 0, 0, 0, 8,          // big-endian TIFF header, IFD0 at offset 8
            0, 1,                                 // one entry
            0x01, 0x12, 0, 3, 0, 0, 0, 1,         // tag 0x0112, SHORT, count 1
            0, (byte) orientation, 0, 0,          // value, padded
            0, 0, 0, 0};                          // no next IFD
        byte[] exif = new byte[6 + tiff.length];
        System.arraycopy(new byte[] {'E', 'x', 'i', 'f', 0, 0}, 0, exif, 0, 6);
        System.arraycopy(tiff, 0, exif, 6, tiff.length);
        int length = exif.length + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(exif, 0, exif.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
