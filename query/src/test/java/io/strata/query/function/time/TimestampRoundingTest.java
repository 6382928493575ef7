package io.strata.query.function.time;

import static io.strata.query.function.time.TimestampText.format;
import static io.strata.query.function.time.TimestampText.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.QueryExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampRoundingTest {

    @Test
    void binEdges() {
        long timestamp = parse("2022-06-17 10:17:20.123456789");
        assertThat(format(TimestampRounding.bin(timestamp, 5 * Nanos.PER_MINUTE))).isEqualTo("2022-06-17 10:15:00.000000000");
        // Multiples of -5m are the multiples of 5m: rounding down to them gives the same bin.
        assertThat(TimestampRounding.bin(timestamp, -5 * Nanos.PER_MINUTE)).isEqualTo(TimestampRounding.bin(timestamp, 5 * Nanos.PER_MINUTE));
        assertThat(TimestampRounding.bin(timestamp, 1)).isEqualTo(timestamp);
        assertThat(format(TimestampRounding.bin(timestamp, 1_000))).isEqualTo("2022-06-17 10:17:20.123456000");
        assertThat(TimestampRounding.bin(parse("2022-06-17 10:15:00"), 5 * Nanos.PER_MINUTE)).isEqualTo(parse("2022-06-17 10:15:00"));
        assertThat(TimestampRounding.bin(0, Nanos.PER_HOUR)).isZero();
        assertThat(TimestampRounding.bin(TimestampRange.MAX, Long.MIN_VALUE)).isZero();
        assertThat(TimestampRounding.bin(TimestampRange.MAX, Long.MAX_VALUE)).isEqualTo(TimestampRange.MAX);
        assertThatThrownBy(() -> TimestampRounding.bin(timestamp, 0))
                .isInstanceOf(QueryExecutionException.class)
                .hasMessageContaining("must not be zero");
    }

    @ParameterizedTest(name = "date_trunc(''{0}'', ''{1}'') = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            millisecond | 2022-06-17 17:44:43.771999999 | 2022-06-17 17:44:43.771000000
            second      | 2022-06-17 17:44:43.771999999 | 2022-06-17 17:44:43.000000000
            hour        | 2022-06-17 17:44:43.771       | 2022-06-17 17:00:00.000000000
            day         | 2022-06-17 17:44:43.771       | 2022-06-17 00:00:00.000000000
            week        | 2022-06-17 17:44:43.771       | 2022-06-13 00:00:00.000000000
            week        | 2022-06-13 00:00:00           | 2022-06-13 00:00:00.000000000
            week        | 2022-06-19 23:59:59.999999999 | 2022-06-13 00:00:00.000000000
            month       | 2020-02-29 23:59:59           | 2020-02-01 00:00:00.000000000
            quarter     | 2022-06-17 17:44:43           | 2022-04-01 00:00:00.000000000
            quarter     | 2022-12-31 23:59:59           | 2022-10-01 00:00:00.000000000
            year        | 2022-06-17 17:44:43           | 2022-01-01 00:00:00.000000000
            """)
    void dateTruncGoesToTheStartOfTheUnit(String unit, String timestamp, String expected) {
        assertThat(format(TimestampRounding.dateTrunc(DateTimeUnit.fromName(unit), parse(timestamp)))).isEqualTo(expected);
    }

    @Test
    void truncatingTheFirstDaysToTheirWeekWouldGoBefore1970() {
        assertThat(format(TimestampRounding.dateTrunc(DateTimeUnit.WEEK, parse("1970-01-05 10:00:00"))))
                .isEqualTo("1970-01-05 00:00:00.000000000");
        assertThatThrownBy(() -> TimestampRounding.dateTrunc(DateTimeUnit.WEEK, parse("1970-01-02")))
                .isInstanceOf(QueryExecutionException.class)
                .hasMessageContaining("negative time");
    }
}
