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
 * @param warnings  what was done to the picture or the figure, one typed entry per kind
 * @param timingsMs how long each stage took, ms, in stage order
 */
public record Outline(int width, int height, List<Point> outline, double areaPx,
                      List<Warning> warnings, Map<String, Long> timingsMs) {

    /** A vertex in pixel coordinates. */
    public record Point(double x, double y) {
    }

    /**
     * Something the engine did that the user may want to know, with how many times.
     *
     * @param kind  what was done
     * @param count how many (holes, parts, marks, lines); 1 for a yes/no kind
     */
    public record Warning(Kind kind, int count) {

        /** What was done. */
        public enum Kind {
            /** Holes inside the figure were filled: a plush is one piece. */
            FILLED_HOLES("filled %d hole", "filled %d holes"),
            /** Separate parts close to the figure were bridged on (an ear behind a thin gap). */
            JOINED_PARTS("joined %d part", "joined %d parts"),
            /** Small marks away from the figure were left out. */
            DROPPED_MARKS("dropped %d stray mark", "dropped %d stray marks"),
            /** Other drawings as large as a figure were on the picture; the main one was taken. */
            OTHER_DRAWINGS_LEFT_OUT("left out %d other drawing", "left out %d other drawings"),
            /** The figure reaches the picture's edge: it may be cut off. */
            TOUCHES_EDGE("figure touches the edge", "figure touches the edge"),
            /** The picture is a photo of a sheet: its perspective was undone and only the sheet traced. */
            SHEET_FOUND("traced the drawing on the photographed sheet", "traced the drawing on the photographed sheet"),
            /** Printed lines of lined or grid paper were removed before tracing. */
            RULED_LINES_REMOVED("removed %d printed paper line", "removed %d printed paper lines");

            private final String one;
            private final String many;

            Kind(String one, String many) {
                this.one = one;
                this.many = many;
            }
        }

        public Warning {
            java.util.Objects.requireNonNull(kind, "kind");
            if (count < 1) {
                throw new IllegalArgumentException("a warning counts at least one");
            }
        }

        /** The warning in plain English, for a console or a pattern's notes (never parsed back). */
        public String describe() {
            return String.format(java.util.Locale.ROOT, count == 1 ? kind.one : kind.many, count);
        }
    }

    /** The warning of this kind, if there is one. */
    public java.util.Optional<Warning> warning(Warning.Kind kind) {
        return warnings.stream().filter(w -> w.kind() == kind).findFirst();
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
