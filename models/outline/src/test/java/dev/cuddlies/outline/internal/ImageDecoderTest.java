package dev.cuddlies.outline.internal;

import dev.cuddlies.outline.OutlineConfig;
import dev.cuddlies.outline.SyntheticPictures;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

class ImageDecoderTest {

    private final ImageDecoder decoder = new ImageDecoder(OutlineConfig.defaults());

    /** White paper with a blue (0x3060C0) bar from (40, 40) to (280, 140). */
    private static BufferedImage bluePrint() {
        BufferedImage img = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 320, 200);
        g.setColor(new Color(0x3060C0));
        g.fillRect(40, 40, 240, 100);
        g.dispose();
        return img;
    }

    @Test
    void cmykAndYcckJpegsDecodeToTheirColours() throws Exception {
        for (var transform : SyntheticPictures.AdobeTransform.values()) {
            WorkingImage image = decoder.decode(SyntheticPictures.adobeJpeg(bluePrint(), transform));

            int paper = image.argb()[10 * image.width() + 10];
            int bar = image.argb()[90 * image.width() + 160];
            // A generic CMYK profile converts without the picture's own: colours shift a little, never
            // inverted or swapped.
            assertThat(channels(paper)).as(transform + " paper").allSatisfy(c -> assertThat(c).isGreaterThan(215));
            Integer[] b = channels(bar);
            assertThat(b[2]).as(transform + " bar is blue").isGreaterThan(b[0] + 60).isGreaterThan(b[1] + 20);
            assertThat(b[0]).as(transform + " bar is dark in red").isLessThan(110);
        }
    }

    private static Integer[] channels(int argb) {
        return new Integer[] {(argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF};
    }
}
