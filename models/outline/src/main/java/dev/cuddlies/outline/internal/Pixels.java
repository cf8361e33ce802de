package dev.cuddlies.outline.internal;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;

/**
 * Packed ARGB pixels of a decoded picture. The common layouts decoders return are read straight
 * from their buffers; {@link BufferedImage#getRGB} converts pixel by pixel through the colour model
 * and is several times slower on large photos.
 */
final class Pixels {

    private Pixels() {
    }

    static int[] argb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int n = w * h;
        boolean wholeBuffer = image.getRaster().getParent() == null
                && image.getRaster().getSampleModelTranslateX() == 0 && image.getRaster().getSampleModelTranslateY() == 0;
        if (wholeBuffer) {
            switch (image.getType()) {
                case BufferedImage.TYPE_INT_ARGB -> {
                    return ((DataBufferInt) image.getRaster().getDataBuffer()).getData().clone();
                }
                case BufferedImage.TYPE_INT_RGB -> {
                    int[] src = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
                    int[] out = new int[n];
                    for (int i = 0; i < n; i++) {
                        out[i] = 0xFF000000 | src[i];
                    }
                    return out;
                }
                case BufferedImage.TYPE_3BYTE_BGR -> {
                    byte[] src = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
                    int[] out = new int[n];
                    for (int i = 0, j = 0; i < n; i++, j += 3) {
                        out[i] = 0xFF000000 | (src[j + 2] & 0xFF) << 16 | (src[j + 1] & 0xFF) << 8 | (src[j] & 0xFF);
                    }
                    return out;
                }
                case BufferedImage.TYPE_4BYTE_ABGR -> {
                    byte[] src = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
                    int[] out = new int[n];
                    for (int i = 0, j = 0; i < n; i++, j += 4) {
                        out[i] = (src[j] & 0xFF) << 24 | (src[j + 3] & 0xFF) << 16 | (src[j + 2] & 0xFF) << 8
                                | (src[j + 1] & 0xFF);
                    }
                    return out;
                }
                case BufferedImage.TYPE_BYTE_GRAY -> {
                    byte[] src = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
                    int[] out = new int[n];
                    for (int i = 0; i < n; i++) {
                        int v = src[i] & 0xFF;
                        out[i] = 0xFF000000 | v << 16 | v << 8 | v;
                    }
                    return out;
                }
                default -> {
                    // other layouts (palettes, 16-bit, custom colour spaces) go through the colour model
                }
            }
        }
        return image.getRGB(0, 0, w, h, null, 0, w);
    }
}
