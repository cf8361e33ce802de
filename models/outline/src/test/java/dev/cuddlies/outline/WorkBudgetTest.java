package dev.cuddlies.outline;

import dev.cuddlies.fixtures.TestPictures;
import dev.cuddlies.outline.OutlineException.Reason;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 12, finding 3: a few kilobytes must not buy seconds of CPU, and stopped work must stop. */
class WorkBudgetTest {

    private final OutlineEngine engine = new OutlineEngine(OutlineConfig.defaults());

    @Test
    void theOneBitPanoramaIsPricedFromItsHeaderAndRefusedBeforeDecoding() {
        byte[] panorama = TestPictures.oneBitPanoramaPng();
        assertThat(panorama.length).isLessThan(10 * 1024);
        WorkBudget budget = WorkBudget.of(20_000_000, System.nanoTime() + TimeUnit.SECONDS.toNanos(30));

        assertThatThrownBy(() -> engine.trace(panorama, budget))
                .isInstanceOfSatisfying(OutlineException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.OVER_BUDGET);
                    assertThat(e.getMessage()).contains("40 megapixels of work").contains("20 left");
                });
        assertThat(budget.spentUnits()).isZero();
    }

    @Test
    void sixteenBitSamplesCostTwiceTheirPixels() throws Exception {
        byte[] wide = TestPictures.rgba16Png(1_000, 800);
        WorkBudget budget = WorkBudget.of(10_000_000, System.nanoTime() + TimeUnit.SECONDS.toNanos(30));

        engine.trace(wide, budget);

        assertThat(budget.spentUnits()).isEqualTo(2L * 1_000 * 800);
    }

    @Test
    void theRecordsOfOneRequestShareOneBudget() throws Exception {
        byte[] bear = TestPictures.bearPng(); // 400 x 500 = 200,000 units
        WorkBudget budget = WorkBudget.of(450_000, System.nanoTime() + TimeUnit.SECONDS.toNanos(30));

        engine.trace(bear, budget);
        engine.trace(bear, budget);

        assertThatThrownBy(() -> engine.trace(bear, budget))
                .isInstanceOfSatisfying(OutlineException.class, e -> assertThat(e.reason()).isEqualTo(Reason.OVER_BUDGET));
        assertThat(budget.spentUnits()).isEqualTo(400_000);
    }

    @Test
    void aCancelledBudgetStopsBeforeAnyWork() {
        WorkBudget budget = WorkBudget.unlimited();
        budget.cancel();

        assertThatThrownBy(() -> engine.trace(TestPictures.bearPng(), budget))
                .isInstanceOfSatisfying(OutlineException.class, e -> assertThat(e.reason()).isEqualTo(Reason.STOPPED));
        assertThat(budget.spentUnits()).isZero();
    }

    @Test
    void aPassedDeadlineStopsTheWork() {
        WorkBudget budget = WorkBudget.of(Long.MAX_VALUE, System.nanoTime() - 1);

        assertThatThrownBy(() -> engine.trace(TestPictures.bearPng(), budget))
                .isInstanceOfSatisfying(OutlineException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.STOPPED);
                    assertThat(e.getMessage()).contains("ran out of time");
                });
    }

    @Test
    void cancellingWhileDecodingAbortsTheDecoder() throws Exception {
        byte[] big = TestPictures.rgba16Png(6_000, 6_000);
        WorkBudget budget = WorkBudget.unlimited();
        CompletableFuture<OutlineException.Reason> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                engine.trace(big, budget);
                return null;
            } catch (OutlineException e) {
                return e.reason();
            }
        });
        // Cancel once the picture has been priced, i.e. decoding has begun.
        while (budget.spentUnits() == 0 && !outcome.isDone()) {
            Thread.onSpinWait();
        }
        budget.cancel();

        assertThat(outcome.get(60, TimeUnit.SECONDS)).isEqualTo(Reason.STOPPED);
    }
}
