package dev.cuddlies.outline.drawings;

import java.awt.image.BufferedImage;

/**
 * One generated picture of a child's drawing with its known answer.
 *
 * @param name      unique, file-name safe
 * @param group     what kind of picture it is (paper, pastel, whole photo), for per-group scores
 * @param encoded   the picture file's bytes (JPEG: every picture is "photographed")
 * @param truth     ground-truth silhouette at the picture's size: 255 = inside (what the outermost
 *                  stroke encloses, the stroke included), 0 = outside
 */
public record Drawing(String name, String group, byte[] encoded, BufferedImage truth) {
}
