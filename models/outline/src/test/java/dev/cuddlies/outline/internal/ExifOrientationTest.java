package dev.cuddlies.outline.internal;

import dev.cuddlies.outline.SyntheticPictures;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

class ExifOrientationTest {

    @Test
    void everyOrientationIsReadFromTheExifSegment() throws Exception {
        byte[] jpeg = SyntheticPictures.jpeg(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), 0.9f);
        assertThat(ExifOrientation.read(jpeg)).isEqualTo(ExifOrientation.UPRIGHT);
        for (int orientation = 1; orientation <= 8; orientation++) {
            assertThat(ExifOrientation.read(SyntheticPictures.withExifOrientation(jpeg, orientation))).isEqualTo(orientation);
        }
        assertThat(ExifOrientation.read(SyntheticPictures.withExifOrientation(jpeg, 9))).isEqualTo(ExifOrientation.UPRIGHT);
    }

    /**
     * Where stored pixel (x, y) of a w x h picture lands once upright, as the EXIF specification
     * defines each orientation (the row and column the tag says the stored rows and columns are).
     */
    private static int[] upright(int orientation, int x, int y, int w, int h) {
        return switch (orientation) {
            case 2 -> new int[] {w - 1 - x, y};
            case 3 -> new int[] {w - 1 - x, h - 1 - y};
            case 4 -> new int[] {x, h - 1 - y};
            case 5 -> new int[] {y, x};
            case 6 -> new int[] {h - 1 - y, x};
            case 7 -> new int[] {h - 1 - y, w - 1 - x};
            case 8 -> new int[] {y, w - 1 - x};
            default -> new int[] {x, y};
        };
    }

    @Test
    void everyOrientationTurnsThePixelsUpright() {
        int w = 5;
        int h = 3;
        int[] stored = new int[w * h];
        for (int i = 0; i < stored.length; i++) {
            stored[i] = 0xFF000000 | i;
        }
        for (int orientation = 1; orientation <= 8; orientation++) {
            int[] turned = ExifOrientation.apply(stored, w, h, orientation);
            int outW = ExifOrientation.swapsSides(orientation) ? h : w;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int[] p = upright(orientation, x, y, w, h);
                    assertThat(turned[p[1] * outW + p[0]]).as("orientation %d, stored (%d, %d)", orientation, x, y)
                            .isEqualTo(stored[y * w + x]);
                }
            }
            assertThat(stored[7]).as("input not modified").isEqualTo(0xFF000007);
        }
    }
}
