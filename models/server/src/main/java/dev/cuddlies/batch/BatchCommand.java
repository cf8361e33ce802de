package dev.cuddlies.batch;

import dev.cuddlies.outline.OutlineConfig;
import dev.cuddlies.outline.OutlineEngine;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code batch --input PATH --output DIR [--split-type None|Line|RecordIO]}: Batch Transform, locally. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Trace outlines for many pictures as a SageMaker Batch Transform job would.",
            "PATH: a folder of pictures, a .lst listing, a JSON Lines file ({\"image\":base64} or "
                    + "{\"source-ref\":path}), an augmented manifest, or a .rec RecordIO file (with or without .idx).",
            "Writes one <input>.out per input object, one result per record, in order."})
public final class BatchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "PATH", description = "input file or folder")
    private Path input;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "folder for the .out files")
    private Path output;

    @Option(names = "--split-type", paramLabel = "None|Line|RecordIO",
            description = "how each object splits into records (default: from the file name)")
    private String splitType;

    @Option(names = "--max-record-mb", defaultValue = "6", description = "largest record, MB (default: ${DEFAULT-VALUE})")
    private int maxRecordMb;

    @Override
    public Integer call() throws IOException {
        SplitType split;
        try {
            split = splitType == null ? null : SplitType.parse(splitType);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 2;
        }
        if (!java.nio.file.Files.exists(input)) {
            spec.commandLine().getErr().println("error: no such file or folder: " + input);
            return 2;
        }
        BatchRunner runner = new BatchRunner(new OutlineEngine(OutlineConfig.defaults()), maxRecordMb * 1_000_000L);
        long started = System.nanoTime();
        BatchRunner.Summary summary;
        if (System.console() != null) {
            long total = BatchRunner.estimateRecords(input);
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName("outlines").setInitialMax(Math.max(total, 0))
                    .setStyle(ProgressBarStyle.ASCII).build()) {
                summary = runner.run(input, output, split, bar::stepTo);
            }
        } else {
            summary = runner.run(input, output, split, n -> { });
        }
        var out = spec.commandLine().getOut();
        summary.problems().forEach(p -> out.println("  " + p));
        if (summary.problemsNotShown() > 0) {
            out.println("  … and " + summary.problemsNotShown() + " more in the .out files");
        }
        out.printf(Locale.ROOT, "batch: %d object%s (%d unreadable), %d records, %d ok, %d failed, %.1f s -> %s%n",
                summary.objects(), summary.objects() == 1 ? "" : "s", summary.objectsFailed(), summary.records(),
                summary.records() - summary.recordsFailed(), summary.recordsFailed(),
                (System.nanoTime() - started) / 1e9, output);
        return summary.objectsFailed() > 0 ? 1 : 0;
    }
}
