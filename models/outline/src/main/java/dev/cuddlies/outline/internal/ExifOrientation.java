package dev.cuddlies.outline.internal;

import boofcv.alg.misc.ImageMiscOps;
import boofcv.struct.image.GrayS32;
import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The EXIF orientation of a JPEG (TwelveMonkeys' segment and TIFF readers) and the turn that makes
 * its pixels upright (BoofCV's flips and rotations). Phones store pictures sideways and set this
 * tag instead of rotating the pixels.
 */
final class ExifOrientation {

    /** Orientation 1: stored upright. */
    static final int UPRIGHT = 1;

    private ExifOrientation() {
    }

    /** The orientation (1..8) of a JPEG, or {@link #UPRIGHT} when absent or unreadable. Input not modified. */
    static int read(byte[] jpeg) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            for (JPEGSegment segment : JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif")) {
                try (InputStream data = segment.data();
                     ImageInputStream tiff = ImageIO.createImageInputStream(data)) {
                    data.read(); // the pad byte after "Exif\0"
                    Directory directory = new TIFFReader().read(tiff);
                    Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
                    if (entry != null && entry.getValue() instanceof Number n && n.intValue() >= 1 && n.intValue() <= 8) {
                        return n.intValue();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable metadata: the picture is taken as stored
        }
        return UPRIGHT;
    }

    /** True when the orientation swaps width and height (5..8). */
    static boolean swapsSides(int orientation) {
        return orientation >= 5;
    }

    /**
     * Returns the pixels turned upright. Input not modified.
     *
     * @param argb packed pixels, row-major, {@code width * height}
     */
    static int[] apply(int[] argb, int width, int height, int orientation) {
        if (orientation == UPRIGHT) {
            return argb;
        }
        GrayS32 stored = new GrayS32();
        stored.width = width;
        stored.height = height;
        stored.stride = width;
        stored.data = argb;
        GrayS32 upright = swapsSides(orientation) ? new GrayS32(height, width) : stored.clone();
        switch (orientation) {
            case 2 -> ImageMiscOps.flipHorizontal(upright);
            case 3 -> {
                ImageMiscOps.flipHorizontal(upright);
                ImageMiscOps.flipVertical(upright);
            }
            case 4 -> ImageMiscOps.flipVertical(upright);
            case 5 -> ImageMiscOps.transpose(stored, upright);
            case 6 -> ImageMiscOps.rotateCW(stored, upright);
            case 7 -> {
                ImageMiscOps.rotateCW(stored, upright);
                ImageMiscOps.flipVertical(upright);
            }
            case 8 -> ImageMiscOps.rotateCCW(stored, upright);
            default -> {
                return argb;
            }
        }
        return upright.data;
    }
}
