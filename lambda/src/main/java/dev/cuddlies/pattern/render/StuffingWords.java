package dev.cuddlies.pattern.render;

import dev.cuddlies.pattern.Length;
import dev.cuddlies.pattern.stuffing.StuffingReport;
import dev.cuddlies.pattern.stuffing.StuffingResult;
import dev.cuddlies.pattern.stuffing.StuffingStatus;

import java.util.Locale;

/** What stuffing will do to the toy, in words a sewist understands, for the instructions page. */
final class StuffingWords {

    private StuffingWords() {
    }

    static String of(StuffingResult s) {
        String how = s.mode().word();
        return switch (s.status()) {
            case COMPENSATED, CUT_SHORT -> {
                StuffingReport r = s.report().orElseThrow();
                yield String.format(Locale.ROOT, "Stuffing pulls a toy in and makes it rounder, so these pieces are cut"
                                + " bigger than the picture. Stuffed %s, it should be about %s tall, %s wide and %s thick,"
                                + " and seen from the front its outline should overlap the picture's by %s (cut to the picture's"
                                + " outline itself: %s). This is a computer estimate; stuffed.png with the pattern shows it.%s", how,
                        Length.describeCm(r.predictedHeightMm()), Length.describeCm(r.predictedWidthMm()),
                        Length.describeCm(r.predictedThicknessMm()), percent(r.silhouetteIoU()),
                        percent(r.silhouetteIoUUncompensated()),
                        s.status() == StuffingStatus.CUT_SHORT
                                ? " (The enlarging was stopped early to answer in time: a closer match is possible.)" : "");
            }
            case PREDICTED -> {
                StuffingReport r = s.report().orElseThrow();
                yield String.format(Locale.ROOT, "These pieces follow the picture's outline exactly, and stuffing will pull"
                                + " them in: stuffed firmly, the toy should be about %s tall, %s wide and %s thick, and overlap"
                                + " the picture's outline from the front by %s. This is a computer estimate; stuffed.png with the"
                                + " pattern shows it.",
                        Length.describeCm(r.predictedHeightMm()), Length.describeCm(r.predictedWidthMm()),
                        Length.describeCm(r.predictedThicknessMm()), percent(r.silhouetteIoU()));
            }
            case NO_TIME -> "These pieces follow the picture's outline exactly; there was no time to work out how stuffing"
                    + " changes the shape, so the stuffed toy will come out noticeably smaller and rounder than the picture.";
            case FAILED -> "These pieces follow the picture's outline exactly; working out how stuffing changes the shape"
                    + " did not succeed, so the stuffed toy will come out noticeably smaller and rounder than the picture.";
        };
    }

    /** "92 %": how much the outline and the stuffed toy's front view overlap (intersection over union). */
    private static String percent(double iou) {
        return String.format(Locale.ROOT, "%.0f %%", iou * 100);
    }
}
