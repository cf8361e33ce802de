package dev.cuddlies.outline;

import dev.cuddlies.outline.OutlineException.Reason;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import static dev.cuddlies.outline.SyntheticPictures.canvas;
import static dev.cuddlies.outline.SyntheticPictures.filled;
import static dev.cuddlies.outline.SyntheticPictures.jpeg;
import static dev.cuddlies.outline.SyntheticPictures.png;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BadInputTest {

    private final OutlineEngine engine = new OutlineEngine(OutlineConfig.defaults());

    @Test
    void emptyBytesAreRefused() {
        assertRefused(new byte[0], Reason.NOT_AN_IMAGE, "empty");
    }

    @Test
    void textNamedPngIsNotAPicture() {
        assertRefused("hello, this is not a picture\n".getBytes(StandardCharsets.UTF_8), Reason.NOT_AN_IMAGE,
                "not a picture");
    }

    @Test
    void truncatedPngIsDamaged() {
        byte[] whole = filled(400, 300, new java.awt.geom.Ellipse2D.Double(50, 50, 300, 200));
        assertRefused(Arrays.copyOf(whole, whole.length * 35 / 100), Reason.CORRUPT, "damaged");
    }

    @Test
    void truncatedJpegIsDamaged() {
        BufferedImage img = canvas(400, 300, Color.WHITE);
        SyntheticPictures.draw(img, g -> {
            g.setColor(Color.RED);
            g.fillOval(50, 50, 300, 200);
        });
        byte[] whole = jpeg(img, 0.9f);
        assertRefused(Arrays.copyOf(whole, whole.length / 2), Reason.CORRUPT, "damaged");
    }

    @Test
    void pngWithAWrongHeaderChecksumIsDamaged() {
        byte[] bytes = filled(400, 300, new java.awt.geom.Ellipse2D.Double(50, 50, 300, 200));
        bytes[29] ^= 0x01; // the IHDR chunk's CRC: signature 8 + length 4 + type 4 + data 13 = 29

        assertRefused(bytes, Reason.CORRUPT, "damaged");
    }

    @Test
    void pngWithADamagedAncillaryChunkIsStillTraced() throws Exception {
        // libpng skips an ancillary chunk whose CRC is wrong and shows the picture; so do we.
        byte[] png = filled(400, 300, new java.awt.geom.Ellipse2D.Double(50, 50, 300, 200));
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        chunk(text, "tEXt", "Comment\0hello".getBytes(StandardCharsets.ISO_8859_1));
        byte[] chunk = text.toByteArray();
        chunk[chunk.length - 1] ^= 0x01;
        byte[] withText = new byte[png.length + chunk.length];
        System.arraycopy(png, 0, withText, 0, 33); // signature and IHDR
        System.arraycopy(chunk, 0, withText, 33, chunk.length);
        System.arraycopy(png, 33, withText, 33 + chunk.length, png.length - 33);

        assertThat(engine.trace(withText).areaPx()).isGreaterThan(0.95 * Math.PI * 150 * 100);
    }

    @Test
    void tinyPictureIsTooSmall() {
        assertRefused(png(canvas(8, 8, Color.WHITE)), Reason.TOO_SMALL, "too small");
    }

    @Test
    void decompressionBombIsRefusedFromItsHeaderAlone() throws Exception {
        // A valid 1-bit PNG declaring 50,000 x 50,000 pixels whose IDAT is a few kilobytes.
        byte[] bomb = bombPng(50_000, 50_000);
        assertThat(bomb.length).isLessThan(200_000);
        assertRefused(bomb, Reason.TOO_LARGE, "too large");
    }

    @Test
    void sideOverTheLimitIsRefusedEvenUnderTheMegapixelLimit() throws Exception {
        assertRefused(bombPng(20_000, 100), Reason.TOO_LARGE, "too large");
    }

    @Test
    void allWhitePictureHasNoFigure() {
        assertRefused(png(canvas(800, 800, Color.WHITE)), Reason.NO_FIGURE, "no figure");
    }

    @Test
    void noisePhotoWithoutPlainBackgroundHasNoFigure() {
        BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 400; x++) {
                img.setRGB(x, y, random.nextInt(0xFFFFFF));
            }
        }
        assertRefused(png(img), Reason.NO_FIGURE, "no figure");
    }

    private void assertRefused(byte[] bytes, Reason reason, String wording) {
        assertThatThrownBy(() -> engine.trace(bytes))
                .isInstanceOfSatisfying(OutlineException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).contains(wording).doesNotContain("Exception").doesNotContain("\n");
                });
    }

    /** A 1-bit greyscale PNG of the given size: all-zero rows, deflated (they compress ~1000:1). */
    static byte[] bombPng(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        ihdr.write(be32(width));
        ihdr.write(be32(height));
        ihdr.write(new byte[] {1, 0, 0, 0, 0}); // bit depth 1, greyscale, deflate, no filter, no interlace
        chunk(out, "IHDR", ihdr.toByteArray());
        Deflater deflater = new Deflater(9);
        byte[] row = new byte[1 + (width + 7) / 8];
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        int rows = Math.min(height, 2000); // enough to be a valid start; the header is what must stop us
        for (int i = 0; i < rows; i++) {
            deflater.setInput(row);
            while (!deflater.needsInput()) {
                int n = deflater.deflate(buffer);
                idat.write(buffer, 0, n);
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            int n = deflater.deflate(buffer);
            idat.write(buffer, 0, n);
        }
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws Exception {
        out.write(be32(data.length));
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.write(be32((int) crc.getValue()));
    }

    private static byte[] be32(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }
}
