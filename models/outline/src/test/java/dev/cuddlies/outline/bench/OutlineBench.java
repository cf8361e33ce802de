package dev.cuddlies.outline.bench;

import dev.cuddlies.outline.Outline;
import dev.cuddlies.outline.OutlineConfig;
import dev.cuddlies.outline.OutlineEngine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The engine's side of scripts/bench-outline.sh: each file's bytes are read once, then traced
 * {@code WARMUP} times unmeasured and {@code RUNS} times measured (decode included, one thread).
 * Prints one line per file: name, median ms, minimum ms, the last run's stage timings.
 * {@code OutlineBench [--handshake] WARMUP RUNS FILE...}. With {@code --handshake} (for an instruction
 * count under callgrind, whose instrumentation the script switches on and off from outside), it
 * prints {@code WARM} after the warm-up and {@code MEASURED} after the measured runs, and each time
 * waits for a line on its input before going on.
 */
public final class OutlineBench {

    private OutlineBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean handshake = args[0].equals("--handshake");
        int first = handshake ? 1 : 0;
        int warmup = Integer.parseInt(args[first]);
        int runs = Integer.parseInt(args[first + 1]);
        List<Path> files = new ArrayList<>();
        for (int i = first + 2; i < args.length; i++) {
            files.add(Path.of(args[i]));
        }
        OutlineEngine engine = new OutlineEngine(OutlineConfig.defaults());
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            Outline last = null;
            for (int i = 0; i < warmup; i++) {
                last = engine.trace(bytes);
            }
            if (handshake) {
                await("WARM");
            }
            long[] times = new long[runs];
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                last = engine.trace(bytes);
                times[i] = System.nanoTime() - t0;
            }
            if (handshake) {
                await("MEASURED");
            }
            Arrays.sort(times);
            System.out.printf(Locale.ROOT, "%s %.2f %.2f %s%n", file.getFileName(), times[runs / 2] / 1e6,
                    times[0] / 1e6, last.timingsMs().toString().replace(" ", ""));
        }
    }

    /**
     * Says where it is and waits for the go-ahead. It polls rather than blocking in a read: callgrind
     * takes commands only while the program runs.
     */
    private static void await(String stage) throws Exception {
        System.out.println(stage);
        System.out.flush();
        while (System.in.available() == 0) {
            Thread.sleep(20);
        }
        while (System.in.available() > 0 && System.in.read() != '\n') {
            // the rest of the go-ahead line
        }
    }
}
