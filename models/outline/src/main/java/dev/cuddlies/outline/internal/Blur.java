package dev.cuddlies.outline.internal;

import boofcv.alg.filter.blur.BlurImageOps;
import boofcv.concurrency.BoofConcurrency;
import boofcv.core.image.border.FactoryImageBorder;
import boofcv.struct.border.BorderType;
import boofcv.struct.image.GrayF32;

/** A box (mean) blur of a float plane, edges extended, by BoofCV. */
final class Blur {

    static {
        // One trace runs on one thread; the model server runs traces side by side. BoofCV's own
        // thread pool would only compete with them (and with Lambda's single vCPU).
        BoofConcurrency.USE_CONCURRENT = false;
    }

    private Blur() {
    }

    /** A blurred copy over a (2r+1)² square (or the input itself when r is 0). Input not modified. */
    static float[] mean(float[] src, int w, int h, int radius) {
        if (radius <= 0) {
            return src;
        }
        GrayF32 out = BlurImageOps.meanB(wrap(src, w, h), null, radius, radius,
                FactoryImageBorder.single(BorderType.EXTENDED, GrayF32.class), null, null);
        return out.data;
    }

    static GrayF32 wrap(float[] data, int w, int h) {
        GrayF32 image = new GrayF32();
        image.width = w;
        image.height = h;
        image.stride = w;
        image.data = data;
        return image;
    }
}
