package dev.cuddlies.outline;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

import static dev.cuddlies.outline.SyntheticPictures.FILL;
import static dev.cuddlies.outline.SyntheticPictures.INK;
import static dev.cuddlies.outline.SyntheticPictures.PAPER;
import static dev.cuddlies.outline.SyntheticPictures.canvas;
import static dev.cuddlies.outline.SyntheticPictures.draw;
import static dev.cuddlies.outline.SyntheticPictures.filled;
import static dev.cuddlies.outline.SyntheticPictures.png;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OutlineEngineTest {

    private final OutlineEngine engine = new OutlineEngine(OutlineConfig.defaults());

    @Test
    void discAreaIsWithinOnePercent() throws Exception {
        double r = 150;
        Outline o = engine.trace(filled(500, 420, new Ellipse2D.Double(250 - r, 210 - r, 2 * r, 2 * r)));

        assertThat(o.areaPx()).isCloseTo(Math.PI * r * r, within(0.01 * Math.PI * r * r));
        assertThat(o.width()).isEqualTo(500);
        assertThat(o.height()).isEqualTo(420);
        assertThat(o.warnings()).isEmpty();
    }

    @Test
    void ringBecomesDiscAndSaysSo() throws Exception {
        Area ring = new Area(new Ellipse2D.Double(100, 60, 300, 300));
        ring.subtract(new Area(new Ellipse2D.Double(180, 140, 140, 140)));

        Outline o = engine.trace(filled(500, 420, ring));

        assertThat(o.areaPx()).isCloseTo(Math.PI * 150 * 150, within(0.01 * Math.PI * 150 * 150));
        assertThat(o.warnings()).contains(new Outline.Warning(Outline.Warning.Kind.FILLED_HOLES, 1));
    }

    @Test
    void twoBlobsCloseTogetherAreJoinedIntoOnePiece() throws Exception {
        Area blobs = new Area(new Ellipse2D.Double(60, 100, 200, 200));
        blobs.add(new Area(new Ellipse2D.Double(268, 150, 100, 100))); // 8 px gap: an ear behind a line

        Outline o = engine.trace(filled(440, 400, blobs));

        Polygon p = polygon(o);
        assertThat(p.getEnvelopeInternal().getMinX()).isLessThan(62);
        assertThat(p.getEnvelopeInternal().getMaxX()).isGreaterThan(366);
        assertThat(o.areaPx()).isGreaterThan(0.97 * (Math.PI * 100 * 100 + Math.PI * 50 * 50));
        assertThat(o.warnings()).contains(new Outline.Warning(Outline.Warning.Kind.JOINED_PARTS, 2));
    }

    @Test
    void lShapeKeepsItsInnerCornerWithinTolerance() throws Exception {
        Area l = new Area(new Rectangle2D.Double(100, 60, 80, 280));
        l.add(new Area(new Rectangle2D.Double(100, 260, 240, 80)));

        Outline o = engine.trace(filled(440, 400, l));

        // Pixel centres of the corner pixel: the inner corner of the L lies at (180, 260) in
        // edge coordinates, i.e. about (179.5, 259.5) in pixel-centre coordinates.
        double nearest = o.outline().stream()
                .mapToDouble(pt -> Math.hypot(pt.x() - 179.5, pt.y() - 259.5)).min().orElseThrow();
        assertThat(nearest).isLessThan(1.5);
        // The outline runs through boundary pixel centres: the L spans centres 100..179 x 60..339
        // and 179..339 x 260..339, so its polygon area is 79 * 279 + 160 * 79.
        double expected = 79 * 279 + 160 * 79;
        assertThat(o.areaPx()).isCloseTo(expected, within(0.01 * expected));
    }

    @Test
    void inkLinesInsideTheFigureDoNotSplitIt() throws Exception {
        Ellipse2D body = new Ellipse2D.Double(80, 60, 280, 300);
        byte[] picture = png(draw(canvas(440, 420, PAPER), g -> {
            g.setColor(FILL);
            g.fill(body);
            g.setColor(INK);
            g.setStroke(new BasicStroke(6));
            g.draw(body);
            g.drawLine(80, 210, 360, 210); // a belt across the figure
            g.drawLine(220, 60, 220, 360);
        }));

        Outline o = engine.trace(picture);

        assertThat(o.areaPx()).isCloseTo(Math.PI * 143 * 153, within(0.02 * Math.PI * 143 * 153));
    }

    @Test
    void whiteFigureWithInkOutlineOnWhitePaperIsFilled() throws Exception {
        Ellipse2D body = new Ellipse2D.Double(100, 80, 240, 260);
        byte[] picture = png(draw(canvas(440, 420, Color.WHITE), g -> {
            g.setColor(INK);
            g.setStroke(new BasicStroke(8));
            g.draw(body);
        }));

        Outline o = engine.trace(picture);

        assertThat(o.areaPx()).isCloseTo(Math.PI * 124 * 134, within(0.02 * Math.PI * 124 * 134));
    }

    @Test
    void pastelFigureOnGradientBackgroundIsFound() throws Exception {
        Ellipse2D body = new Ellipse2D.Double(150, 100, 220, 240);
        BufferedImage img = canvas(520, 440, PAPER);
        draw(img, g -> {
            g.setPaint(new GradientPaint(0, 0, new Color(0xF6D5E0), 520, 440, new Color(0xD0E4F2)));
            g.fillRect(0, 0, 520, 440);
            g.setColor(new Color(0xC8F0C0)); // pastel green
            g.fill(body);
        });

        Outline o = engine.trace(png(img));

        assertThat(o.areaPx()).isCloseTo(Math.PI * 110 * 120, within(0.02 * Math.PI * 110 * 120));
    }

    @Test
    void figureCrossingTheEdgeIsKeptAndReported() throws Exception {
        Outline o = engine.trace(filled(400, 300, new Ellipse2D.Double(250, 60, 300, 200)));

        assertThat(o.warnings()).contains(new Outline.Warning(Outline.Warning.Kind.TOUCHES_EDGE, 1));
        assertThat(polygon(o).getEnvelopeInternal().getMaxX()).isGreaterThan(398);
    }

    @Test
    void farSpecksAreDroppedAndReported() throws Exception {
        Area shape = new Area(new Ellipse2D.Double(60, 60, 200, 200));
        shape.add(new Area(new Ellipse2D.Double(380, 330, 8, 8)));

        Outline o = engine.trace(filled(420, 380, shape));

        assertThat(polygon(o).getEnvelopeInternal().getMaxX()).isLessThan(265);
        assertThat(o.warnings()).contains(new Outline.Warning(Outline.Warning.Kind.DROPPED_MARKS, 1));
    }

    @Test
    void transparentPngUsesItsAlphaEvenWhenTheFigureIsWhite() throws Exception {
        BufferedImage img = new BufferedImage(300, 260, BufferedImage.TYPE_INT_ARGB);
        draw(img, g -> {
            g.setColor(Color.WHITE);
            g.fill(new Rectangle2D.Double(50, 40, 200, 180));
        });

        Outline o = engine.trace(png(img));

        assertThat(o.areaPx()).isCloseTo(200 * 180, within(0.015 * 200 * 180));
    }

    @Test
    void pointsAreClockwiseOnScreenAndTheFirstIsNotRepeated() throws Exception {
        Outline o = engine.trace(filled(300, 300, new Rectangle2D.Double(50, 50, 200, 150)));

        List<Outline.Point> pts = o.outline();
        assertThat(pts.get(0)).isNotEqualTo(pts.get(pts.size() - 1));
        // Shoelace sum in y-down image coordinates is positive for a clockwise-on-screen ring.
        double sum = 0;
        for (int i = 0; i < pts.size(); i++) {
            Outline.Point a = pts.get(i);
            Outline.Point b = pts.get((i + 1) % pts.size());
            sum += a.x() * b.y() - b.x() * a.y();
        }
        assertThat(sum).isPositive();
    }

    @Test
    void jsonRoundTripKeepsTheOutline() throws Exception {
        Outline o = engine.trace(filled(300, 300, new Ellipse2D.Double(50, 50, 200, 150)));

        Outline back = OutlineJson.read(OutlineJson.write(o));

        assertThat(back.outline()).isEqualTo(o.outline());
        assertThat(back.width()).isEqualTo(300);
        assertThat(OutlineJson.toTree(o).fieldNames()).toIterable()
                .containsExactly("width", "height", "outline", "areaPx", "warnings", "timingsMs");
    }

    private static Polygon polygon(Outline o) {
        Coordinate[] ring = new Coordinate[o.outline().size() + 1];
        for (int i = 0; i < o.outline().size(); i++) {
            ring[i] = new Coordinate(o.outline().get(i).x(), o.outline().get(i).y());
        }
        ring[ring.length - 1] = ring[0];
        Polygon p = new GeometryFactory().createPolygon(ring);
        assertThat(p.isValid()).as("outline is a simple polygon").isTrue();
        assertThat(Orientation.isCCW(ring)).as("clockwise on screen = CCW in y-up terms").isTrue();
        return p;
    }
}
