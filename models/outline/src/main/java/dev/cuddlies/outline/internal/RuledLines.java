package dev.cuddlies.outline.internal;

import java.util.Arrays;

/**
 * Removes the printed lines of lined and grid paper (and a margin line) before segmentation: a
 * printed line runs across the whole sheet, so along its row (or column) even the brightest part is
 * darker than the rows beside it, which no drawing does. Each such thin band is painted over with the
 * paper just outside it, except where a pixel is clearly darker than the line (ink crossing it).
 * Lines must run along the picture's rows or columns (a crop, or a sheet whose perspective was undone).
 */
final class RuledLines {

    /** Brightness quantile of a row that tells a printed line: it spans the row, a figure rarely 90 % of it. */
    private static final double ROW_QUANTILE = 0.9;
    /** Widest band taken for a printed line, px. */
    private static final int MAX_LINE_WIDTH_PX = 5;
    /** Rows compared with: the paper within this distance, px. */
    private static final int NEIGHBOURHOOD_PX = 6;
    /** Smallest darkening (darkest-channel levels) taken for a line. */
    private static final float MIN_DEPTH = 6f;

    private RuledLines() {
    }

    /** The picture with printed lines painted over, and how many were. */
    record Result(int[] rgb, int lines) {
    }

    /** Input not modified; returns it as is when no line is found. */
    static Result remove(int[] rgb, int w, int h) {
        int[] out = rgb;
        int rows = 0;
        float[] rowLines = lines(rgb, w, h, false);
        if (rowLines != null) {
            out = rgb.clone();
            rows = paintOver(out, w, h, rowLines, false);
        }
        int columns = 0;
        float[] columnLines = lines(out, w, h, true);
        if (columnLines != null) {
            out = out == rgb ? rgb.clone() : out;
            columns = paintOver(out, w, h, columnLines, true);
        }
        return new Result(out, rows + columns);
    }

    private static int dark(int p) {
        return Math.min((p >> 16) & 0xFF, Math.min((p >> 8) & 0xFF, p & 0xFF));
    }

    /** Per row (or column): how much a printed line darkens it (0 = none), or null when there is none. */
    private static float[] lines(int[] rgb, int w, int h, boolean columns) {
        int n = columns ? w : h;
        int len = columns ? h : w;
        float[] level = new float[n];
        int[] histogram = new int[256];
        int step = len > 800 ? 2 : 1;
        for (int k = 0; k < n; k++) {
            Arrays.fill(histogram, 0);
            int count = 0;
            for (int t = 0; t < len; t += step) {
                int p = columns ? rgb[t * w + k] : rgb[k * w + t];
                histogram[dark(p)]++;
                count++;
            }
            int rank = (int) (ROW_QUANTILE * count);
            int seen = 0;
            int v = 0;
            while (v < 255 && (seen += histogram[v]) <= rank) {
                v++;
            }
            level[k] = v;
        }
        float[] depth = new float[n];
        for (int k = 0; k < n; k++) {
            float around = 0;
            for (int d = -NEIGHBOURHOOD_PX; d <= NEIGHBOURHOOD_PX; d++) {
                around = Math.max(around, level[Math.max(0, Math.min(n - 1, k + d))]);
            }
            depth[k] = around - level[k];
        }
        float[] sorted = depth.clone();
        Arrays.sort(sorted);
        float median = sorted[n / 2];
        float spread = Math.max(0.5f, sorted[(int) (n * 0.75)] - median);
        float threshold = Math.max(MIN_DEPTH, median + 6 * spread);
        float[] line = new float[n];
        boolean any = false;
        for (int k = 0; k < n; ) {
            if (depth[k] <= threshold) {
                k++;
                continue;
            }
            int end = k;
            while (end < n && depth[end] > threshold * 0.5f) {
                end++;
            }
            int start = k;
            while (start > 0 && depth[start - 1] > threshold * 0.5f) {
                start--;
            }
            if (end - start <= MAX_LINE_WIDTH_PX) {
                for (int j = start; j < end; j++) {
                    line[j] = Math.max(depth[j], 1f);
                }
                any = true;
            }
            k = end + 1;
        }
        return any ? line : null;
    }

    /** Paints each band over from the paper just outside it; returns the number of bands. */
    private static int paintOver(int[] rgb, int w, int h, float[] line, boolean columns) {
        int n = columns ? w : h;
        int len = columns ? h : w;
        int bands = 0;
        for (int k = 0; k < n; ) {
            if (line[k] == 0) {
                k++;
                continue;
            }
            int start = k;
            while (k < n && line[k] != 0) {
                k++;
            }
            int end = k; // exclusive
            int before = Math.max(0, start - 2);
            int after = Math.min(n - 1, end + 1);
            bands++;
            for (int t = 0; t < len; t++) {
                int pa = at(rgb, w, columns, before, t);
                int pb = at(rgb, w, columns, after, t);
                int paper = Math.max(dark(pa), dark(pb));
                for (int j = start; j < end; j++) {
                    int p = at(rgb, w, columns, j, t);
                    // Ink crossing the line is darker than the line itself over the paper: keep it.
                    if (dark(p) < paper - 2 * line[j] - 2 * MIN_DEPTH) {
                        continue;
                    }
                    float f = (float) (j - before) / Math.max(1, after - before);
                    set(rgb, w, columns, j, t, mix(pa, pb, f));
                }
            }
        }
        return bands;
    }

    private static int at(int[] rgb, int w, boolean columns, int k, int t) {
        return columns ? rgb[t * w + k] : rgb[k * w + t];
    }

    private static void set(int[] rgb, int w, boolean columns, int k, int t, int v) {
        if (columns) {
            rgb[t * w + k] = v;
        } else {
            rgb[k * w + t] = v;
        }
    }

    private static int mix(int a, int b, float f) {
        int out = 0xFF000000;
        for (int s = 16; s >= 0; s -= 8) {
            int ca = (a >> s) & 0xFF;
            int cb = (b >> s) & 0xFF;
            out |= Math.round(ca + (cb - ca) * f) << s;
        }
        return out;
    }
}
