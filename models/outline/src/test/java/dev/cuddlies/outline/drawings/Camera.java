package dev.cuddlies.outline.drawings;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

/** What a phone does to a picture: uneven light and a colour cast, lens blur, sensor noise, JPEG. */
final class Camera {

    private Camera() {
    }

    /** Uneven light (a soft gradient from one side or a lamp's pool), a slight colour cast, blur and noise. */
    static BufferedImage photograph(BufferedImage in, Random random) {
        int w = in.getWidth();
        int h = in.getHeight();
        int[] px = in.getRGB(0, 0, w, h, null, 0, w);
        float[][] c = new float[3][w * h];
        for (int i = 0; i < px.length; i++) {
            for (int k = 0; k < 3; k++) {
                c[k][i] = (px[i] >> (16 - 8 * k)) & 0xFF;
            }
        }
        double dark = Noise.between(random, 0.05, 0.28);
        double angle = Noise.between(random, 0, 2 * Math.PI);
        boolean radial = random.nextBoolean();
        double cx = Noise.between(random, 0.2, 0.8) * w;
        double cy = Noise.between(random, 0.2, 0.8) * h;
        float[] cast = {(float) Noise.between(random, 0.93, 1.0), (float) Noise.between(random, 0.93, 1.0),
            (float) Noise.between(random, 0.88, 1.0)};
        double diag = Math.hypot(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double t = radial ? Math.hypot(x - cx, y - cy) / diag
                        : 0.5 + ((x - w / 2.0) * Math.cos(angle) + (y - h / 2.0) * Math.sin(angle)) / diag;
                float light = (float) (1 - dark * Math.min(1, Math.max(0, t)) * (radial ? 1.6 : 1));
                int i = y * w + x;
                for (int k = 0; k < 3; k++) {
                    c[k][i] *= light * cast[k];
                }
            }
        }
        double sigma = Noise.between(random, 0.4, 1.3);
        for (int k = 0; k < 3; k++) {
            c[k] = gaussian(c[k], w, h, sigma);
        }
        double noise = Noise.between(random, 1.0, 4.0);
        int[] out = new int[w * h];
        for (int i = 0; i < out.length; i++) {
            int rgb = 0;
            double n = random.nextGaussian() * noise * 0.6; // luminance noise shared by the channels
            for (int k = 0; k < 3; k++) {
                int v = (int) Math.round(c[k][i] + n + random.nextGaussian() * noise * 0.5);
                rgb = rgb << 8 | Math.max(0, Math.min(255, v));
            }
            out[i] = rgb;
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, w, h, out, 0, w);
        return img;
    }

    /** Three box blurs: close to a Gaussian of {@code sigma}, in time independent of it (wide shadows). */
    static float[] wideBlur(float[] src, int w, int h, double sigma) {
        int r = Math.max(1, (int) Math.round(Math.sqrt(sigma * sigma * 4 + 1) / 2)); // 3 boxes of 2r+1
        float[] a = src;
        for (int pass = 0; pass < 3; pass++) {
            a = box(a, w, h, r);
        }
        return a;
    }

    private static float[] box(float[] src, int w, int h, int r) {
        float[] tmp = new float[src.length];
        float[] out = new float[src.length];
        float norm = 1f / (2 * r + 1);
        for (int y = 0; y < h; y++) {
            float sum = 0;
            for (int k = -r; k <= r; k++) {
                sum += src[y * w + Math.max(0, Math.min(w - 1, k))];
            }
            for (int x = 0; x < w; x++) {
                tmp[y * w + x] = sum * norm;
                sum += src[y * w + Math.min(w - 1, x + r + 1)] - src[y * w + Math.max(0, x - r)];
            }
        }
        for (int x = 0; x < w; x++) {
            float sum = 0;
            for (int k = -r; k <= r; k++) {
                sum += tmp[Math.max(0, Math.min(h - 1, k)) * w + x];
            }
            for (int y = 0; y < h; y++) {
                out[y * w + x] = sum * norm;
                sum += tmp[Math.min(h - 1, y + r + 1) * w + x] - tmp[Math.max(0, y - r) * w + x];
            }
        }
        return out;
    }

    static float[] gaussian(float[] src, int w, int h, double sigma) {
        int r = (int) Math.ceil(3 * sigma);
        float[] kernel = new float[2 * r + 1];
        float sum = 0;
        for (int i = -r; i <= r; i++) {
            kernel[i + r] = (float) Math.exp(-i * i / (2 * sigma * sigma));
            sum += kernel[i + r];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= sum;
        }
        float[] tmp = new float[src.length];
        float[] out = new float[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float s = 0;
                for (int k = -r; k <= r; k++) {
                    s += kernel[k + r] * src[y * w + Math.max(0, Math.min(w - 1, x + k))];
                }
                tmp[y * w + x] = s;
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float s = 0;
                for (int k = -r; k <= r; k++) {
                    s += kernel[k + r] * tmp[Math.max(0, Math.min(h - 1, y + k)) * w + x];
                }
                out[y * w + x] = s;
            }
        }
        return out;
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
}
