package io.strata.query.function.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.QueryExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntervalTextTest {

    @Test
    void formatsBothIntervalTypesWithTheirSign() {
        assertThat(IntervalText.formatDayToSecond(0)).isEqualTo("0 00:00:00.000000000");
        assertThat(IntervalText.formatDayToSecond(15)).isEqualTo("0 00:00:00.000000015");
        assertThat(IntervalText.formatDayToSecond(-(2 * Nanos.PER_DAY + 3 * Nanos.PER_HOUR))).isEqualTo("-2 03:00:00.000000000");
        assertThat(IntervalText.formatDayToSecond(Long.MIN_VALUE)).isEqualTo("-106751 23:47:16.854775808");
        assertThat(IntervalText.formatYearToMonth(-18)).isEqualTo("-1-6");
        assertThat(IntervalText.formatYearToMonth(0)).isEqualTo("0-0");
    }

    @Test
    void parseDurationKeepsNanosecondsAndRoundsBelowThem() {
        assertThat(IntervalText.parseDuration("15ns")).isEqualTo(15);
        assertThat(IntervalText.parseDuration(" 2.5 us ")).isEqualTo(2_500);
        assertThat(IntervalText.parseDuration("1.5ns")).isEqualTo(2);
        assertThat(IntervalText.parseDuration("1.5h")).isEqualTo(90 * Nanos.PER_MINUTE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "ms", "5 days", "1y", "1month", "-5m", "200000d"})
    void parseDurationRejectsOtherText(String text) {
        assertThatThrownBy(() -> IntervalText.parseDuration(text)).isInstanceOf(QueryExecutionException.class);
    }

    @Test
    void intervalFieldsAreThoseOfTheNormalisedForm() {
        long interval = Nanos.PER_DAY + 2 * Nanos.PER_HOUR + 3 * Nanos.PER_MINUTE + 4 * Nanos.PER_SECOND + 500_000_007;
        assertThat(IntervalFields.day(interval)).isEqualTo(1);
        assertThat(IntervalFields.hour(interval)).isEqualTo(2);
        assertThat(IntervalFields.minute(interval)).isEqualTo(3);
        assertThat(IntervalFields.second(interval)).isEqualTo(4);
        assertThat(IntervalFields.millisecond(interval)).isEqualTo(500);
        assertThat(IntervalFields.nanosecond(interval)).isEqualTo(500_000_007);
        assertThat(IntervalFields.year(18)).isEqualTo(1);
        assertThat(IntervalFields.month(18)).isEqualTo(6);
    }
}
