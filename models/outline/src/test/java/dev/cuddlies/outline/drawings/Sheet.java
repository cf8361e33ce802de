package dev.cuddlies.outline.drawings;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.image.BufferedImage;
import java.util.Random;

/** A sheet of paper (plain, lined, grid, dotted or textured) that tools draw on with real pigment blending. */
final class Sheet {

    enum Paper { PLAIN, LINED, GRID, DOTTED, TEXTURED }

    /** Drawing tools: how wide, how dense and how grainy their mark is. */
    enum Tool { PEN, PENCIL, CRAYON, MARKER }

    static final Color[] DARK_INKS = {new Color(0x1A1A1A), new Color(0x1B2A80), new Color(0x303030), new Color(0x5A1A10)};
    static final Color[] BRIGHT_INKS = {new Color(0xD02020), new Color(0x2060D0), new Color(0x20A040),
        new Color(0x8030B0), new Color(0xF08020)};
    /** The faint ones that failed before: light blue, pink, yellow, light green. */
    static final Color[] PASTEL_INKS = {new Color(0x9CCBF0), new Color(0xF4A6C6), new Color(0xF2DC50),
        new Color(0xA8DC98), new Color(0xC8B0E8)};

    final int width;
    final int height;
    /** Linear RGB reflectance 0..1 per channel, row-major. */
    final float[][] rgb;

    Sheet(int width, int height, Paper paper, Random random) {
        this.width = width;
        this.height = height;
        rgb = new float[3][width * height];
        float[] base = Noise.pick(random, new float[][] {{1f, 1f, 1f}, {0.98f, 0.97f, 0.93f}, {0.96f, 0.96f, 0.95f},
            {0.99f, 0.98f, 0.96f}});
        float grain = paper == Paper.TEXTURED ? (float) Noise.between(random, 0.03, 0.06) : 0.012f;
        float[] fine = Noise.field(width, height, 1.3, random);
        float[] blotch = Noise.field(width, height, Noise.between(random, 40, 120), random);
        float blotchAmp = paper == Paper.TEXTURED ? (float) Noise.between(random, 0.03, 0.07) : 0.01f;
        for (int i = 0; i < width * height; i++) {
            float v = 1 + grain * (fine[i] - 0.5f) * 2 + blotchAmp * (blotch[i] - 0.5f) * 2;
            for (int c = 0; c < 3; c++) {
                rgb[c][i] = Math.min(1f, base[c] * v);
            }
        }
        switch (paper) {
            case LINED -> ruled(random, true, false);
            case GRID -> ruled(random, true, true);
            case DOTTED -> dotted(random);
            default -> {
            }
        }
    }

    private void ruled(Random random, boolean rows, boolean columns) {
        double spacing = columns ? Noise.between(random, 16, 30) : Noise.between(random, 22, 38);
        Color colour = Noise.pick(random, new Color[] {new Color(0x8FB8E0), new Color(0xA0C4E8), new Color(0xB0B8C0),
            new Color(0x9CCFA8)});
        float width = (float) Noise.between(random, 1.0, 2.0);
        float strength = (float) Noise.between(random, 0.5, 0.9);
        BufferedImage layer = layer();
        Graphics2D g = graphics(layer);
        g.setColor(colour);
        g.setStroke(new BasicStroke(width));
        double offset = Noise.between(random, 0, spacing);
        if (rows) {
            for (double y = offset; y < height; y += spacing) {
                g.draw(new java.awt.geom.Line2D.Double(0, y, width(), y));
            }
        }
        if (columns) {
            for (double x = offset; x < width; x += spacing) {
                g.draw(new java.awt.geom.Line2D.Double(x, 0, x, height));
            }
        } else if (random.nextBoolean()) { // the red margin of a school exercise book
            g.setColor(new Color(0xE07080));
            double x = Noise.between(random, 0.08, 0.15) * width;
            g.draw(new java.awt.geom.Line2D.Double(x, 0, x, height));
        }
        g.dispose();
        multiply(layer, strength, null);
    }

    private double width() {
        return width;
    }

    private void dotted(Random random) {
        double spacing = Noise.between(random, 16, 28);
        double r = Noise.between(random, 0.8, 1.6);
        BufferedImage layer = layer();
        Graphics2D g = graphics(layer);
        g.setColor(Noise.pick(random, new Color[] {new Color(0x909aa8), new Color(0x8FB8E0), new Color(0xA0A0A0)}));
        for (double y = spacing / 2; y < height; y += spacing) {
            for (double x = spacing / 2; x < width; x += spacing) {
                g.fill(new java.awt.geom.Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
            }
        }
        g.dispose();
        multiply(layer, (float) Noise.between(random, 0.6, 1.0), null);
    }

    /** Draws strokes with a tool: the tool's texture thins the pigment, which then multiplies the paper. */
    void draw(Iterable<? extends Shape> strokes, Tool tool, Color colour, double widthPx, Random random) {
        BufferedImage layer = layer();
        Graphics2D g = graphics(layer);
        g.setColor(colour);
        g.setStroke(new BasicStroke((float) widthPx, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (Shape s : strokes) {
            g.draw(s);
        }
        g.dispose();
        float[] texture = switch (tool) {
            case CRAYON -> texture(random, 0.45f, 1.25f, 2.2);
            case PENCIL -> texture(random, 0.35f, 0.95f, 1.2);
            default -> null;
        };
        float density = switch (tool) {
            case PENCIL -> (float) Noise.between(random, 0.55, 0.8);
            case CRAYON -> (float) Noise.between(random, 0.75, 0.95);
            default -> (float) Noise.between(random, 0.9, 1.0);
        };
        multiply(layer, density, texture);
    }

    /** Colours an area in (a child's crayon fill): a dense scribble clipped to the shape. */
    void fill(Shape area, Color colour, Random random) {
        BufferedImage layer = layer();
        Graphics2D g = graphics(layer);
        g.setClip(area);
        g.setColor(colour);
        java.awt.Rectangle box = area.getBounds();
        double pitch = Noise.between(random, 4, 8);
        g.setStroke(new BasicStroke((float) (pitch * 1.3), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double slope = Noise.between(random, -0.6, 0.6);
        for (double y = box.y - box.width; y < box.y + box.height + box.width; y += pitch) {
            g.draw(new java.awt.geom.Line2D.Double(box.x, y, box.x + box.width, y + slope * box.width));
        }
        g.dispose();
        multiply(layer, (float) Noise.between(random, 0.5, 0.9), texture(random, 0.3f, 1.1f, 2.0));
    }

    private float[] texture(Random random, float floor, float gain, double cell) {
        float[] fine = Noise.field(width, height, cell, random);
        float[] tooth = Noise.field(width, height, 1.0, random);
        float[] t = new float[width * height];
        for (int i = 0; i < t.length; i++) {
            t[i] = Math.max(0f, Math.min(1f, floor + gain * (0.6f * fine[i] + 0.4f * tooth[i] - 0.5f)));
        }
        return t;
    }

    private BufferedImage layer() {
        return new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    }

    private static Graphics2D graphics(BufferedImage layer) {
        Graphics2D g = layer.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        return g;
    }

    /** Subtractive mixing: the paper's reflectance is multiplied by the pigment's where it lies. */
    private void multiply(BufferedImage layer, float density, float[] texture) {
        int[] argb = layer.getRGB(0, 0, width, height, null, 0, width);
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            float a = (p >>> 24) / 255f * density * (texture == null ? 1f : texture[i]);
            if (a <= 0) {
                continue;
            }
            for (int c = 0; c < 3; c++) {
                float ink = ((p >> (16 - 8 * c)) & 0xFF) / 255f;
                ink = ink * ink; // sRGB-ish to linear, near enough for pigment
                rgb[c][i] *= 1 - a + a * ink;
            }
        }
    }

    /** The sheet as an sRGB picture. */
    BufferedImage toImage() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] out = new int[width * height];
        for (int i = 0; i < out.length; i++) {
            int r = encode(rgb[0][i]);
            int g = encode(rgb[1][i]);
            int b = encode(rgb[2][i]);
            out[i] = r << 16 | g << 8 | b;
        }
        img.setRGB(0, 0, width, height, out, 0, width);
        return img;
    }

    private static int encode(float linear) {
        return Math.max(0, Math.min(255, Math.round((float) Math.sqrt(Math.max(0, linear)) * 255)));
    }
}
