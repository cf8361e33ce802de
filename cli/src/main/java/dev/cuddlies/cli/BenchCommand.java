package dev.cuddlies.cli;

import dev.cuddlies.fixtures.HeapPeaks;
import dev.cuddlies.fixtures.SyntheticCartoon;
import dev.cuddlies.outline.Outline;
import dev.cuddlies.outline.OutlineConfig;
import dev.cuddlies.outline.OutlineEngine;
import dev.cuddlies.pattern.Pattern;
import dev.cuddlies.pattern.PatternFiles;
import dev.cuddlies.pattern.PatternMaker;
import dev.cuddlies.pattern.PatternOutcome;
import dev.cuddlies.pattern.PatternSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code bench}: outline time and peak heap per picture at about 0.25, 2.5 and 16 megapixels, and
 * pattern-building time, warm, in this JVM. Prints a Markdown table for docs/benchmarks.md. (The
 * model server's own benchmark is in its module: scripts/bench-server.sh.)
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure outline and pattern speed and memory on synthetic cartoons (prints Markdown); "
                + "--stuffing the stuffing simulation.")
final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--runs", defaultValue = "30", description = "measured runs per size (default: ${DEFAULT-VALUE})")
    private int runs;

    @Option(names = "--warmup", defaultValue = "40", description = "warm-up runs per size (default: ${DEFAULT-VALUE}); "
            + "fewer leaves the JIT compiling during the measured runs")
    private int warmup;

    @Option(names = "--stuffing", description = "measure stuffing instead: the closed forms, the whole compensation "
            + "at 30 cm, and with --cartoons the silhouette match per picture")
    private boolean stuffing;

    @Option(names = "--cartoons", paramLabel = "DIR", description = "with --stuffing: a folder of pictures to measure")
    private java.nio.file.Path cartoons;

    private record Size(String label, int width, int height, boolean jpeg) {
    }

    @Override
    public Integer call() throws Exception {
        if (stuffing) {
            return new StuffingBench(spec.commandLine().getOut()).run(runs, warmup, cartoons);
        }
        PrintWriter out = spec.commandLine().getOut();
        List<Size> sizes = List.of(new Size("0.25 MP PNG", 600, 420, false),
                new Size("2.5 MP PNG", 1900, 1320, false), new Size("16 MP JPEG", 4900, 3270, true));
        OutlineEngine engine = new OutlineEngine(OutlineConfig.defaults());
        out.printf(Locale.ROOT, "Measured %s, %d cores, Java %s, max heap %d MB; median of %d warm runs.%n%n",
                LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), runs);
        out.println("| picture | bytes | outline median ms | p90 ms | peak heap MB | decode / segment / contour ms |");
        out.println("|---|---:|---:|---:|---:|---|");
        Outline last = null;
        for (Size size : sizes) {
            var img = SyntheticCartoon.draw(size.width, size.height);
            byte[] bytes = size.jpeg ? SyntheticCartoon.jpeg(img, 0.85f) : SyntheticCartoon.png(img);
            img = null;
            for (int i = 0; i < warmup; i++) {
                engine.trace(bytes);
            }
            long[] times = new long[runs];
            long peak = 0;
            for (int i = 0; i < runs; i++) {
                System.gc();
                HeapPeaks.reset();
                long t0 = System.nanoTime();
                last = engine.trace(bytes);
                times[i] = System.nanoTime() - t0;
                peak = Math.max(peak, HeapPeaks.bytes());
            }
            Arrays.sort(times);
            out.printf(Locale.ROOT, "| %s (%dx%d) | %d | %.1f | %.1f | %.0f | %s |%n", size.label, size.width,
                    size.height, bytes.length, times[runs / 2] / 1e6, times[(int) (runs * 0.9)] / 1e6,
                    peak / 1048576.0, last.timingsMs());
        }

        PatternMaker maker = new PatternMaker();
        PatternSpec patternSpec = PatternSpec.defaults();
        for (int i = 0; i < warmup; i++) {
            PatternFiles.render(last, made(maker.make(last, patternSpec)));
        }
        long[] make = new long[runs];
        long[] render = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            Pattern pattern = made(maker.make(last, patternSpec));
            long t1 = System.nanoTime();
            PatternFiles.render(last, pattern);
            make[i] = t1 - t0;
            render[i] = System.nanoTime() - t1;
        }
        Arrays.sort(make);
        Arrays.sort(render);
        out.printf(Locale.ROOT, "%nPattern (30 cm, %d outline points): geometry median %.1f ms, "
                        + "PDF+SVG+JSON+DXF+PNG files median %.1f ms.%n", last.outline().size(), make[runs / 2] / 1e6,
                render[runs / 2] / 1e6);
        return 0;
    }

    private static Pattern made(PatternOutcome outcome) {
        if (outcome instanceof PatternOutcome.Made m) {
            return m.pattern();
        }
        throw new IllegalStateException("the benchmark figure needs a bigger size: " + outcome);
    }
}
