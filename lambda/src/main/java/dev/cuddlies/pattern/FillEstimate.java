package dev.cuddlies.pattern;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;

import java.util.List;

/**
 * How much stuffing the toy takes, estimated from the flat pieces. Two flat pieces sewn together and
 * stuffed puff up roughly in proportion to how far each point lies from the seam: a disc of radius
 * {@code a} becomes a Mylar balloon of about 1.1·a³ (Paulsen 1994), a strip of width {@code w} a tube of
 * diameter 0.64·w; the integral of the distance to the stitch line over the piece gives 1.05·a³ and
 * 0.25·w² per unit length, so the volume is {@value #VOLUME_PER_DISTANCE_INTEGRAL} × that integral
 * (between the two cases). A gusset adds its width over about 70 % of the front's area. Fibrefill
 * weighs {@value #SOFT_G_PER_LITRE} g per litre stuffed soft, {@value #FIRM_G_PER_LITRE} g firm.
 * An estimate for buying stuffing, ±30 %.
 *
 * @param volumeCm3 stuffed volume, cm³
 * @param softGrams fibrefill for a soft toy, g
 * @param firmGrams fibrefill for a firm toy, g
 */
public record FillEstimate(double volumeCm3, double softGrams, double firmGrams) {

    static final double VOLUME_PER_DISTANCE_INTEGRAL = 1.15;
    static final double GUSSET_AREA_SHARE = 0.7;
    static final double SOFT_G_PER_LITRE = 30;
    static final double FIRM_G_PER_LITRE = 50;

    static FillEstimate of(List<Piece> pieces, double gussetWidthMm) {
        double mm3 = 0;
        for (Piece p : pieces) {
            if (p.kind() == Piece.Kind.FRONT) {
                mm3 += VOLUME_PER_DISTANCE_INTEGRAL * distanceIntegral(p.stitch())
                        + GUSSET_AREA_SHARE * p.stitch().getArea() * gussetWidthMm;
            } else if (p.kind() == Piece.Kind.PART) {
                mm3 += VOLUME_PER_DISTANCE_INTEGRAL * distanceIntegral(p.stitch()) * p.cutCount() / 2.0;
            }
        }
        double litres = mm3 / 1e6;
        return new FillEstimate(mm3 / 1000, litres * SOFT_G_PER_LITRE, litres * FIRM_G_PER_LITRE);
    }

    /** ∫ distance to the outline dA over the polygon, mm³, summed on a grid of about 2,000 cells. */
    private static double distanceIntegral(Polygon p) {
        Envelope e = p.getEnvelopeInternal();
        double cell = Math.max(1, Math.sqrt(e.getArea() / 2000));
        IndexedFacetDistance toEdge = new IndexedFacetDistance(p.getExteriorRing());
        var inside = new org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator(p);
        double sum = 0;
        for (double x = e.getMinX() + cell / 2; x < e.getMaxX(); x += cell) {
            for (double y = e.getMinY() + cell / 2; y < e.getMaxY(); y += cell) {
                Coordinate c = new Coordinate(x, y);
                if (inside.locate(c) == org.locationtech.jts.geom.Location.INTERIOR) {
                    sum += toEdge.distance(p.getFactory().createPoint(c)) * cell * cell;
                }
            }
        }
        return sum;
    }
}
