package dev.cuddlies.outline.internal;

import dev.cuddlies.outline.ImageFormat;
import dev.cuddlies.outline.OutlineConfig;
import dev.cuddlies.outline.OutlineException;
import dev.cuddlies.outline.OutlineException.Reason;
import dev.cuddlies.outline.WorkBudget;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadProgressListener;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Decodes picture bytes with limits: the header is read first and the picture refused before any
 * pixel is decoded when it declares too many pixels (decompression bombs) or too few. Large pictures
 * are subsampled while decoding, so memory follows the working size, not the declared size.
 */
public final class ImageDecoder {

    static {
        ImageIO.setUseCache(false); // no temp files: Lambda's /tmp is small and shared
        ImageIO.scanForPlugins();
    }

    private final OutlineConfig config;

    public ImageDecoder(OutlineConfig config) {
        this.config = config;
    }

    /** Decodes a picture with no budget but the configured limits. Input not modified. */
    public WorkingImage decode(byte[] bytes) throws OutlineException {
        return decode(bytes, WorkBudget.unlimited());
    }

    /**
     * Decodes a picture, charging its estimated cost to {@code budget} from the header before any
     * pixel is decoded, and aborting between rows once the budget is stopped. Input not modified.
     */
    public WorkingImage decode(byte[] bytes, WorkBudget budget) throws OutlineException {
        if (bytes == null || bytes.length == 0) {
            throw new OutlineException(Reason.NOT_AN_IMAGE, "the file is empty");
        }
        ImageFormat format = ImageFormat.sniff(bytes).orElseThrow(() -> new OutlineException(
                Reason.NOT_AN_IMAGE, "this is not a picture: expected PNG, JPEG, GIF, BMP or WebP"));
        if (!StreamIntegrity.looksWhole(format, bytes)) {
            throw corrupt(format);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = readerFor(format);
            try {
                reader.setInput(in, true, true);
                return decode(reader, format, bytes, budget);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw corrupt(format);
        } catch (OutOfMemoryError e) {
            throw new OutlineException(Reason.TOO_LARGE, "the picture is too large to open");
        }
    }

    private WorkingImage decode(ImageReader reader, ImageFormat format, byte[] bytes, WorkBudget budget)
            throws IOException, OutlineException {
        int storedW = reader.getWidth(0);
        int storedH = reader.getHeight(0);
        checkDimensions(storedW, storedH);
        budget.charge(WorkBudget.estimate(storedW, storedH, maxBitsPerSample(reader)));
        reader.addIIOReadProgressListener(new AbortWhenStopped(budget));

        int orientation = format == ImageFormat.JPEG ? ExifOrientation.read(bytes) : ExifOrientation.UPRIGHT;
        int subsample = subsampleFor((long) storedW * storedH);
        ImageReadParam param = reader.getDefaultReadParam();
        if (subsample > 1) {
            param.setSourceSubsampling(subsample, subsample, 0, 0);
        }
        // JPEG readers warn about harmless things too (a CMYK scan without a colour profile is
        // converted with a generic one); a cut-short JPEG was already refused by its missing EOI.
        AtomicBoolean damaged = new AtomicBoolean();
        if (format != ImageFormat.JPEG) {
            reader.addIIOReadWarningListener((source, warning) -> damaged.set(true));
        }
        BufferedImage image = reader.read(0, param);
        budget.checkpoint();
        if (damaged.get()) {
            throw corrupt(format);
        }

        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = Pixels.argb(image);
        boolean alpha = image.getColorModel().hasAlpha() && hasRealTransparency(argb);
        argb = ExifOrientation.apply(argb, w, h, orientation);
        if (ExifOrientation.swapsSides(orientation)) {
            int t = w;
            w = h;
            h = t;
            t = storedW;
            storedW = storedH;
            storedH = t;
        }
        return Resampler.toWorkingSize(argb, w, h, alpha, storedW, storedH, subsample, config.workingPixels());
    }

    /** The widest sample the stored picture declares (16 for 16-bit PNGs), read from the header only. */
    private static int maxBitsPerSample(ImageReader reader) throws IOException {
        ImageTypeSpecifier raw = reader.getRawImageType(0);
        if (raw == null) {
            Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
            raw = types.hasNext() ? types.next() : null;
        }
        if (raw == null) {
            return 8;
        }
        int widest = 0;
        for (int bits : raw.getSampleModel().getSampleSize()) {
            widest = Math.max(widest, bits);
        }
        return widest;
    }

    /** Decoders report progress every row or so; an abort there stops the inflating and unfiltering. */
    private record AbortWhenStopped(WorkBudget budget) implements IIOReadProgressListener {
        @Override
        public void imageProgress(ImageReader source, float percentageDone) {
            if (budget.stopped()) {
                source.abort();
            }
        }

        @Override
        public void sequenceStarted(ImageReader source, int minIndex) {
        }

        @Override
        public void sequenceComplete(ImageReader source) {
        }

        @Override
        public void imageStarted(ImageReader source, int imageIndex) {
        }

        @Override
        public void imageComplete(ImageReader source) {
        }

        @Override
        public void thumbnailStarted(ImageReader source, int imageIndex, int thumbnailIndex) {
        }

        @Override
        public void thumbnailProgress(ImageReader source, float percentageDone) {
        }

        @Override
        public void thumbnailComplete(ImageReader source) {
        }

        @Override
        public void readAborted(ImageReader source) {
        }
    }

    private void checkDimensions(int w, int h) throws OutlineException {
        if (w <= 0 || h <= 0) {
            throw new OutlineException(Reason.CORRUPT, "the picture declares no size");
        }
        if (w > config.maxSidePx() || h > config.maxSidePx() || (long) w * h > config.maxPixels()) {
            throw new OutlineException(Reason.TOO_LARGE, String.format(Locale.ROOT,
                    "the picture is too large (%d x %d pixels); the limit is %d megapixels and %d pixels a side",
                    w, h, config.maxPixels() / 1_000_000, config.maxSidePx()));
        }
        if (w < config.minSidePx() || h < config.minSidePx()) {
            throw new OutlineException(Reason.TOO_SMALL, String.format(Locale.ROOT,
                    "the picture is too small (%d x %d pixels); it needs at least %d pixels a side",
                    w, h, config.minSidePx()));
        }
    }

    /** Decode-time subsampling: keep at least the working size, so only the resampler averages. */
    private int subsampleFor(long pixels) {
        int s = (int) Math.floor(Math.sqrt((double) pixels / config.workingPixels()));
        return Math.max(1, s);
    }

    private static boolean hasRealTransparency(int[] argb) {
        long transparent = 0;
        for (int p : argb) {
            if (p >>> 24 < 128) {
                transparent++;
            }
        }
        // A few see-through pixels (an anti-aliased corner) are not a cut-out figure.
        return transparent > argb.length / 200;
    }

    private static ImageReader readerFor(ImageFormat format) throws OutlineException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
        if (!readers.hasNext()) {
            throw new OutlineException(Reason.NOT_AN_IMAGE, "this build cannot read " + format + " pictures");
        }
        return readers.next();
    }

    private static OutlineException corrupt(ImageFormat format) {
        return new OutlineException(Reason.CORRUPT,
                "the " + format + " picture is damaged or incomplete; please upload it again");
    }
}
