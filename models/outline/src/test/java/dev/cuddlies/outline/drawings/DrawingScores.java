package dev.cuddlies.outline.drawings;

import dev.cuddlies.fixtures.SharedSet;
import dev.cuddlies.outline.Outline;
import dev.cuddlies.outline.OutlineConfig;
import dev.cuddlies.outline.OutlineEngine;
import dev.cuddlies.outline.OutlineException;
import dev.cuddlies.outline.Scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Mean IoU per group of the engine on the synthetic drawings, computed in-process (score.py's rule). */
public final class DrawingScores {

    private DrawingScores() {
    }

    /** Traces every drawing; a refused picture scores 0. */
    public static Map<String, List<Double>> score(List<Drawing> drawings, boolean verbose) {
        OutlineEngine engine = new OutlineEngine(OutlineConfig.defaults());
        Map<String, List<Double>> byGroup = new TreeMap<>();
        for (Drawing d : drawings) {
            double iou;
            String note = "";
            try {
                Outline o = engine.trace(d.encoded());
                iou = Scoring.iou(o, d.truth());
                note = o.warnings().toString();
            } catch (OutlineException e) {
                iou = 0;
                note = e.getMessage();
            }
            if (verbose) {
                System.out.printf(Locale.ROOT, "%-28s %.4f %s%n", d.name(), iou, note);
            }
            byGroup.computeIfAbsent(d.group(), g -> new ArrayList<>()).add(iou);
        }
        return byGroup;
    }

    static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    /** {@code DrawingScores tuning|held_out PER_GROUP}: prints per-picture and per-group IoU. */
    public static void main(String[] args) throws Exception {
        DrawingSet.Split split = DrawingSet.Split.valueOf(args[0].toUpperCase());
        int perGroup = Integer.parseInt(args[1]);
        List<Drawing> drawings = DrawingSet.generate(SharedSet.requireCartoons(), split, perGroup);
        Map<String, List<Double>> byGroup = score(drawings, true);
        List<Double> all = new ArrayList<>();
        byGroup.forEach((g, v) -> {
            System.out.printf(Locale.ROOT, "%-14s n=%d mean IoU %.4f%n", g, v.size(), mean(v));
            all.addAll(v);
        });
        System.out.printf(Locale.ROOT, "%-14s n=%d mean IoU %.4f%n", "overall", all.size(), mean(all));
    }
}
