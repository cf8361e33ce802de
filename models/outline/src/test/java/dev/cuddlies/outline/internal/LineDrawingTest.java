package dev.cuddlies.outline.internal;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class LineDrawingTest {

    @Test
    void erosionSurvivorsAreCountedAsTheErodedMaskHasThem() {
        Random random = new Random(7);
        int w = 90;
        int h = 70;
        for (int trial = 0; trial < 20; trial++) {
            byte[] mask = new byte[w * h];
            // Blobs and strokes: random rectangles of every thickness.
            for (int k = 0; k < 12; k++) {
                int x = random.nextInt(w);
                int y = random.nextInt(h);
                int rw = 1 + random.nextInt(30);
                int rh = 1 + random.nextInt(30);
                for (int yy = y; yy < Math.min(h, y + rh); yy++) {
                    for (int xx = x; xx < Math.min(w, x + rw); xx++) {
                        mask[yy * w + xx] = 1;
                    }
                }
            }
            int x0 = random.nextInt(20);
            int y0 = random.nextInt(20);
            int x1 = w - random.nextInt(20);
            int y1 = h - random.nextInt(20);
            for (int r = 1; r <= 5; r++) {
                byte[] eroded = BinaryMorphology.erode(mask, w, h, r, x0, y0, x1, y1);
                long expected = 0;
                for (int y = y0; y < y1; y++) {
                    for (int x = x0; x < x1; x++) {
                        expected += eroded[y * w + x];
                    }
                }
                assertThat(LineDrawing.survivorsOfErosion(mask, w, r, x0, y0, x1, y1))
                        .as("trial %d, radius %d", trial, r).isEqualTo(expected);
            }
        }
    }
}
