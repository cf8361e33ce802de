package dev.cuddlies.pattern.stuffing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuddlies.fixtures.SharedSet;
import dev.cuddlies.outline.Outline;
import dev.cuddlies.outline.OutlineConfig;
import dev.cuddlies.outline.OutlineEngine;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared cartoon set stuffed firmly at 30 cm: with compensation the stuffed front silhouette
 * matches the traced outline at that height. Measured 2026-11-29 (docs/benchmarks.md): 23 of 25
 * pictures at IoU ≥ 0.95. The two below it keep gaps no two-piece toy can: a rat whose tail and
 * front leg close a notch narrower than the stuffed parts' rounding, and a beetle whose legs,
 * under 1 cm wide, run a few millimetres from its body (the moves that would widen them are held
 * back so the stitch line does not cross itself). Kept as a regression test of that quality.
 */
class SharedCartoonsStuffingTest {

    private static final double HEIGHT_MM = 300;

    @Test
    void compensationBringsTheStuffedSilhouetteToTheOutline() throws Exception {
        Path set = SharedSet.requireCartoons();
        JsonNode manifest = new ObjectMapper().readTree(set.resolve("manifest.json").toFile());
        OutlineEngine engine = new OutlineEngine(OutlineConfig.defaults());
        StuffingCompensator compensator = new StuffingCompensator(StuffingConfig.defaults());
        Map<String, double[]> iou = new TreeMap<>();
        for (JsonNode item : manifest.get("items")) {
            if (item.get("mask").isNull()) {
                continue; // refused by the outline step
            }
            Outline outline = engine.trace(Files.readAllBytes(set.resolve(item.get("file").asText())));
            Compensation c = compensator.compensate(millimetres(outline), StuffingMode.FIRM);
            iou.put(item.get("name").asText(),
                    new double[] {c.report().silhouetteIoUUncompensated(), c.report().silhouetteIoU()});
        }
        assertThat(iou).hasSizeGreaterThanOrEqualTo(20);
        List<String> below = new ArrayList<>();
        iou.forEach((name, v) -> {
            assertThat(v[1] - v[0]).as("%s: gain from compensation", name).isGreaterThan(0.05);
            if (v[1] < 0.95) {
                below.add(name);
            }
        });
        assertThat(below).as("pictures below IoU 0.95").hasSizeLessThanOrEqualTo(iou.size() / 10);
    }

    /** The traced outline at 30 cm, as the pattern maker scales it. */
    private static Polygon millimetres(Outline outline) {
        double k = HEIGHT_MM / outline.boundsHeight();
        Coordinate[] ring = new Coordinate[outline.outline().size() + 1];
        for (int i = 0; i < ring.length - 1; i++) {
            ring[i] = new Coordinate(outline.outline().get(i).x() * k, outline.outline().get(i).y() * k);
        }
        ring[ring.length - 1] = ring[0];
        GeometryFactory f = new GeometryFactory();
        Geometry g = DouglasPeuckerSimplifier.simplify(f.createPolygon(ring), 0.1).buffer(0);
        Polygon largest = null;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p && (largest == null || p.getArea() > largest.getArea())) {
                largest = p;
            }
        }
        return largest;
    }
}
