package dev.cuddlies.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuddlies.fixtures.TestPictures;
import dev.cuddlies.outline.OutlineConfig;
import dev.cuddlies.outline.WorkBudget;
import dev.cuddlies.records.SourceResolver;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-request caps of {@link RequestLimits}, each refusal a 4xx naming its cap. */
class InvocationLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Invocations with(RequestLimits limits) {
        return new Invocations(OutlineConfig.defaults(), limits, SourceResolver.none());
    }

    @Test
    void anAnswerThatWouldOutgrowTheResponseCapIs413NamingIt() throws Exception {
        // Every bad line echoes its 900-character id: 20 lines need about 20 KB, the cap is 8 KB.
        String line = "{\"id\":\"" + "x".repeat(900) + "\",\"image\":\"!\"}\n";
        Reply r = with(RequestLimits.defaults().withMaxResponseBytes(8_192))
                .invoke("application/jsonlines", "application/jsonlines", null,
                        line.repeat(20).getBytes(StandardCharsets.UTF_8));

        assertThat(r.status()).isEqualTo(413);
        JsonNode e = JSON.readTree(r.bodyText());
        assertThat(e.get("error").asText()).isEqualTo("response_too_large");
        assertThat(e.get("message").asText()).contains("limit of 8192 bytes").contains("of 20 records");
    }

    @Test
    void tooManyRecordsAre413BeforeAnyIsTraced() throws Exception {
        String line = "{\"image\":\"" + Base64.getEncoder().encodeToString(TestPictures.bearPng()) + "\"}\n";
        WorkBudget budget = WorkBudget.unlimited();

        Reply r = with(RequestLimits.defaults().withMaxRecords(3)).invoke("application/jsonlines", null, null,
                line.repeat(4).getBytes(StandardCharsets.UTF_8), budget);

        assertThat(r.status()).isEqualTo(413);
        assertThat(JSON.readTree(r.bodyText()).get("message").asText()).contains("holds 4 records; the limit is 3");
        assertThat(budget.spentUnits()).as("nothing traced").isZero();
    }

    @Test
    void recordsAfterTheDeadlineAreErrorLinesNotWork() throws Exception {
        String line = "{\"image\":\"" + Base64.getEncoder().encodeToString(TestPictures.bearPng()) + "\"}\n";
        WorkBudget late = WorkBudget.of(Long.MAX_VALUE, System.nanoTime() - 1);

        Reply r = with(RequestLimits.defaults()).invoke("application/jsonlines", "application/jsonlines", null,
                line.repeat(3).getBytes(StandardCharsets.UTF_8), late);

        assertThat(r.status()).isEqualTo(200);
        for (String result : r.bodyText().split("\n")) {
            assertThat(JSON.readTree(result).get("error").asText()).isEqualTo("stopped");
        }
        assertThat(late.spentUnits()).isZero();
    }

    @Test
    void aSinglePictureOverTheBudgetIs413AndOneStoppedIs503() throws Exception {
        Invocations small = with(RequestLimits.defaults().withWorkUnits(1_000_000));
        byte[] big = TestPictures.encode(TestPictures.bear(1_500, 1_000), "png");
        Reply over = small.invoke("image/png", null, null, big);
        assertThat(over.status()).isEqualTo(413);
        assertThat(JSON.readTree(over.bodyText()).get("error").asText()).isEqualTo("over_budget");

        WorkBudget cancelled = WorkBudget.unlimited();
        cancelled.cancel();
        Reply stopped = small.invoke("image/png", null, null, TestPictures.bearPng(), cancelled);
        assertThat(stopped.status()).isEqualTo(503);
    }
}
