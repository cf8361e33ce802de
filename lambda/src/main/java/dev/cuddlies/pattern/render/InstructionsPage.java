package dev.cuddlies.pattern.render;

import dev.cuddlies.pattern.Change;
import dev.cuddlies.pattern.FabricLayout;
import dev.cuddlies.pattern.Length;
import dev.cuddlies.pattern.Lettering;
import dev.cuddlies.pattern.Pattern;
import dev.cuddlies.pattern.Piece;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.locationtech.jts.geom.Coordinate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The instructions page(s) at the front of the PDF: the pieces and how many to cut, fabric (the pieces
 * nested on 110 cm and 150 cm wide fabric, drawn), stuffing, what was changed to make the shape sewable,
 * the steps, and a child-safety note. Text is wrapped to the measured width of the page, and flows onto
 * a further page when it does not fit.
 */
final class InstructionsPage {

    private static final double MARGIN_MM = 12;
    private static final double BODY_MM = 3.4;
    private static final double HEADING_MM = 4.6;
    private static final double TITLE_MM = 7;
    private static final double LINE_SHARE = 1.35;
    private static final double FABRIC_DRAWING_MM = 62;

    private final PdfWriter pdf;
    private PDDocument doc;
    private PDPageContentStream cs;
    private float pageW;
    private float pageH;
    private double y;

    InstructionsPage(PdfWriter pdf) {
        this.pdf = pdf;
    }

    void write(PDDocument doc, Pattern p, float pageW, float pageH) throws IOException {
        this.doc = doc;
        this.pageW = pageW;
        this.pageH = pageH;
        newPage();
        try {
            line("How to sew your cuddlie", TITLE_MM, 0);
            paragraph(String.format(Locale.ROOT, "%s tall and %s wide when sewn (before stuffing). %s.",
                    Length.describeCm(p.figureHeightMm()), Length.describeCm(p.figureWidthMm()),
                    capitalised(p.seamNote())));
            paragraph(StuffingWords.of(p.stuffing()));

            heading("Pieces");
            for (Piece piece : p.pieces()) {
                bullet(piece.title() + describe(piece));
            }
            int lines = p.pieces().stream().mapToInt(x -> x.embroidery().size()).sum();
            if (lines > 0) {
                bullet(String.format(Locale.ROOT, "%d dotted line%s on the FRONT to embroider.", lines, lines == 1 ? "" : "s"));
            }

            heading("You need");
            for (FabricLayout f : p.fabric()) {
                bullet(f.fits()
                        ? String.format(Locale.ROOT, "Fabric %s wide: %s (the pieces take %s; laid as drawn below, single"
                                + " layer, grain arrows along the selvage).", Length.describeCm(f.fabricWidthMm()),
                                Length.describeCm(f.lengthToBuyMm()), Length.describeCm(f.lengthMm()))
                        : String.format(Locale.ROOT, "Fabric %s wide is too narrow for the largest piece: join two widths.",
                                Length.describeCm(f.fabricWidthMm())));
            }
            bullet(String.format(Locale.ROOT, "Stuffing: about %.0f g of polyester fibrefill for a firm toy, %.0f g for a"
                    + " soft one (an estimate from the pieces' size, about %.1f litres stuffed).",
                    p.fill().firmGrams(), p.fill().softGrams(), p.fill().volumeCm3() / 1000));
            bullet("Thread to match, embroidery floss for the face, pins, sharp scissors, a chopstick to turn and stuff.");

            if (!p.changes().isEmpty()) {
                heading("Changed to make it sewable");
                for (Change c : p.changes()) {
                    bullet(changeWords(c, p));
                }
                paragraph(String.format(Locale.ROOT, "Altogether the outline changed by %.0f%% of its area.",
                        p.changedShare() * 100));
            }

            heading("Steps");
            int n = 1;
            for (String step : steps(p)) {
                numbered(n++, step);
            }

            heading("Safety");
            paragraph("For a child under 3: embroider the eyes, nose and mouth (no buttons, beads or safety eyes),"
                    + " sew on no loose parts, ribbons or bells, and use only fibrefill that meets toy-safety rules."
                    + " Sew every seam twice where it will be pulled, check all seams by tugging before giving the toy,"
                    + " and check them again from time to time.");

            fabricDrawings(p);
        } finally {
            cs.close();
        }
    }

    private static String describe(Piece piece) {
        return switch (piece.kind()) {
            case FRONT -> piece.placements().isEmpty() ? "" : ": the letters mark where parts are sewn in.";
            case BACK -> ": the front seen from behind.";
            case PART -> ": a small part, sewn into the body seam between the two marks " + letter(piece) + ".";
            case CORD -> ": a cord, folded lengthwise and sewn into the body seam at mark " + letter(piece) + ".";
            case GUSSET -> ": the strip between front and back.";
        };
    }

    private static String letter(Piece piece) {
        return piece.name().substring(piece.name().length() - 1);
    }

    private static String changeWords(Change c, Pattern p) {
        String min = Length.describeCm(p.spec().minWidthMm());
        String n = String.valueOf(c.count());
        boolean one = c.count() == 1;
        return switch (c.kind()) {
            case WIDENED -> n + " thin part" + (one ? " was" : "s were") + " widened to " + min + " so "
                    + (one ? "it" : "they") + " can be turned.";
            case SEPARATE_PART -> n + " thin part" + (one ? " is" : "s are") + " cut separately and sewn into the seam,"
                    + " so neighbouring parts do not merge.";
            case CORD -> n + " thin line" + (one ? " becomes a cord" : "s become cords") + ".";
            case EMBROIDERED -> n + " thin line" + (one ? " is" : "s are") + " embroidered instead of cut.";
            case ROUNDED_POINT -> n + " sharp point" + (one ? " was" : "s were") + " rounded (narrower than " + min + ").";
            case SLIT_CLOSED -> n + " slit" + (one ? " was" : "s were") + " closed: narrower than two seam allowances.";
            case DROPPED -> n + " speck" + (one ? " or short line was" : "s or short lines were") + " left out.";
        };
    }

    private static List<String> steps(Pattern p) {
        List<String> s = new ArrayList<>();
        s.add(p.sheets().sheetCount() > 1
                ? "Print every sheet at 100% (actual size) and check the 5 cm square. Tape the sheets together as the"
                        + " assembly map shows, matching the marks on the dashed lines."
                : "Print at 100% (actual size) and check the 5 cm square.");
        s.add("Cut each piece on its solid line, as many times as it says, with the grain arrow along the fabric's"
                + " selvage. Snip the notches (a few millimetres into the seam allowance only).");
        if (p.pieces().stream().anyMatch(x -> !x.embroidery().isEmpty())) {
            s.add("Embroider the dotted lines on the FRONT (back stitch or satin stitch), and the face, before sewing.");
        }
        if (p.pieces().stream().anyMatch(x -> x.kind() == Piece.Kind.PART)) {
            s.add("Sew each PART's two pieces right sides together on the dashed line, leaving the straight open end"
                    + " open. Clip the curves, turn, and stuff lightly.");
        }
        if (p.pieces().stream().anyMatch(x -> x.kind() == Piece.Kind.CORD)) {
            s.add("Fold each CORD lengthwise, right sides together, sew its long side and far end, and turn it with a"
                    + " loop turner or a safety pin.");
        }
        if (p.pieces().stream().anyMatch(x -> x.kind() == Piece.Kind.PART || x.kind() == Piece.Kind.CORD)) {
            s.add("Pin each part and cord on the FRONT, right sides together, pointing inwards, its open end in the seam"
                    + " allowance between the marks with its letter. Tack it in place.");
        }
        if (p.hasGusset()) {
            s.add("Sew the GUSSET to the FRONT, right sides together, matching the numbered notches. Then sew it to the"
                    + " BACK the same way, leaving open the stretch marked \"leave open to turn\" on the BACK.");
        } else {
            s.add("Lay the BACK on the FRONT, right sides together, matching the numbered notches. Sew on the dashed"
                    + " line all round, leaving open the stretch marked \"leave open to turn\".");
        }
        s.add("Clip the seam allowance on curves and into inner corners, close to the stitching but not through it.");
        s.add("Turn right side out through the gap and push out every part with a chopstick.");
        s.add("Stuff firmly, a small handful at a time, the far parts first.");
        s.add("Close the gap by hand with a ladder stitch.");
        return s;
    }

    private void fabricDrawings(Pattern p) throws IOException {
        List<FabricLayout> fits = p.fabric().stream().filter(FabricLayout::fits).toList();
        if (fits.isEmpty()) {
            return;
        }
        ensureRoom(FABRIC_DRAWING_MM + 10);
        heading("Fabric layouts");
        double columnW = (pageW / PdfWriter.POINTS_PER_MM - 2 * MARGIN_MM - 10 * (fits.size() - 1)) / fits.size();
        double top = y + 2;
        for (int i = 0; i < fits.size(); i++) {
            FabricLayout f = fits.get(i);
            double left = MARGIN_MM + i * (columnW + 10);
            double scale = Math.min(columnW / f.fabricWidthMm(), (FABRIC_DRAWING_MM - 8) / f.lengthMm());
            PdfWriter.Placement place = new PdfWriter.Placement(pageH, scale, 0, 0, left, top + 6);
            pdf.text(cs, PdfWriter.mm(left), pageH - PdfWriter.mm(top + 3), String.format(Locale.ROOT, "%s wide x %s",
                    Length.describeCm(f.fabricWidthMm()), Length.describeCm(f.lengthMm())), PdfWriter.mm(BODY_MM) * 0.9f);
            cs.setLineWidth(0.5f);
            cs.addRect(place.x(0), place.y(f.lengthMm()), place.size(f.fabricWidthMm()), place.size(f.lengthMm()));
            cs.stroke();
            cs.setLineWidth(0.3f);
            for (FabricLayout.Placed placed : f.placed()) {
                Coordinate[] c = placed.cut().getExteriorRing().getCoordinates();
                cs.moveTo(place.x(c[0].x), place.y(c[0].y));
                for (int k = 1; k < c.length; k++) {
                    cs.lineTo(place.x(c[k].x), place.y(c[k].y));
                }
                cs.closePath();
                cs.stroke();
            }
        }
        y = top + FABRIC_DRAWING_MM;
    }

    private void heading(String text) throws IOException {
        ensureRoom(HEADING_MM * 3);
        y += HEADING_MM * 0.6;
        line(text, HEADING_MM, 0);
    }

    private void paragraph(String text) throws IOException {
        wrapped(text, 0, null);
    }

    private void bullet(String text) throws IOException {
        wrapped(text, 5, "-");
    }

    private void numbered(int n, String text) throws IOException {
        wrapped(text, 7, n + ".");
    }

    private void wrapped(String text, double indentMm, String marker) throws IOException {
        double width = pageW / PdfWriter.POINTS_PER_MM - 2 * MARGIN_MM - indentMm;
        List<String> lines = Lettering.wrap(text, BODY_MM, width);
        for (int i = 0; i < lines.size(); i++) {
            ensureRoom(BODY_MM * LINE_SHARE);
            if (i == 0 && marker != null) {
                line(marker, BODY_MM, 0, false);
            }
            line(lines.get(i), BODY_MM, indentMm);
        }
    }

    private void line(String text, double sizeMm, double indentMm) throws IOException {
        line(text, sizeMm, indentMm, true);
    }

    private void line(String text, double sizeMm, double indentMm, boolean advance) throws IOException {
        pdf.text(cs, PdfWriter.mm(MARGIN_MM + indentMm), pageH - PdfWriter.mm(y + sizeMm * 0.8), text,
                PdfWriter.mm(sizeMm));
        if (advance) {
            y += sizeMm * LINE_SHARE;
        }
    }

    private void ensureRoom(double mm) throws IOException {
        if (y + mm > pageH / PdfWriter.POINTS_PER_MM - MARGIN_MM) {
            cs.close();
            newPage();
        }
    }

    private void newPage() throws IOException {
        PDPage page = new PDPage(new PDRectangle(pageW, pageH));
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = MARGIN_MM;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
