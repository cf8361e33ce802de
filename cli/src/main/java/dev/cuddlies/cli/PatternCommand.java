package dev.cuddlies.cli;

import dev.cuddlies.cli.CuddliesCli.UserError;
import dev.cuddlies.outline.Outline;
import dev.cuddlies.outline.OutlineConfig;
import dev.cuddlies.outline.OutlineJson;
import dev.cuddlies.pattern.Length;
import dev.cuddlies.pattern.Paper;
import dev.cuddlies.pattern.Pattern;
import dev.cuddlies.pattern.PatternException;
import dev.cuddlies.pattern.PatternFiles;
import dev.cuddlies.pattern.Change;
import dev.cuddlies.pattern.PatternMaker;
import dev.cuddlies.pattern.PatternOutcome;
import dev.cuddlies.pattern.PatternSpec;
import dev.cuddlies.pattern.Piece;
import dev.cuddlies.pattern.stuffing.StuffingMode;
import dev.cuddlies.pattern.stuffing.StuffingReport;
import dev.cuddlies.pattern.stuffing.StuffingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code pattern IMAGE -o DIR [...]}: a printable plush pattern from a picture (or its outline.json). */
@Command(name = "pattern", mixinStandardHelpOptions = true,
        description = "Make a real-size plush sewing pattern (PDF with instructions, SVG, JSON, DXF-AAMA,"
                + " cutter SVG, outline, preview) from a picture.")
final class PatternCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "IMAGE", description = "the picture, or an outline.json made earlier")
    private Path image;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "folder for the pattern files")
    private Path output;

    @Option(names = "--height", defaultValue = "30cm", paramLabel = "LENGTH",
            description = "finished height, e.g. 30cm, 250mm, 12in (default: ${DEFAULT-VALUE})")
    private String height;

    @Option(names = "--seam", defaultValue = "6mm", paramLabel = "LENGTH",
            description = "seam allowance (default: ${DEFAULT-VALUE})")
    private String seam;

    @Option(names = "--paper", defaultValue = "a4", paramLabel = "a4|letter", description = "paper size (default: ${DEFAULT-VALUE})")
    private String paper;

    @Option(names = "--gusset", defaultValue = "0", paramLabel = "WIDTH",
            description = "add a side gusset strip this wide, e.g. 5cm; 0 = none (default)")
    private String gusset;

    @Option(names = "--stuffing", defaultValue = "firm", paramLabel = "firm|soft|off",
            description = "enlarge the pattern so the toy, stuffed firm or soft, looks like the picture; off cuts "
                    + "the outline as traced (and still predicts the stuffed toy); writes stuffed.png (default: ${DEFAULT-VALUE})")
    private String stuffing;

    @Override
    public Integer call() {
        PatternSpec patternSpec = specFromOptions();
        Outline outline = image.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                ? readOutline(image) : OutlineCommand.trace(image, OutlineConfig.DEFAULT_SIMPLIFY_PX);
        Pattern pattern;
        Map<String, byte[]> files;
        try {
            PatternOutcome outcome = new PatternMaker().make(outline, patternSpec);
            if (outcome instanceof PatternOutcome.NeedsBiggerSize bigger) {
                throw new UserError(biggerSize(bigger));
            }
            pattern = ((PatternOutcome.Made) outcome).pattern();
            files = PatternFiles.render(outline, pattern);
        } catch (PatternException e) {
            throw new UserError(e.getMessage());
        } catch (IOException e) {
            throw new UserError("could not draw the pattern (" + e.getClass().getSimpleName() + ")");
        }
        AtomicOutput.writeFolder(output, files);
        int sheets = pattern.sheets().sheetCount();
        var out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "pattern: %s%n", output);
        out.printf(Locale.ROOT, "  %s tall x %s wide; pieces: %s%n", Length.describeCm(pattern.toyHeightMm()),
                Length.describeCm(pattern.toyWidthMm()),
                String.join(", ", pattern.pieces().stream().map(Piece::title).toList()));
        out.printf(Locale.ROOT, "  seam %s long, %s allowance; PDF: instructions + %d %s sheet%s%n",
                Length.describeCm(pattern.stitchPerimeterMm()), patternSpec.seam().describe(), sheets,
                patternSpec.paper().name(), sheets == 1 ? "" : "s");
        StuffingResult stuffing = pattern.stuffing();
        if (stuffing.report().isPresent()) {
            StuffingReport r = stuffing.report().get();
            out.printf(Locale.ROOT, "  stuffed %s (%s): %s tall x %s wide x %s thick; silhouette match %.0f%% (%.0f%% uncompensated)%s%n",
                    r.mode().word(), stuffing.status().word(), Length.describeCm(r.predictedHeightMm()),
                    Length.describeCm(r.predictedWidthMm()), Length.describeCm(r.predictedThicknessMm()),
                    100 * r.silhouetteIoU(), 100 * r.silhouetteIoUUncompensated(),
                    stuffing.status().enlarged() ? "; pieces enlarged to " + Length.describeCm(pattern.figureHeightMm()) + " tall" : "");
        } else {
            out.printf(Locale.ROOT, "  stuffing %s: %s, the outline is cut as traced%n", stuffing.mode().word(),
                    stuffing.status().word());
        }
        for (Outline.Warning w : outline.warnings()) {
            out.println("  outline: " + w.describe());
        }
        for (Change c : pattern.changes()) {
            out.printf(Locale.ROOT, "  pattern: %s x%d%n", c.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), c.count());
        }
        if (!pattern.changes().isEmpty()) {
            out.printf(Locale.ROOT, "  pattern: outline changed by %.0f%% of its area to be sewable%n", pattern.changedShare() * 100);
        }
        return 0;
    }

    private PatternSpec specFromOptions() {
        try {
            return PatternSpec.defaults()
                    .withHeightMm(Length.parseMm(height))
                    .withSeam(Length.parse(seam))
                    .withGussetWidthMm(Length.parseMm(gusset))
                    .withPaper(Paper.parse(paper))
                    .withStuffing(StuffingMode.parse(stuffing))
                    .checkValidity();
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** The change rounded up, so a change just over the limit never reads as the limit itself. */
    private static String biggerSize(PatternOutcome.NeedsBiggerSize b) {
        String at = String.format(Locale.ROOT, "at %s the shape would change by %.0f%% to be sewable",
                Length.describeCm(b.requestedHeightMm()), Math.ceil(Math.min(1, b.changedShare()) * 100));
        return b.keepsShapeAtMm().isPresent()
                ? at + String.format(Locale.ROOT, "; at %s it keeps its shape (--height %.0fcm)",
                        Length.describeCm(b.keepsShapeAtMm().getAsDouble()), b.keepsShapeAtMm().getAsDouble() / 10)
                : at + ", and at every size up to " + Length.describeCm(PatternMaker.MAX_SUGGESTED_HEIGHT_MM);
    }

    private static Outline readOutline(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new UserError("no such file: " + path);
        }
        try {
            return OutlineJson.read(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UserError(path.getFileName() + " is not an outline file: " + e.getMessage());
        }
    }
}
