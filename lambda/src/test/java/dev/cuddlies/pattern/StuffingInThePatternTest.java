package dev.cuddlies.pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuddlies.outline.Outline;
import dev.cuddlies.pattern.stuffing.StuffingMode;
import dev.cuddlies.pattern.stuffing.StuffingStatus;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Stuffing as the pattern maker's first stage: enlarged when there is time, the outline as traced when not. */
class StuffingInThePatternTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final PatternMaker maker = new PatternMaker();

    private Pattern made(Outline outline, PatternSpec spec, Duration time) throws Exception {
        PatternOutcome outcome = maker.make(outline, spec, time);
        assertThat(outcome).isInstanceOf(PatternOutcome.Made.class);
        return ((PatternOutcome.Made) outcome).pattern();
    }

    @Test
    void firmStuffingEnlargesThePatternSoTheStuffedToyIsAsTallAsAsked() throws Exception {
        Pattern p = made(TestOutlines.bodyWithThinArm(), PatternSpec.defaults(), PatternMaker.UNLIMITED);

        assertThat(p.stuffing().status()).isEqualTo(StuffingStatus.COMPENSATED);
        var r = p.stuffing().report().orElseThrow();
        assertThat(r.predictedHeightMm()).isCloseTo(300, within(15.0));
        assertThat(p.figureHeightMm()).isGreaterThan(r.predictedHeightMm() * 1.1);
        assertThat(r.silhouetteIoU()).isGreaterThan(r.silhouetteIoUUncompensated());
        assertThat(p.toyHeightMm()).isEqualTo(300);

        Map<String, byte[]> files = PatternFiles.render(TestOutlines.bodyWithThinArm(), p);
        assertThat(files).containsKey(PatternFiles.STUFFED);
        JsonNode json = JSON.readTree(files.get(PatternFiles.JSON)).path("stuffing");
        assertThat(json.path("mode").asText()).isEqualTo("firm");
        assertThat(json.path("status").asText()).isEqualTo("compensated");
        assertThat(json.path("predictedHeightMm").asDouble()).isCloseTo(r.predictedHeightMm(), within(0.1));
        assertThat(json.path("predictedWidthMm").asDouble()).isPositive();
        assertThat(json.path("predictedThicknessMm").asDouble()).isPositive();
        assertThat(json.path("silhouetteIoU").asDouble()).isCloseTo(r.silhouetteIoU(), within(0.001));
        assertThat(json.path("silhouetteIoUUncompensated").asDouble()).isCloseTo(r.silhouetteIoUUncompensated(), within(0.001));
        try (PDDocument pdf = Loader.loadPDF(files.get(PatternFiles.PDF))) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Stuffed firm, it should be about " + Length.describeCm(r.predictedHeightMm()) + " tall")
                    .contains("thick").contains("should overlap the picture's by");
        }
    }

    @Test
    void withTooLittleTimeTheOutlineIsCutAsTracedAndPatternJsonSaysWhy() throws Exception {
        Duration tooLittle = StuffingStage.MIN_TIME.minusMillis(1);
        Pattern p = made(TestOutlines.disc(200), PatternSpec.defaults(), tooLittle);

        assertThat(p.stuffing().status()).isEqualTo(StuffingStatus.NO_TIME);
        assertThat(p.stuffing().report()).isEmpty();
        assertThat(p.figureHeightMm()).isCloseTo(300, within(1.0));
        Map<String, byte[]> files = PatternFiles.render(TestOutlines.disc(200), p);
        assertThat(files).doesNotContainKey(PatternFiles.STUFFED).containsKey(PatternFiles.PDF);
        JsonNode json = JSON.readTree(files.get(PatternFiles.JSON)).path("stuffing");
        assertThat(json.path("mode").asText()).isEqualTo("firm");
        assertThat(json.path("status").asText()).isEqualTo("no_time");
        assertThat(json.has("predictedHeightMm")).isFalse();
    }

    @Test
    void stuffingOffCutsTheOutlineAsTracedAndPredictsTheSmallerToy() throws Exception {
        Pattern p = made(TestOutlines.disc(200), PatternSpec.defaults().withStuffing(StuffingMode.OFF), PatternMaker.UNLIMITED);

        assertThat(p.stuffing().status()).isEqualTo(StuffingStatus.PREDICTED);
        assertThat(p.figureHeightMm()).isCloseTo(300, within(1.0));
        // A disc keeps 76 % of its radius stuffed (Paulsen 1994; ClosedFormsTest).
        assertThat(p.stuffing().report().orElseThrow().predictedHeightMm()).isCloseTo(0.763 * 300, within(0.05 * 300));
        assertThat(p.toyHeightMm()).isEqualTo(p.figureHeightMm());
        assertThat(JSON.readTree(PatternJson.write(p)).path("stuffing").path("mode").asText()).isEqualTo("off");
    }

    @Test
    void theRoundsStopBeforeTheDeadlineWithTheBestPatternSoFar() {
        Polygon target = new GeometryFactory().createPolygon(new Coordinate[] {new Coordinate(0, 0), new Coordinate(60, 0),
            new Coordinate(60, 300), new Coordinate(0, 300), new Coordinate(0, 0)});
        StuffingStage.Staged staged = new StuffingStage().run(target, StuffingMode.FIRM, StuffingStage.MIN_TIME);

        // Either it matched within the time or it stopped early; either way it is a usable, enlarged pattern.
        assertThat(staged.result().status()).isIn(StuffingStatus.COMPENSATED, StuffingStatus.CUT_SHORT);
        assertThat(staged.cutMm().getArea()).isGreaterThan(target.getArea());
    }

    @Test
    void aSimulationThatFailsLeavesThePatternAsTracedNeverNone() {
        // Three points on a line: no area, nothing to mesh.
        Polygon flat = new GeometryFactory().createPolygon(new Coordinate[] {new Coordinate(0, 0), new Coordinate(100, 0),
            new Coordinate(200, 0), new Coordinate(0, 0)});
        StuffingStage.Staged staged = new StuffingStage().run(flat, StuffingMode.FIRM, PatternMaker.UNLIMITED);

        assertThat(staged.result().status()).isEqualTo(StuffingStatus.FAILED);
        assertThat(staged.cutMm()).isSameAs(flat);
        assertThat(staged.result().previewPng()).isEmpty();
    }
}
