package dev.cuddlies.pattern;

import dev.cuddlies.outline.Outline;
import dev.cuddlies.outline.OutlineJson;
import dev.cuddlies.pattern.render.CutSvgWriter;
import dev.cuddlies.pattern.render.Drawing;
import dev.cuddlies.pattern.render.DxfWriter;
import dev.cuddlies.pattern.render.PatternDrawing;
import dev.cuddlies.pattern.render.PdfWriter;
import dev.cuddlies.pattern.render.PreviewWriter;
import dev.cuddlies.pattern.render.SvgWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files a pattern is delivered as: {@code pattern.pdf} (instructions, assembly map, sheets),
 * {@code pattern.svg}, {@code pattern.json} (the pattern as data), {@code pattern.dxf} (DXF-AAMA for
 * garment CAD and cutting tables), {@code pattern-cut.svg} (cut lines only, for cutting machines),
 * {@code outline.json}, {@code preview.png} and, when stuffing was simulated, {@code stuffed.png} (the
 * stuffed toy beside the outline). Made from the outline and the pattern only: no pixel of the picture.
 */
public final class PatternFiles {

    public static final String PDF = "pattern.pdf";
    public static final String SVG = "pattern.svg";
    public static final String JSON = "pattern.json";
    public static final String DXF = "pattern.dxf";
    public static final String CUT_SVG = "pattern-cut.svg";
    public static final String OUTLINE = "outline.json";
    public static final String PREVIEW = "preview.png";
    public static final String STUFFED = "stuffed.png";

    private PatternFiles() {
    }

    /**
     * The drawn files and what the parent will print.
     *
     * @param files    file name → content, in a stable order
     * @param pdfPages the PDF's pages (the instructions may take more than one)
     */
    public record Rendered(Map<String, byte[]> files, int pdfPages) {
    }

    /** File name → content, in a stable order. */
    public static Map<String, byte[]> render(Outline outline, Pattern pattern) throws IOException {
        return draw(outline, pattern).files();
    }

    /** Every file of the pattern, with the PDF's page count. */
    public static Rendered draw(Outline outline, Pattern pattern) throws IOException {
        Drawing drawing = PatternDrawing.of(pattern);
        String title = "Cuddlies pattern, " + Length.describeCm(pattern.spec().heightMm());
        Map<String, byte[]> files = new LinkedHashMap<>();
        PdfWriter.Written pdf = new PdfWriter().write(drawing, pattern, title);
        files.put(PDF, pdf.bytes());
        files.put(SVG, SvgWriter.write(drawing));
        files.put(JSON, PatternJson.write(pattern));
        files.put(DXF, DxfWriter.write(pattern, title));
        files.put(CUT_SVG, CutSvgWriter.write(pattern));
        files.put(OUTLINE, OutlineJson.write(outline).getBytes(StandardCharsets.UTF_8));
        files.put(PREVIEW, PreviewWriter.write(drawing));
        pattern.stuffing().previewPng().ifPresent(png -> files.put(STUFFED, png));
        return new Rendered(files, pdf.pages());
    }
}
