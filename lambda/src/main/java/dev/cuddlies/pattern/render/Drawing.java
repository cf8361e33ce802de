package dev.cuddlies.pattern.render;

import java.util.List;

/**
 * A pattern as drawing primitives in millimetres (y down), independent of the output format, so the
 * SVG, the PDF and the preview draw exactly the same thing.
 *
 * @param widthMm  sheet width
 * @param heightMm sheet height
 * @param layers   drawn in order; each renderer keeps them as separate groups where it can
 */
public record Drawing(double widthMm, double heightMm, List<Layer> layers) {

    public Drawing {
        layers = List.copyOf(layers);
    }

    /** How a layer is stroked. */
    public enum Style {
        /** Cut line: solid, heavy. */
        CUT(0.5, null),
        /** Stitch line: dashed, light. */
        STITCH(0.3, new double[] {3, 1.5}),
        /** Notches, grain lines, placement marks, scale squares. */
        MARK(0.35, null),
        /** The turning gap's stops and arrows: heavier, so the opening reads as one. */
        GAP(0.5, null),
        /** Lines to embroider: dotted. */
        EMBROIDERY(0.4, new double[] {0.8, 1.2}),
        /** Text only. */
        TEXT(0, null);

        private final double strokeMm;
        private final double[] dashMm;

        Style(double strokeMm, double[] dashMm) {
            this.strokeMm = strokeMm;
            this.dashMm = dashMm;
        }

        public double strokeMm() {
            return strokeMm;
        }

        public boolean dashed() {
            return dashMm != null;
        }

        /** Dash and gap lengths, mm; null when solid. */
        public double[] dashMm() {
            return dashMm == null ? null : dashMm.clone();
        }
    }

    public record Layer(String id, Style style, List<Mark> marks) {
        public Layer {
            marks = List.copyOf(marks);
        }
    }

    /** One thing drawn. */
    public sealed interface Mark permits Path, Rect, Text {
    }

    /** A polyline, closed when {@code closed}; points as x0, y0, x1, y1, … */
    public record Path(double[] xy, boolean closed) implements Mark {
    }

    /** An axis-aligned rectangle (the scale-check squares, so a PDF reader can measure them). */
    public record Rect(double x, double y, double width, double height) implements Mark {
    }

    /** A line of text, its baseline starting at (x, y), or centred on x when {@code centred}. */
    public record Text(double x, double y, String text, double sizeMm, boolean centred) implements Mark {
    }
}
