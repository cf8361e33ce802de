package dev.cuddlies.outline.internal;

/** Scales a decoded picture down to the working size by area averaging (alpha-weighted colours). */
final class Resampler {

    private Resampler() {
    }

    static WorkingImage toWorkingSize(int[] argb, int w, int h, boolean alpha, int originalW, int originalH,
                                      int subsample, long workingPixels) {
        double factor = Math.sqrt((double) w * h / workingPixels);
        if (factor <= 1.0) {
            return new WorkingImage(w, h, argb, alpha, originalW, originalH, subsample);
        }
        int tw = Math.max(1, (int) Math.round(w / factor));
        int th = Math.max(1, (int) Math.round(h / factor));
        double fx = (double) w / tw;
        double fy = (double) h / th;
        int[] out = new int[tw * th];
        for (int ty = 0; ty < th; ty++) {
            int y0 = (int) (ty * fy);
            int y1 = Math.max(y0 + 1, Math.min(h, (int) ((ty + 1) * fy)));
            for (int tx = 0; tx < tw; tx++) {
                int x0 = (int) (tx * fx);
                int x1 = Math.max(x0 + 1, Math.min(w, (int) ((tx + 1) * fx)));
                long sa = 0, sr = 0, sg = 0, sb = 0;
                int n = 0;
                for (int y = y0; y < y1; y++) {
                    int row = y * w;
                    for (int x = x0; x < x1; x++) {
                        int p = argb[row + x];
                        int a = p >>> 24;
                        sa += a;
                        sr += (long) ((p >> 16) & 0xFF) * a;
                        sg += (long) ((p >> 8) & 0xFF) * a;
                        sb += (long) (p & 0xFF) * a;
                        n++;
                    }
                }
                int a = (int) (sa / n);
                int r = sa == 0 ? 0 : (int) (sr / sa);
                int g = sa == 0 ? 0 : (int) (sg / sa);
                int b = sa == 0 ? 0 : (int) (sb / sa);
                out[ty * tw + tx] = a << 24 | r << 16 | g << 8 | b;
            }
        }
        double scale = subsample * (fx + fy) / 2;
        return new WorkingImage(tw, th, out, alpha, originalW, originalH, scale);
    }
}
