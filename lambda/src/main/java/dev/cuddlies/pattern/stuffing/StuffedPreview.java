package dev.cuddlies.pattern.stuffing;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * {@code stuffed.png}: what the toy will look like, beside what it should look like. Three panels
 * at one scale: the target outline, the stuffed toy from the front (the outline dashed over it) and
 * from the side, shaded by a software z-buffer (no fonts, no GPU: Lambda has neither).
 */
public final class StuffedPreview {

    /** Height of the image, px. */
    public static final int HEIGHT_PX = 480;
    private static final int MARGIN_PX = 24;
    private static final Color BACKGROUND = Color.WHITE;
    private static final Color OUTLINE_FILL = new Color(0xeeeeee);
    private static final Color OUTLINE = new Color(0x444444);
    private static final Color TARGET_DASH = new Color(0xc0392b);
    /** The fabric's colour, lit fully. */
    private static final float[] FABRIC = {0.93f, 0.70f, 0.52f};
    private static final double AMBIENT = 0.35;
    /** Light from the upper left, in front of the viewer (a unit vector in view space: x right, y down, z to the viewer). */
    private static final double[] LIGHT = normalise(-0.5, -0.6, 0.65);

    private StuffedPreview() {
    }

    /**
     * @param targetMm the outline the toy should show, mm. Not modified.
     * @param stuffed  the simulated toy. Not modified.
     */
    public static byte[] png(Polygon targetMm, StuffedShape stuffed) {
        // The stuffed toy is drawn where the target is, centroids together (its position is free).
        Coordinate tc = targetMm.getCentroid().getCoordinate();
        Coordinate sc = stuffed.frontSilhouette().getCentroid().getCoordinate();
        double shiftX = tc.x - sc.x;
        double shiftY = tc.y - sc.y;
        double[] p = stuffed.vertices();
        Envelope front = new Envelope(targetMm.getEnvelopeInternal());
        double zMin = Double.MAX_VALUE;
        double zMax = -Double.MAX_VALUE;
        for (int i = 0; i < p.length; i += 3) {
            front.expandToInclude(p[i] + shiftX, p[i + 1] + shiftY);
            zMin = Math.min(zMin, p[i + 2]);
            zMax = Math.max(zMax, p[i + 2]);
        }
        double k = (HEIGHT_PX - 2.0 * MARGIN_PX) / front.getHeight();
        int panelW = (int) Math.ceil(front.getWidth() * k);
        int sideW = (int) Math.ceil((zMax - zMin) * k);
        int width = 4 * MARGIN_PX + 2 * panelW + sideW;
        BufferedImage image = new BufferedImage(width, HEIGHT_PX, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, width, HEIGHT_PX);
            // 1: the outline.
            Path2D outline = path(targetMm, MARGIN_PX - front.getMinX() * k, MARGIN_PX - front.getMinY() * k, k);
            g.setColor(OUTLINE_FILL);
            g.fill(outline);
            g.setColor(OUTLINE);
            g.setStroke(new BasicStroke(2f));
            g.draw(outline);
            // 2: the front, the outline dashed over it.
            int frontLeft = 2 * MARGIN_PX + panelW;
            double[] view = new double[p.length];
            for (int i = 0; i < p.length; i += 3) {
                view[i] = frontLeft + (p[i] + shiftX - front.getMinX()) * k;
                view[i + 1] = MARGIN_PX + (p[i + 1] + shiftY - front.getMinY()) * k;
                view[i + 2] = p[i + 2] * k;
            }
            shade(image, view, stuffed.triangles());
            g.setColor(TARGET_DASH);
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0));
            g.draw(path(targetMm, frontLeft - front.getMinX() * k, MARGIN_PX - front.getMinY() * k, k));
            // 3: the side, seen from the toy's right (a proper rotation: x, y, z → z, y, −x).
            int sideLeft = 3 * MARGIN_PX + 2 * panelW;
            for (int i = 0; i < p.length; i += 3) {
                view[i] = sideLeft + (p[i + 2] - zMin) * k;
                view[i + 1] = MARGIN_PX + (p[i + 1] + shiftY - front.getMinY()) * k;
                view[i + 2] = -p[i] * k;
            }
            shade(image, view, stuffed.triangles());
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a PNG to memory failed", e);
        }
        return out.toByteArray();
    }

    private static Path2D path(Polygon polygon, double dx, double dy, double k) {
        Coordinate[] c = polygon.getExteriorRing().getCoordinates();
        Path2D.Double path = new Path2D.Double();
        path.moveTo(dx + c[0].x * k, dy + c[0].y * k);
        for (int i = 1; i < c.length; i++) {
            path.lineTo(dx + c[i].x * k, dy + c[i].y * k);
        }
        path.closePath();
        return path;
    }

    /**
     * Draws triangles given in view space (x right and y down in pixels, z towards the viewer),
     * nearest wins, Gouraud-shaded from per-vertex normals. Triangles facing away are skipped.
     */
    private static void shade(BufferedImage image, double[] v, int[] triangles) {
        int w = image.getWidth();
        int h = image.getHeight();
        double[] normal = new double[v.length];
        for (int t = 0; t < triangles.length; t += 3) {
            int a = 3 * triangles[t];
            int b = 3 * triangles[t + 1];
            int c = 3 * triangles[t + 2];
            double[] n = cross(v, a, b, c);
            for (int i : new int[] {a, b, c}) {
                normal[i] += n[0];
                normal[i + 1] += n[1];
                normal[i + 2] += n[2];
            }
        }
        double[] light = new double[v.length / 3];
        for (int i = 0; i < light.length; i++) {
            double[] n = normalise(normal[3 * i], normal[3 * i + 1], normal[3 * i + 2]);
            double lambert = Math.max(0, n[0] * LIGHT[0] + n[1] * LIGHT[1] + n[2] * LIGHT[2]);
            light[i] = AMBIENT + (1 - AMBIENT) * lambert;
        }
        float[] depth = new float[w * h];
        Arrays.fill(depth, Float.NEGATIVE_INFINITY);
        for (int t = 0; t < triangles.length; t += 3) {
            int a = 3 * triangles[t];
            int b = 3 * triangles[t + 1];
            int c = 3 * triangles[t + 2];
            double det = (v[b] - v[a]) * (v[c + 1] - v[a + 1]) - (v[b + 1] - v[a + 1]) * (v[c] - v[a]);
            if (Math.abs(det) < 1e-9) {
                continue;
            }
            int x0 = Math.max(0, (int) Math.floor(Math.min(v[a], Math.min(v[b], v[c]))));
            int x1 = Math.min(w - 1, (int) Math.ceil(Math.max(v[a], Math.max(v[b], v[c]))));
            int y0 = Math.max(0, (int) Math.floor(Math.min(v[a + 1], Math.min(v[b + 1], v[c + 1]))));
            int y1 = Math.min(h - 1, (int) Math.ceil(Math.max(v[a + 1], Math.max(v[b + 1], v[c + 1]))));
            for (int y = y0; y <= y1; y++) {
                for (int x = x0; x <= x1; x++) {
                    double px = x + 0.5;
                    double py = y + 0.5;
                    double wb = ((px - v[a]) * (v[c + 1] - v[a + 1]) - (py - v[a + 1]) * (v[c] - v[a])) / det;
                    double wc = ((v[b] - v[a]) * (py - v[a + 1]) - (v[b + 1] - v[a + 1]) * (px - v[a])) / det;
                    double wa = 1 - wb - wc;
                    if (wa < 0 || wb < 0 || wc < 0) {
                        continue;
                    }
                    float z = (float) (wa * v[a + 2] + wb * v[b + 2] + wc * v[c + 2]);
                    int k = y * w + x;
                    if (z <= depth[k]) {
                        continue;
                    }
                    depth[k] = z;
                    double l = wa * light[a / 3] + wb * light[b / 3] + wc * light[c / 3];
                    image.setRGB(x, y, rgb(l));
                }
            }
        }
    }

    private static int rgb(double light) {
        int r = (int) Math.round(255 * Math.min(1, FABRIC[0] * light));
        int g = (int) Math.round(255 * Math.min(1, FABRIC[1] * light));
        int b = (int) Math.round(255 * Math.min(1, FABRIC[2] * light));
        return (r << 16) | (g << 8) | b;
    }

    private static double[] cross(double[] v, int a, int b, int c) {
        double ux = v[b] - v[a];
        double uy = v[b + 1] - v[a + 1];
        double uz = v[b + 2] - v[a + 2];
        double wx = v[c] - v[a];
        double wy = v[c + 1] - v[a + 1];
        double wz = v[c + 2] - v[a + 2];
        return new double[] {uy * wz - uz * wy, uz * wx - ux * wz, ux * wy - uy * wx};
    }

    private static double[] normalise(double x, double y, double z) {
        double n = Math.sqrt(x * x + y * y + z * z);
        return n == 0 ? new double[] {0, 0, 1} : new double[] {x / n, y / n, z / n};
    }
}
