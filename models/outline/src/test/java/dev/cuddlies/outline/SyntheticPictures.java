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
public final class SyntheticPictures {

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

    /** Adobe APP14 colour transforms: how a four-channel JPEG's samples are to be read. */
    public enum AdobeTransform {
        /** Samples are inverted CMYK, as Photoshop and scanners write them. */
        CMYK(0),
        /** Y, Cb, Cr of the inks C, M, Y, then inverted K. */
        YCCK(2);

        final int code;

        AdobeTransform(int code) {
            this.code = code;
        }
    }

    /**
     * A four-channel JPEG of an RGB picture, as a print shop's or scanner's CMYK export: naive inks
     * (K = 255 - max(R, G, B)), stored as the Adobe marker's transform says. The JDK's writer stores
     * a four-band raster's samples unconverted; the APP14 segment tells readers how to read them.
     */
    public static byte[] adobeJpeg(BufferedImage rgb, AdobeTransform transform) {
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        java.awt.image.WritableRaster raster = java.awt.image.Raster.createInterleavedRaster(
                java.awt.image.DataBuffer.TYPE_BYTE, w, h, 4, null);
        int[] sample = new int[4];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = rgb.getRGB(x, y);
                int r = (p >> 16) & 0xFF;
                int g = (p >> 8) & 0xFF;
                int b = p & 0xFF;
                int k = 255 - Math.max(r, Math.max(g, b));
                int c = 255 - r - k;
                int m = 255 - g - k;
                int ye = 255 - b - k;
                if (transform == AdobeTransform.CMYK) {
                    sample[0] = 255 - c;
                    sample[1] = 255 - m;
                    sample[2] = 255 - ye;
                } else {
                    sample[0] = clamp(Math.round(0.299f * c + 0.587f * m + 0.114f * ye));
                    sample[1] = clamp(Math.round(-0.168736f * c - 0.331264f * m + 0.5f * ye + 128));
                    sample[2] = clamp(Math.round(0.5f * c - 0.418688f * m - 0.081312f * ye + 128));
                }
                sample[3] = 255 - k;
                raster.setPixel(x, y, sample);
            }
        }
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                writer.setOutput(stream);
                ImageWriteParam p = writer.getDefaultWriteParam();
                p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                p.setCompressionQuality(0.95f);
                writer.write(null, new IIOImage(raster, null, null), p);
            }
            writer.dispose();
            byte[] plain = out.toByteArray();
            byte[] app14 = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0,
                (byte) transform.code};
            ByteArrayOutputStream marked = new ByteArrayOutputStream();
            marked.write(plain, 0, 2); // SOI
            marked.write(app14, 0, app14.length);
            marked.write(plain, 2, plain.length - 2);
            return marked.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
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
