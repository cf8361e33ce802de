package dev.cuddlies.pattern.stuffing;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Polygon;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class StuffedPreviewTest {

    @Test
    void drawsTheOutlineTheShadedFrontAndTheSideAtOneScale() throws Exception {
        Polygon target = Shapes.toy();
        StuffedShape stuffed = new StuffingSimulator(StuffingConfig.defaults().withTargetVertices(800))
                .simulate(target, StuffingMode.FIRM);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(StuffedPreview.png(target, stuffed)));

        assertThat(image.getHeight()).isEqualTo(StuffedPreview.HEIGHT_PX);
        int[] columns = fabricColumns(image);
        // Three panels: outline (grey, no fabric), front (fabric), side (fabric, as wide as the toy is thick).
        int frontWidth = columns[1] - columns[0] + 1;
        int third = image.getWidth() / 3;
        assertThat(columns[0]).as("first shaded column").isGreaterThan(third);
        double pxPerMm = (StuffedPreview.HEIGHT_PX - 48.0) / target.getEnvelopeInternal().getHeight();
        assertThat(frontWidth / pxPerMm).as("front panel's toy width, mm")
                .isBetween(stuffed.widthMm() * 0.95, stuffed.widthMm() * 1.05);
        assertThat(columns[2]).as("side view drawn after a gap").isGreaterThan(columns[1]);
        int sideWidth = columns[3] - columns[2] + 1;
        assertThat(sideWidth / pxPerMm).as("side view's depth, mm")
                .isBetween(stuffed.thicknessMm() * 0.9, stuffed.thicknessMm() * 1.1);
    }

    /** First and last shaded column of the front view, then of the side view. */
    private static int[] fabricColumns(BufferedImage image) {
        int[] out = {-1, -1, -1, -1};
        boolean previous = false;
        int runs = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            boolean fabric = false;
            for (int y = 0; y < image.getHeight() && !fabric; y++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 255;
                int g = (rgb >> 8) & 255;
                int b = rgb & 255;
                // The fabric's colour (0.93 : 0.70 : 0.52) at any shade; not grey, not the red dashes
                // (nor their anti-aliased edges, whose blue is too high).
                fabric = r > 20 && Math.abs(g / (double) r - 0.70 / 0.93) < 0.04
                        && Math.abs(b / (double) r - 0.52 / 0.93) < 0.04;
            }
            if (fabric && !previous && runs < 2) {
                out[2 * runs] = x;
            }
            if (!fabric && previous && runs < 2) {
                out[2 * runs + 1] = x - 1;
                runs++;
            }
            previous = fabric;
        }
        if (previous && runs < 2) {
            out[2 * runs + 1] = image.getWidth() - 1;
        }
        return out;
    }
}
