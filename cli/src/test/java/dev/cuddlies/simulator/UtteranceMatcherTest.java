package dev.cuddlies.simulator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UtteranceMatcherTest {

    @Test
    void matchesSampleUtterancesWithResolvedSlots() throws Exception {
        UtteranceMatcher en = UtteranceMatcher.forLocale("en-US");

        assertThat(en.match("Make a teddy from my picture!")).hasValueSatisfying(m -> {
            assertThat(m.intent()).isEqualTo("MakeCuddlieIntent");
            assertThat(m.slots().get("toy").resolvedId()).isEqualTo("TOY");
            assertThat(m.slots().get("picture").resolvedId()).isEqualTo("PICTURE");
        });
        assertThat(en.match("make a large cuddlie")).hasValueSatisfying(m -> {
            assertThat(m.slots().get("size").resolvedId()).isEqualTo("BIG");
            assertThat(m.slots().get("size").value()).isEqualTo("large");
        });
        assertThat(en.match("make a forty two centimeter cuddlie")).hasValueSatisfying(m ->
                assertThat(m.slots().get("heightCm").value()).isEqualTo("42"));
        assertThat(en.match("make it 16 inches tall")).hasValueSatisfying(m -> {
            assertThat(m.intent()).isEqualTo("ResizePatternIntent");
            assertThat(m.slots().get("heightIn").value()).isEqualTo("16");
        });
        assertThat(en.match("help")).hasValueSatisfying(m -> assertThat(m.intent()).isEqualTo("AMAZON.HelpIntent"));
        assertThat(en.match("what is the weather in paris")).isEmpty();
    }

    @Test
    void spokenNumbersAndDurationsReadAsAlexaGivesThem() {
        assertThat(SpokenNumbers.parse("ninety").getAsLong()).isEqualTo(90);
        assertThat(SpokenNumbers.parse("a hundred and five").getAsLong()).isEqualTo(105);
        assertThat(SpokenNumbers.parse("36").getAsLong()).isEqualTo(36);
        assertThat(SpokenNumbers.parse("lots")).isEmpty();
        assertThat(Durations.iso8601("twenty minutes")).hasValue("PT20M");
        assertThat(Durations.iso8601("an hour")).hasValue("PT1H");
        assertThat(Durations.iso8601("1 hour 30 minutes")).hasValue("PT1H30M");
        assertThat(Durations.iso8601("a while")).isEmpty();
    }
}
