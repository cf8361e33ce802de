package dev.cuddlies.cli;

import dev.cuddlies.fixtures.SyntheticCartoon;
import dev.cuddlies.outline.Outline;
import dev.cuddlies.outline.OutlineConfig;
import dev.cuddlies.outline.OutlineEngine;
import dev.cuddlies.outline.OutlineException;
import dev.cuddlies.pattern.Length;
import dev.cuddlies.pattern.PatternException;
import dev.cuddlies.pattern.PatternMaker;
import dev.cuddlies.pattern.PatternSpec;
import dev.cuddlies.pattern.stuffing.Compensation;
import dev.cuddlies.pattern.stuffing.Fabric;
import dev.cuddlies.pattern.stuffing.StuffedShape;
import dev.cuddlies.pattern.stuffing.StuffingCompensator;
import dev.cuddlies.pattern.stuffing.StuffingConfig;
import dev.cuddlies.pattern.stuffing.StuffingMode;
import dev.cuddlies.pattern.stuffing.StuffingReport;
import dev.cuddlies.pattern.stuffing.StuffingSimulator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.util.GeometricShapeFactory;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code bench --stuffing}: the simulator against its closed forms, the whole compensation's time
 * at the default size (one thread's CPU time, warm), and, given a folder of pictures, the silhouette
 * match with and without compensation for each. Prints Markdown for docs/benchmarks.md.
 */
final class StuffingBench {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private final PrintWriter out;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    StuffingBench(PrintWriter out) {
        this.out = out;
    }

    int run(int runs, int warmup, Path pictures) throws IOException, PatternException, OutlineException {
        out.printf(Locale.ROOT, "Stuffing, %d cores, Java %s; times are one thread's CPU time (wall in brackets).%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        timing(runs, warmup);
        closedForms();
        if (pictures != null) {
            cartoons(pictures);
        }
        return 0;
    }

    private void closedForms() {
        StuffingSimulator simulator = new StuffingSimulator(StuffingConfig.defaults().withFabric(Fabric.INEXTENSIBLE));
        GeometricShapeFactory f = new GeometricShapeFactory(GEOMETRY);
        f.setCentre(new Coordinate(0, 0));
        f.setSize(200);
        f.setNumPoints(720);
        long t0 = cpu();
        StuffedShape disc = simulator.simulate(f.createCircle(), StuffingMode.FIRM);
        long discMs = (cpu() - t0) / 1_000_000;
        double r = Math.sqrt(disc.frontSilhouette().getArea() / Math.PI);
        double w = 40;
        Polygon strip = GEOMETRY.toGeometry(new Envelope(-5 * w, 5 * w, -w / 2, w / 2)) instanceof Polygon p ? p : null;
        t0 = cpu();
        StuffedShape tube = simulator.simulate(strip, StuffingMode.FIRM);
        long tubeMs = (cpu() - t0) / 1_000_000;
        double across = tube.frontSilhouette().intersection(GEOMETRY.toGeometry(new Envelope(-w / 4, w / 4, -w, w)))
                .getEnvelopeInternal().getHeight();
        double thick = 0;
        for (double y = -w / 2; y <= w / 2; y += 0.25) {
            thick = Math.max(thick, tube.thickness().atMm(0, y));
        }
        out.println("| closed form | expected | simulated | error | CPU ms |");
        out.println("|---|---:|---:|---:|---:|");
        row("disc radius / a (Paulsen 1994)", 0.7627, r / 100, discMs);
        row("disc thickness / radius", 1.1981, disc.thicknessMm() / r, discMs);
        row("strip tube width / w (2/π)", 2 / Math.PI, across / w, tubeMs);
        row("strip tube thickness / w (2/π)", 2 / Math.PI, thick / w, tubeMs);
        out.println();
    }

    private void row(String what, double expected, double got, long ms) {
        out.printf(Locale.ROOT, "| %s | %.4f | %.4f | %+.1f %% | %d |%n", what, expected, got,
                100 * (got - expected) / expected, ms);
    }

    /** The whole compensation of the synthetic bear at the default 30 cm, warm. */
    private void timing(int runs, int warmup) throws IOException, PatternException, OutlineException {
        Outline outline = new OutlineEngine(OutlineConfig.defaults())
                .trace(SyntheticCartoon.png(SyntheticCartoon.draw(600, 420)));
        Polygon target = StuffingHook.millimetres(outline, PatternSpec.DEFAULT_HEIGHT_MM);
        StuffingCompensator compensator = new StuffingCompensator(StuffingConfig.defaults());
        // Cold: the first compensation in this JVM, as in a fresh Lambda container (the JIT has not
        // compiled the solver yet). Run this benchmark in a fresh JVM for that figure to mean that.
        long w0 = System.nanoTime();
        long c0 = cpu();
        compensator.compensate(target, StuffingMode.FIRM);
        out.printf(Locale.ROOT, "First compensation in a fresh JVM (cold): %.0f ms (%.0f).%n",
                (cpu() - c0) / 1e6, (System.nanoTime() - w0) / 1e6);
        for (int i = 0; i < warmup; i++) {
            compensator.compensate(target, StuffingMode.FIRM);
        }
        long[] cpu = new long[runs];
        long[] wall = new long[runs];
        Compensation last = null;
        for (int i = 0; i < runs; i++) {
            w0 = System.nanoTime();
            c0 = cpu();
            last = compensator.compensate(target, StuffingMode.FIRM);
            cpu[i] = cpu() - c0;
            wall[i] = System.nanoTime() - w0;
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        out.printf(Locale.ROOT, "Whole compensation, synthetic bear at %s (%d stuffed vertices, %d rounds, IoU %.3f): "
                        + "median %.0f ms (%.0f), p90 %.0f ms (%.0f) over %d warm runs.%n%n",
                Length.describeCm(PatternSpec.DEFAULT_HEIGHT_MM), last.stuffed().vertices().length / 3,
                last.rounds(), last.report().silhouetteIoU(), cpu[runs / 2] / 1e6, wall[runs / 2] / 1e6,
                cpu[(int) (runs * 0.9)] / 1e6, wall[(int) (runs * 0.9)] / 1e6, runs);
    }

    /** Every picture in the folder: traced, scaled to 30 cm, compensated (firm). */
    private void cartoons(Path folder) throws IOException {
        OutlineEngine engine = new OutlineEngine(OutlineConfig.defaults());
        StuffingCompensator compensator = new StuffingCompensator(StuffingConfig.defaults());
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        out.println("| picture | IoU uncompensated | IoU compensated | rounds | stuffed W x H x T cm | pattern area x | CPU ms |");
        out.println("|---|---:|---:|---:|---|---:|---:|");
        List<Double> compensated = new ArrayList<>();
        for (Path file : files) {
            Outline outline;
            Polygon target;
            try {
                outline = engine.trace(Files.readAllBytes(file));
                new PatternMaker().make(outline, PatternSpec.defaults());
                target = StuffingHook.millimetres(outline, PatternSpec.DEFAULT_HEIGHT_MM);
            } catch (OutlineException | PatternException e) {
                out.printf(Locale.ROOT, "| %s | refused by the outline or pattern step | | | | | |%n", file.getFileName());
                continue;
            }
            long c0 = cpu();
            Compensation c = compensator.compensate(target, StuffingMode.FIRM);
            long ms = (cpu() - c0) / 1_000_000;
            StuffingReport r = c.report();
            compensated.add(r.silhouetteIoU());
            out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %d | %.1f x %.1f x %.1f | %.2f | %d |%n", file.getFileName(),
                    r.silhouetteIoUUncompensated(), r.silhouetteIoU(), c.rounds(), r.predictedWidthMm() / 10,
                    r.predictedHeightMm() / 10, r.predictedThicknessMm() / 10,
                    c.stitchLineMm().getArea() / target.getArea(), ms);
        }
        long reached = compensated.stream().filter(v -> v >= 0.95).count();
        out.printf(Locale.ROOT, "%n%d of %d accepted pictures reach IoU >= 0.95 with compensation.%n", reached,
                compensated.size());
    }

    private long cpu() {
        return threads.getCurrentThreadCpuTime();
    }
}
