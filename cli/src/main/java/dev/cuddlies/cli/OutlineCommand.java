package dev.cuddlies.cli;

import dev.cuddlies.cli.CuddliesCli.UserError;
import dev.cuddlies.outline.Outline;
import dev.cuddlies.outline.OutlineConfig;
import dev.cuddlies.outline.OutlineEngine;
import dev.cuddlies.outline.OutlineException;
import dev.cuddlies.outline.OutlineJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code outline IMAGE [--json OUT.json] [--mask OUT.png]}: trace the figure of a picture. */
@Command(name = "outline", mixinStandardHelpOptions = true,
        description = "Trace the outline of the main figure of a picture (PNG, JPEG, GIF, BMP, WebP).")
final class OutlineCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "IMAGE", description = "the picture")
    private Path image;

    @Option(names = "--json", paramLabel = "OUT.json", description = "write the outline JSON here (default: print it)")
    private Path json;

    @Option(names = "--mask", paramLabel = "OUT.png", description = "also write the silhouette as a black-and-white PNG")
    private Path mask;

    @Option(names = "--simplify", paramLabel = "PX", defaultValue = "0.5",
            description = "contour simplification tolerance in pixels (default: ${DEFAULT-VALUE})")
    private double simplify;

    @Override
    public Integer call() {
        Outline outline = trace(image, simplify);
        String text = OutlineJson.write(outline);
        if (json != null) {
            AtomicOutput.writeFile(json, (text + "\n").getBytes(StandardCharsets.UTF_8));
        }
        if (mask != null) {
            AtomicOutput.writeFile(mask, maskPng(outline));
        }
        if (json == null) {
            spec.commandLine().getOut().println(text);
        } else {
            spec.commandLine().getOut().printf("outline: %d points, %.0f px², %s%n", outline.outline().size(),
                    outline.areaPx(), outline.warnings().isEmpty() ? "no warnings" : String.join("; ", outline.warnings().stream().map(Outline.Warning::describe).toList()));
        }
        return 0;
    }

    static Outline trace(Path image, double simplify) {
        OutlineConfig config;
        try {
            config = OutlineConfig.defaults().withSimplifyPx(simplify).checkValidity();
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        try {
            return new OutlineEngine(config).trace(Inputs.readPicture(image));
        } catch (OutlineException e) {
            throw new UserError(image.getFileName() + ": " + e.getMessage());
        }
    }

    /** The outline filled white on black at the picture's size (pixel centres at integer coordinates). */
    private static byte[] maskPng(Outline outline) {
        BufferedImage img = new BufferedImage(outline.width(), outline.height(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        try {
            Path2D.Double path = new Path2D.Double();
            boolean first = true;
            for (Outline.Point p : outline.outline()) {
                // Java2D pixel (i, j) has its centre at (i + 0.5, j + 0.5).
                if (first) {
                    path.moveTo(p.x() + 0.5, p.y() + 0.5);
                    first = false;
                } else {
                    path.lineTo(p.x() + 0.5, p.y() + 0.5);
                }
            }
            path.closePath();
            g.setColor(Color.WHITE);
            g.fill(path);
            g.setStroke(new BasicStroke(1f));
            g.draw(path);
        } finally {
            g.dispose();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
