package dev.cuddlies.pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LengthTest {

    @Test
    void parsesTheUnitsPeopleType() {
        assertThat(Length.parseMm("30cm")).isEqualTo(300);
        assertThat(Length.parseMm("250 mm")).isEqualTo(250);
        assertThat(Length.parseMm("12in")).isCloseTo(304.8, within(1e-9));
        assertThat(Length.parseMm("0.25\"")).isCloseTo(6.35, within(1e-9));
        assertThat(Length.parseMm("7,5cm")).isEqualTo(75);
        assertThat(Length.parseMm("40")).isEqualTo(400);
    }

    @Test
    void refusesWhatIsNotALength() {
        assertThatThrownBy(() -> Length.parseMm("big")).hasMessageContaining("not a length");
        assertThatThrownBy(() -> Length.parseMm("-3cm")).hasMessageContaining("not a length");
        assertThatThrownBy(() -> Length.parseMm("3 furlongs")).hasMessageContaining("not a length");
    }
}
