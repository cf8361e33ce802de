package dev.cuddlies.outline.drawings;

import dev.cuddlies.outline.drawings.Sheet.Paper;
import dev.cuddlies.outline.drawings.Sheet.Tool;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded pictures of children's drawings made from silhouettes with known masks: the silhouette's
 * outline drawn by hand (wobble, pen lifts) in pen, pencil, crayon or marker, on plain, lined, grid,
 * dotted or textured paper, sometimes coloured in, then photographed. Either cropped to the drawing,
 * or as the whole photo: the sheet in perspective on a table or a bed, with a shadow, a finger and
 * other doodles on the sheet; the mask is then warped into the photo with the sheet.
 */
public final class DrawingGenerator {

    /** The kinds of picture, each scored on its own. */
    public enum Group {
        PLAIN, LINED, GRID, DOTTED, TEXTURED, PASTEL, WHOLE_TABLE, WHOLE_FABRIC;

        boolean wholePhoto() {
            return this == WHOLE_TABLE || this == WHOLE_FABRIC;
        }
    }

    private DrawingGenerator() {
    }

    /** One picture of {@code group} drawn from {@code silhouette}; the same seed gives the same bytes. */
    public static Drawing generate(Group group, Sketch.Silhouette silhouette, long seed, String name) {
        Random random = new Random(seed * 7919 + group.ordinal());
        return group.wholePhoto() ? wholePhoto(group, silhouette, random, name) : crop(group, silhouette, random, name);
    }

    private static Drawing crop(Group group, Sketch.Silhouette silhouette, Random random, String name) {
        double size = Noise.between(random, 420, 760);
        double margin = Noise.between(random, 0.08, 0.2) * size;
        double[] aspect = aspect(silhouette);
        int w = (int) Math.round(aspect[0] * size + 2 * margin);
        int h = (int) Math.round(aspect[1] * size + 2 * margin);
        Paper paper = switch (group) {
            case LINED -> Paper.LINED;
            case GRID -> Paper.GRID;
            case DOTTED -> Paper.DOTTED;
            case TEXTURED -> Paper.TEXTURED;
            case PASTEL -> random.nextBoolean() ? Paper.PLAIN : Paper.TEXTURED;
            default -> Paper.PLAIN;
        };
        Sheet sheet = new Sheet(w, h, paper, random);
        Sketch sketch = Sketch.place(silhouette, size, margin, margin, gap(random), Noise.between(random, 0.5, 3),
                Noise.between(random, 1, 4), random);
        double strokeWidth = drawSketch(sheet, sketch, group == Group.PASTEL, random);
        BufferedImage truth = truth(sketch, strokeWidth, w, h);
        BufferedImage photo = Camera.photograph(sheet.toImage(), random);
        return new Drawing(name, group.name().toLowerCase(), Camera.jpeg(photo, (float) Noise.between(random, 0.65, 0.9)), truth);
    }

    private static Drawing wholePhoto(Group group, Sketch.Silhouette silhouette, Random random, String name) {
        boolean portrait = random.nextInt(4) != 0;
        int sw = portrait ? 850 : 1100;
        int sh = portrait ? 1100 : 850;
        Paper paper = random.nextInt(3) == 0 ? Noise.pick(random, new Paper[] {Paper.LINED, Paper.GRID}) : Paper.PLAIN;
        Sheet sheet = new Sheet(sw, sh, paper, random);
        double[] aspect = aspect(silhouette);
        double size = Noise.between(random, 0.45, 0.62) * Math.min(sw / aspect[0], sh / aspect[1]);
        double x0 = (sw - aspect[0] * size) / 2 + Noise.between(random, -0.06, 0.06) * sw;
        double y0 = (sh - aspect[1] * size) / 2 + Noise.between(random, -0.06, 0.06) * sh;
        Sketch sketch = Sketch.place(silhouette, size, x0, y0, gap(random), Noise.between(random, 0.5, 3),
                Noise.between(random, 1, 4), random);
        double strokeWidth = drawSketch(sheet, sketch, random.nextInt(5) == 0, random);
        doodles(sheet, Sketch.bounds(sketch.outline), random);
        BufferedImage sheetTruth = truth(sketch, strokeWidth, sw, sh);

        int pw = portrait ? 1200 : 1600;
        int ph = portrait ? 1600 : 1200;
        BufferedImage photo = group == Group.WHOLE_TABLE ? Surfaces.table(pw, ph, random) : Surfaces.fabric(pw, ph, random);
        Point2D.Double[] corners = sheetCorners(sw, sh, pw, ph, random);
        Homography map = Homography.between(new Point2D.Double[] {
            new Point2D.Double(0, 0), new Point2D.Double(sw, 0), new Point2D.Double(sw, sh), new Point2D.Double(0, sh)}, corners);
        Surfaces.castShadowUnder(photo, corners, random);
        map.warpOnto(sheet.toImage(), photo, false);
        BufferedImage truth = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_RGB);
        map.warpOnto(sheetTruth, truth, true);
        Surfaces.shadowAcross(photo, random);
        if (random.nextInt(3) != 0) {
            Surfaces.finger(photo, corners, random);
        }
        BufferedImage shot = Camera.photograph(photo, random);
        return new Drawing(name, group.name().toLowerCase(), Camera.jpeg(shot, (float) Noise.between(random, 0.7, 0.9)), grey(truth));
    }

    /** The sheet's corners in the photo: centred, turned a little, in perspective, all in frame. */
    private static Point2D.Double[] sheetCorners(int sw, int sh, int pw, int ph, Random random) {
        double scale = Noise.between(random, 0.62, 0.82) * Math.min((double) pw / sw, (double) ph / sh);
        double angle = Math.toRadians(Noise.between(random, -12, 12));
        double cx = pw / 2.0 + Noise.between(random, -0.05, 0.05) * pw;
        double cy = ph / 2.0 + Noise.between(random, -0.05, 0.05) * ph;
        double[][] unit = {{-sw / 2.0, -sh / 2.0}, {sw / 2.0, -sh / 2.0}, {sw / 2.0, sh / 2.0}, {-sw / 2.0, sh / 2.0}};
        // Perspective: the far edge (top) narrower than the near one.
        double tilt = Noise.between(random, 0.0, 0.12);
        Point2D.Double[] out = new Point2D.Double[4];
        for (int i = 0; i < 4; i++) {
            double x = unit[i][0] * scale * (i < 2 ? 1 - tilt : 1 + tilt * 0.3);
            double y = unit[i][1] * scale;
            x += Noise.between(random, -0.02, 0.02) * sw * scale;
            y += Noise.between(random, -0.02, 0.02) * sh * scale;
            double rx = x * Math.cos(angle) - y * Math.sin(angle);
            double ry = x * Math.sin(angle) + y * Math.cos(angle);
            out[i] = new Point2D.Double(cx + rx, cy + ry);
        }
        return out;
    }

    private static double[] aspect(Sketch.Silhouette s) {
        double[] b = Sketch.bounds(s.outer());
        double bw = b[2] - b[0];
        double bh = b[3] - b[1];
        double longer = Math.max(bw, bh);
        return new double[] {bw / longer, bh / longer};
    }

    private static double gap(Random random) {
        return random.nextInt(10) < 3 ? 0 : Noise.between(random, 3, 10);
    }

    /** Draws the sketch with one tool (sometimes colouring it in first); returns the stroke width, px. */
    private static double drawSketch(Sheet sheet, Sketch sketch, boolean pastel, Random random) {
        Tool tool = pastel ? Noise.pick(random, new Tool[] {Tool.CRAYON, Tool.MARKER, Tool.PEN, Tool.CRAYON})
                : Noise.pick(random, Tool.values());
        Color colour = pastel ? Noise.pick(random, Sheet.PASTEL_INKS)
                : tool == Tool.PENCIL ? new Color(0x505050)
                : random.nextBoolean() ? Noise.pick(random, Sheet.DARK_INKS) : Noise.pick(random, Sheet.BRIGHT_INKS);
        double width = switch (tool) {
            case PEN -> Noise.between(random, 1.5, 3.0);
            case PENCIL -> Noise.between(random, 1.5, 2.5);
            case MARKER -> Noise.between(random, 3.0, 6.0);
            case CRAYON -> Noise.between(random, 4.0, 9.0);
        };
        if (random.nextInt(10) < 3) {
            Color fill = random.nextBoolean() ? Noise.pick(random, Sheet.PASTEL_INKS) : Noise.pick(random, Sheet.BRIGHT_INKS);
            sheet.fill(Sketch.path(sketch.outline, true), fill, random);
        }
        sheet.draw(sketch.strokes, tool, colour, width, random);
        return width;
    }

    /** A few small unrelated drawings (a sun, a spiral, a signature) in the sheet's free corners. */
    private static void doodles(Sheet sheet, double[] drawing, Random random) {
        int count = Noise.between(random, 1, 3);
        List<Shape> marks = new ArrayList<>();
        for (int attempt = 0; attempt < 40 && marks.size() < count; attempt++) {
            double r = Noise.between(random, 0.04, 0.08) * Math.min(sheet.width, sheet.height);
            double x = Noise.between(random, r + 20, sheet.width - r - 20);
            double y = Noise.between(random, r + 20, sheet.height - r - 20);
            double gap = 0.04 * Math.min(sheet.width, sheet.height);
            if (x + r > drawing[0] - gap && x - r < drawing[2] + gap && y + r > drawing[1] - gap && y - r < drawing[3] + gap) {
                continue;
            }
            Path2D.Double p = new Path2D.Double();
            switch (random.nextInt(3)) {
                case 0 -> { // a sun
                    p.append(new Ellipse2D.Double(x - r / 2, y - r / 2, r, r), false);
                    for (int k = 0; k < 8; k++) {
                        double a = Math.PI * k / 4;
                        p.append(new Line2D.Double(x + 0.7 * r * Math.cos(a), y + 0.7 * r * Math.sin(a),
                                x + r * Math.cos(a), y + r * Math.sin(a)), false);
                    }
                }
                case 1 -> { // a spiral
                    p.moveTo(x, y);
                    for (double t = 0; t < 6 * Math.PI; t += 0.2) {
                        p.lineTo(x + r * t / (6 * Math.PI) * Math.cos(t), y + r * t / (6 * Math.PI) * Math.sin(t));
                    }
                }
                default -> { // a signature: a wavy line
                    p.moveTo(x - r, y);
                    for (double t = 0; t <= 1; t += 0.02) {
                        p.lineTo(x - r + 2 * r * t, y + 0.3 * r * Math.sin(t * 14 + random.nextDouble() * 0.3));
                    }
                }
            }
            marks.add(p);
        }
        sheet.draw(marks, Tool.PEN, Noise.pick(random, Sheet.BRIGHT_INKS), Noise.between(random, 1.5, 3.0), random);
    }

    /** What the outermost stroke encloses, the stroke itself included, at the 50 % coverage rule. */
    private static BufferedImage truth(Sketch sketch, double strokeWidth, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        Path2D.Double outline = Sketch.path(sketch.outline, true);
        g.fill(outline);
        g.setStroke(new BasicStroke((float) strokeWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(outline);
        g.dispose();
        byte[] data = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) ((data[i] & 0xFF) >= 128 ? 255 : 0);
        }
        return img;
    }

    private static BufferedImage grey(BufferedImage rgb) {
        BufferedImage out = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < rgb.getHeight(); y++) {
            for (int x = 0; x < rgb.getWidth(); x++) {
                out.getRaster().setSample(x, y, 0, (rgb.getRGB(x, y) >> 16) & 0xFF);
            }
        }
        return out;
    }

}
