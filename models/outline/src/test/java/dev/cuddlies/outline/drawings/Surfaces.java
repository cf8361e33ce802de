package dev.cuddlies.outline.drawings;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/** What a sheet lies on in a phone photo, and what else gets in the picture: shadows, a finger. */
final class Surfaces {

    private Surfaces() {
    }

    /** A wooden table: brown, with grain running along one axis. */
    static BufferedImage table(int w, int h, Random random) {
        float[] base = Noise.pick(random, new float[][] {{150, 105, 70}, {185, 140, 95}, {110, 75, 50}, {200, 170, 130},
            {120, 120, 125}});
        float[] grain = Noise.field(w, h, Noise.between(random, 6, 14), random);
        float[] slow = Noise.field(w, h, Noise.between(random, 60, 160), random);
        float[] fine = Noise.field(w, h, 1.2, random);
        double freq = Noise.between(random, 0.02, 0.06);
        boolean along = random.nextBoolean();
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                double t = (along ? y : x) * freq + 6 * slow[i];
                float v = (float) (0.85 + 0.1 * Math.sin(t * 2 * Math.PI) + 0.08 * (grain[i] - 0.5) + 0.05 * (fine[i] - 0.5));
                out[i] = rgb(base[0] * v, base[1] * v, base[2] * v);
            }
        }
        return image(out, w, h);
    }

    /** A bed cover: a plain or pale colour with soft folds and a weave. */
    static BufferedImage fabric(int w, int h, Random random) {
        float[] base = Noise.pick(random, new float[][] {{120, 150, 200}, {220, 170, 180}, {200, 195, 180}, {90, 110, 90},
            {230, 230, 235}, {160, 60, 70}});
        float[] folds = Noise.field(w, h, Noise.between(random, 80, 200), random);
        float[] weave = Noise.field(w, h, 1.5, random);
        int[] out = new int[w * h];
        for (int i = 0; i < out.length; i++) {
            float v = (float) (0.75 + 0.35 * folds[i] + 0.06 * (weave[i] - 0.5));
            out[i] = rgb(base[0] * v, base[1] * v, base[2] * v);
        }
        return image(out, w, h);
    }

    /** The sheet's own soft shadow on the surface, a little offset from where it lies. */
    static void castShadowUnder(BufferedImage photo, Point2D.Double[] corners, Random random) {
        double dx = Noise.between(random, -8, 8);
        double dy = Noise.between(random, 2, 10);
        Path2D.Double sheet = new Path2D.Double();
        for (int i = 0; i < 4; i++) {
            if (i == 0) {
                sheet.moveTo(corners[i].x + dx, corners[i].y + dy);
            } else {
                sheet.lineTo(corners[i].x + dx, corners[i].y + dy);
            }
        }
        sheet.closePath();
        darken(photo, sheet, (float) Noise.between(random, 0.55, 0.8), 6);
    }

    /** A soft shadow across part of the picture (the phone, or the parent leaning over). */
    static void shadowAcross(BufferedImage photo, Random random) {
        if (random.nextInt(3) == 0) {
            return;
        }
        int w = photo.getWidth();
        int h = photo.getHeight();
        double cx = Noise.between(random, 0, w);
        double cy = Noise.between(random, 0, h);
        double r = Noise.between(random, 0.25, 0.5) * Math.max(w, h);
        darken(photo, new Ellipse2D.Double(cx - r, cy - r * 0.7, 2 * r, 1.4 * r), (float) Noise.between(random, 0.75, 0.9), 40);
    }

    /** A finger (and the hand's edge) reaching in from the nearest photo edge over one sheet corner. */
    static void finger(BufferedImage photo, Point2D.Double[] corners, Random random) {
        Point2D.Double corner = corners[random.nextInt(4)];
        int w = photo.getWidth();
        int h = photo.getHeight();
        // Direction from the corner to the nearest photo edge.
        double[] dist = {corner.x, w - corner.x, corner.y, h - corner.y};
        int edge = 0;
        for (int i = 1; i < 4; i++) {
            if (dist[i] < dist[edge]) {
                edge = i;
            }
        }
        double angle = switch (edge) {
            case 0 -> Math.PI;
            case 1 -> 0;
            case 2 -> -Math.PI / 2;
            default -> Math.PI / 2;
        } + Math.toRadians(Noise.between(random, -25, 25));
        double width = Noise.between(random, 55, 85);
        double reach = dist[edge] + Noise.between(random, 40, 90); // from the tip, out past the photo edge
        Color skin = Noise.pick(random, new Color[] {new Color(0xE8B898), new Color(0xD09A78), new Color(0x8A5A40),
            new Color(0xF0C8A8)});
        // The tip sits a little inside the sheet, over the corner's margin.
        double tipIn = Noise.between(random, 15, 45);
        double tx = corner.x - Math.cos(angle) * tipIn;
        double ty = corner.y - Math.sin(angle) * tipIn;
        Graphics2D g = photo.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        AffineTransform at = new AffineTransform();
        at.translate(tx, ty);
        at.rotate(angle);
        g.transform(at);
        g.setColor(new Color(0, 0, 0, 60)); // its shadow
        g.fill(new RoundRectangle2D.Double(6, -width / 2 + 8, reach + 400, width, width, width));
        for (int k = 0; k < 6; k++) { // shading across the finger: darker at its sides
            float f = 1 - 0.05f * (5 - k);
            g.setColor(new Color(Math.round(skin.getRed() * f), Math.round(skin.getGreen() * f), Math.round(skin.getBlue() * f)));
            double inset = k * width / 14;
            g.fill(new RoundRectangle2D.Double(inset, -width / 2 + inset, reach + 400, width - 2 * inset,
                    width - 2 * inset, width - 2 * inset));
        }
        g.setColor(new Color(0xF4D8C8)); // the nail
        g.fill(new RoundRectangle2D.Double(width * 0.08, -width * 0.28, width * 0.55, width * 0.56, width * 0.4, width * 0.4));
        g.dispose();
    }

    private static void darken(BufferedImage photo, java.awt.Shape shape, float factor, int blurPx) {
        int w = photo.getWidth();
        int h = photo.getHeight();
        BufferedImage m = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = m.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fill(shape);
        g.dispose();
        float[] a = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                a[y * w + x] = m.getRaster().getSample(x, y, 0) / 255f;
            }
        }
        a = Camera.wideBlur(a, w, h, blurPx / 2.0);
        int[] px = photo.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < px.length; i++) {
            float f = 1 - (1 - factor) * a[i];
            int p = px[i];
            px[i] = rgb(((p >> 16) & 0xFF) * f, ((p >> 8) & 0xFF) * f, (p & 0xFF) * f);
        }
        photo.setRGB(0, 0, w, h, px, 0, w);
    }

    private static int rgb(double r, double g, double b) {
        return clamp(r) << 16 | clamp(g) << 8 | clamp(b);
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    private static BufferedImage image(int[] px, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, w, h, px, 0, w);
        return img;
    }
}
