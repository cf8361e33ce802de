package dev.cuddlies.outline;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.InputStream;

import static dev.cuddlies.outline.SyntheticPictures.canvas;
import static dev.cuddlies.outline.SyntheticPictures.draw;
import static dev.cuddlies.outline.SyntheticPictures.encode;
import static dev.cuddlies.outline.SyntheticPictures.jpeg;
import static dev.cuddlies.outline.SyntheticPictures.withExifOrientation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FormatsTest {

    private final OutlineEngine engine = new OutlineEngine(OutlineConfig.defaults());

    /** A wide picture whose figure (a 240 x 100 bar) sits in the upper-left quarter. */
    private static BufferedImage bar() {
        return draw(canvas(480, 320, Color.WHITE), g -> {
            g.setColor(new Color(0x3060C0));
            g.fillRect(40, 40, 240, 100);
        });
    }

    @Test
    void gifBmpAndJpegGiveTheSameFigure() throws Exception {
        for (byte[] bytes : new byte[][] {encode(bar(), "gif"), encode(bar(), "bmp"), jpeg(bar(), 0.8f)}) {
            Outline o = engine.trace(bytes);
            assertThat(o.areaPx()).isCloseTo(239 * 99, within(0.03 * 240 * 100));
        }
    }

    @Test
    void jpegExifOrientationIsHonoured() throws Exception {
        // Orientation 6: the stored picture must be turned 90° clockwise to be upright.
        Outline o = engine.trace(withExifOrientation(jpeg(bar(), 0.9f), 6));

        assertThat(o.width()).isEqualTo(320);
        assertThat(o.height()).isEqualTo(480);
        double minX = o.outline().stream().mapToDouble(Outline.Point::x).min().orElseThrow();
        double maxY = o.outline().stream().mapToDouble(Outline.Point::y).max().orElseThrow();
        // Upright, the bar stands on the right: x from 180 to 280, y from 40 to 280.
        assertThat(minX).isCloseTo(180, within(2.0));
        assertThat(maxY).isCloseTo(279, within(2.0));
    }

    @Test
    void cmykAndYcckJpegsGiveTheSameFigure() throws Exception {
        for (SyntheticPictures.AdobeTransform transform : SyntheticPictures.AdobeTransform.values()) {
            Outline o = engine.trace(SyntheticPictures.adobeJpeg(bar(), transform));

            assertThat(o.areaPx()).as(transform.name()).isCloseTo(239 * 99, within(0.03 * 240 * 100));
        }
    }

    @Test
    void webpIsDecoded() throws Exception {
        byte[] webp;
        try (InputStream in = getClass().getResourceAsStream("/bar.webp")) {
            webp = in.readAllBytes();
        }
        Outline o = engine.trace(webp);

        assertThat(o.areaPx()).isCloseTo(239 * 99, within(0.03 * 240 * 100));
    }
}
