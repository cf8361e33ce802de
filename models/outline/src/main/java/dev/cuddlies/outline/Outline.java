package dev.cuddlies.outline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The silhouette of a picture's main figure: one simple closed polygon in image pixel coordinates
 * (x = column, y = row, pixel centres at integers), points clockwise as seen on screen (the y axis
 * points down), the first point not repeated at the end.
 *
 * @param width     picture width, px
 * @param height    picture height, px
 * @param outline   polygon vertices, px; at least three
 * @param areaPx    polygon area, px²
 * @param warnings  what was done to make the figure one piece, in plain words
 * @param timingsMs how long each stage took, ms, in stage order
 */
public record Outline(int width, int height, List<Point> outline, double areaPx,
                      List<String> warnings, Map<String, Long> timingsMs) {

    /** A vertex in pixel coordinates. */
    public record Point(double x, double y) {
    }

    public Outline {
        Objects.requireNonNull(outline, "outline");
        if (outline.size() < 3) {
            throw new IllegalArgumentException("an outline needs at least three points");
        }
        outline = List.copyOf(outline);
        warnings = List.copyOf(warnings);
        timingsMs = Collections.unmodifiableMap(new LinkedHashMap<>(timingsMs)); // keeps stage order
    }

    /** Height of the outline's bounding box, px. */
    public double boundsHeight() {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (Point p : outline) {
            min = Math.min(min, p.y());
            max = Math.max(max, p.y());
        }
        return max - min;
    }
}
