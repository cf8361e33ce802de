package dev.cuddlies.outline;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;

/** IoU of an outline against a ground-truth mask, computed as score.py does. */
public final class Scoring {

    private Scoring() {
    }

    /**
     * A pixel is inside the outline when its centre is inside the polygon or on its edge.
     *
     * @param truth a mask, non-zero (first band) = inside
     */
    public static double iou(Outline o, BufferedImage truth) {
        Path2D.Double polygon = new Path2D.Double();
        for (int i = 0; i < o.outline().size(); i++) {
            Outline.Point p = o.outline().get(i);
            // Java2D pixel (i, j) has its centre at (i + 0.5, j + 0.5); outline pixel centres are integers.
            if (i == 0) {
                polygon.moveTo(p.x() + 0.5, p.y() + 0.5);
            } else {
                polygon.lineTo(p.x() + 0.5, p.y() + 0.5);
            }
        }
        polygon.closePath();
        BufferedImage predicted = new BufferedImage(truth.getWidth(), truth.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = predicted.createGraphics();
        g.setColor(Color.WHITE);
        g.fill(polygon);
        g.draw(polygon); // centres on an edge count as inside, as in score.py
        g.dispose();
        long both = 0;
        long either = 0;
        for (int y = 0; y < truth.getHeight(); y++) {
            for (int x = 0; x < truth.getWidth(); x++) {
                boolean t = truth.getRaster().getSample(x, y, 0) != 0;
                boolean p = predicted.getRaster().getSample(x, y, 0) != 0;
                if (t && p) {
                    both++;
                }
                if (t || p) {
                    either++;
                }
            }
        }
        return either == 0 ? 1 : (double) both / either;
    }

}
