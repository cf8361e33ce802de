package dev.cuddlies.cli;

import dev.cuddlies.fixtures.SyntheticCartoon;
import dev.cuddlies.outline.Outline;
import dev.cuddlies.outline.OutlineConfig;
import dev.cuddlies.outline.OutlineEngine;
import dev.cuddlies.outline.OutlineException;
import dev.cuddlies.pattern.Length;
import dev.cuddlies.pattern.Pattern;
import dev.cuddlies.pattern.PatternException;
import dev.cuddlies.pattern.PatternFiles;
import dev.cuddlies.pattern.PatternOutcome;
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
import java.time.Duration;
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

    /**
     * The whole make path at the default 30 cm (pattern maker with stuffing, then every file drawn),
     * for the synthetic bear: the first in this JVM (cold, as in a fresh Lambda container; run this
     * benchmark in a fresh JVM for that to mean that), then warm with stuffing firm and with stuffing
     * not run, and the compensation alone.
     */
    private void timing(int runs, int warmup) throws IOException, PatternException, OutlineException {
        Outline outline = new OutlineEngine(OutlineConfig.defaults())
                .trace(SyntheticCartoon.png(SyntheticCartoon.draw(600, 420)));
        PatternSpec firm = PatternSpec.defaults();
        long w0 = System.nanoTime();
        long c0 = cpu();
        Pattern first = makePath(outline, firm, PatternMaker.UNLIMITED);
        out.printf(Locale.ROOT, "First make path in a fresh JVM (cold), stuffing %s: %.0f ms CPU (%.0f wall).%n",
                first.stuffing().status().word(), (cpu() - c0) / 1e6, (System.nanoTime() - w0) / 1e6);
        out.println();
        out.println("| warm, synthetic bear at 30 cm | CPU median ms | wall median ms | CPU p90 ms | stuffing |");
        out.println("|---|---:|---:|---:|---|");
        measure("make path, stuffing firm", runs, warmup, () -> makePath(outline, firm, PatternMaker.UNLIMITED));
        measure("make path, stuffing not run", runs, warmup, () -> makePath(outline, firm, Duration.ZERO));
        Polygon target = millimetres(outline);
        StuffingCompensator compensator = new StuffingCompensator(StuffingConfig.defaults());
        measure("compensation alone", runs, warmup, () -> {
            compensator.compensate(target, StuffingMode.FIRM);
            return null;
        });
        out.println();
    }

    private interface Step {
        Pattern run() throws IOException, PatternException;
    }

    private void measure(String what, int runs, int warmup, Step step) throws IOException, PatternException {
        for (int i = 0; i < warmup; i++) {
            step.run();
        }
        long[] cpu = new long[runs];
        long[] wall = new long[runs];
        Pattern last = null;
        for (int i = 0; i < runs; i++) {
            long w0 = System.nanoTime();
            long c0 = cpu();
            last = step.run();
            cpu[i] = cpu() - c0;
            wall[i] = System.nanoTime() - w0;
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        String stuffing = last == null ? "" : last.stuffing().status().word();
        if (last != null && last.stuffing().report().isPresent()) {
            stuffing = String.format(Locale.ROOT, "%s, IoU %.3f, %d rounds", last.stuffing().status().word(),
                    last.stuffing().report().get().silhouetteIoU(), last.stuffing().rounds());
        }
        out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %s |%n", what, cpu[runs / 2] / 1e6, wall[runs / 2] / 1e6,
                cpu[(int) (runs * 0.9)] / 1e6, stuffing);
    }

    /** The pattern maker and every file drawn: what the skill does between the outline and storage. */
    private static Pattern makePath(Outline outline, PatternSpec spec, Duration stuffingTime)
            throws IOException, PatternException {
        PatternOutcome outcome = new PatternMaker().make(outline, spec, stuffingTime);
        if (!(outcome instanceof PatternOutcome.Made made)) {
            throw new PatternException("the synthetic bear needs a bigger size");
        }
        PatternFiles.render(outline, made.pattern());
        return made.pattern();
    }

    /** Every picture in the folder: traced and made into a pattern at 30 cm, stuffing firm, as the skill does. */
    private void cartoons(Path folder) throws IOException {
        OutlineEngine engine = new OutlineEngine(OutlineConfig.defaults());
        StuffingCompensator compensator = new StuffingCompensator(StuffingConfig.defaults());
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        out.println("| picture | IoU uncompensated | IoU compensated | status | rounds | stuffed W x H x T cm | "
                + "pattern height cm | make CPU ms |");
        out.println("|---|---:|---:|---|---:|---|---:|---:|");
        List<Double> compensated = new ArrayList<>();
        for (Path file : files) {
            Outline outline;
            try {
                outline = engine.trace(Files.readAllBytes(file));
            } catch (OutlineException e) {
                out.printf(Locale.ROOT, "| %s | refused by the outline step | | | | | | |%n", file.getFileName());
                continue;
            }
            long c0 = cpu();
            PatternOutcome outcome;
            try {
                outcome = new PatternMaker().make(outline, PatternSpec.defaults());
            } catch (PatternException e) {
                out.printf(Locale.ROOT, "| %s | refused by the pattern step | | | | | | |%n", file.getFileName());
                continue;
            }
            long ms = (cpu() - c0) / 1_000_000;
            if (!(outcome instanceof PatternOutcome.Made made)) {
                out.printf(Locale.ROOT, "| %s | needs a bigger size | | | | | | %d |%n", file.getFileName(), ms);
                continue;
            }
            Pattern p = made.pattern();
            StuffingReport r = p.stuffing().report().orElseThrow();
            compensated.add(r.silhouetteIoU());
            out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %s | %d | %.1f x %.1f x %.1f | %.1f | %d |%n", file.getFileName(),
                    r.silhouetteIoUUncompensated(), r.silhouetteIoU(), p.stuffing().status().word(), p.stuffing().rounds(),
                    r.predictedWidthMm() / 10, r.predictedHeightMm() / 10, r.predictedThicknessMm() / 10,
                    p.figureHeightMm() / 10, ms);
        }
        long reached = compensated.stream().filter(v -> v >= 0.95).count();
        out.printf(Locale.ROOT, "%n%d of %d accepted pictures reach IoU >= 0.95 with compensation.%n", reached,
                compensated.size());
    }

    /** The traced outline at the default height, mm, as the pattern maker's stuffing stage sees it. */
    private static Polygon millimetres(Outline outline) throws PatternException {
        return PatternMaker.toMillimetres(outline, PatternSpec.DEFAULT_HEIGHT_MM);
    }

    private long cpu() {
        return threads.getCurrentThreadCpuTime();
    }
}
