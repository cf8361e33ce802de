package dev.cuddlies.pattern.stuffing;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The simulator against the two closed forms for inflated flat membranes, with inextensible fabric
 * stuffed firmly (fully taut).
 */
class ClosedFormsTest {

    private final StuffingSimulator simulator =
            new StuffingSimulator(StuffingConfig.defaults().withFabric(Fabric.INEXTENSIBLE));

    /**
     * Two discs of radius a sewn at the rim and inflated: the "Mylar balloon". Paulsen, W. H. (1994),
     * "What is the shape of a Mylar balloon?", American Mathematical Monthly 101(10), 953–958:
     * radius r = 0.7627·a, thickness τ = 1.1981·r (the meridians keep their length a; the rim gathers).
     */
    @Test
    void discInflatesToAMylarBalloon() {
        double a = 100;
        StuffedShape balloon = simulator.simulate(Shapes.disc(a), StuffingMode.FIRM);

        double r = Shapes.equivalentRadius(balloon.frontSilhouette());
        assertThat(r / a).as("inflated radius / flat radius").isCloseTo(0.7627, within(0.7627 * 0.03));
        assertThat(balloon.thicknessMm() / r).as("thickness / inflated radius").isCloseTo(1.1981, within(1.1981 * 0.05));
    }

    /**
     * A long strip of width w, two layers sewn along both edges and inflated, is a tube whose
     * circumference is the two widths: diameter 2w/π = 0.637·w (away from the ends).
     */
    @Test
    void longStripInflatesToATubeOfDiameterTwoWOverPi() {
        double w = 40;
        double length = 10 * w;
        StuffedShape tube = simulator.simulate(Shapes.rectangle(-length / 2, -w / 2, length / 2, w / 2),
                StuffingMode.FIRM);

        double expected = 2 * w / Math.PI;
        Geometry middle = tube.frontSilhouette().intersection(Shapes.rectangle(-w / 4, -w, w / 4, w));
        Envelope across = middle.getEnvelopeInternal();
        assertThat(across.getHeight()).as("width of the tube, mm").isCloseTo(expected, within(expected * 0.05));
        double thickness = 0;
        for (double y = -w / 2; y <= w / 2; y += 0.25) {
            thickness = Math.max(thickness, tube.thickness().atMm(0, y));
        }
        assertThat(thickness).as("thickness of the tube, mm").isCloseTo(expected, within(expected * 0.05));
    }

    /** The Mylar balloon's rim is the circle of radius r: the seam gathers to 0.7627 of its cut length. */
    @Test
    void discSeamGathersToTheBalloonsRim() {
        double a = 80;
        Polygon disc = Shapes.disc(a);
        StuffedShape balloon = simulator.simulate(disc, StuffingMode.FIRM);
        double[] p = balloon.vertices();
        int[] seam = balloon.seam();
        double stuffedSeam = 0;
        for (int k = 0; k < seam.length; k++) {
            int u = 3 * seam[k];
            int v = 3 * seam[(k + 1) % seam.length];
            stuffedSeam += Math.hypot(p[v] - p[u], p[v + 1] - p[u + 1]);
        }
        assertThat(stuffedSeam / (2 * Math.PI * a)).as("stuffed seam / cut seam")
                .isCloseTo(0.7627, within(0.7627 * 0.03));
    }
}
