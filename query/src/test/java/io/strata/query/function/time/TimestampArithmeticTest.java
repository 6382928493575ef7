package io.strata.query.function.time;

import static io.strata.query.function.time.TimestampText.format;
import static io.strata.query.function.time.TimestampText.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.QueryExecutionException;
import io.strata.core.error.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampArithmeticTest {

    @ParameterizedTest(name = "date_add(''{0}'', {1}, ''{2}'') = {3}")
    @CsvSource(delimiter = '|', textBlock = """
            day     | 1  | 2020-02-28 10:00:00 | 2020-02-29 10:00:00.000000000
            day     | 1  | 2021-02-28 10:00:00 | 2021-03-01 10:00:00.000000000
            day     | 1  | 2000-02-28          | 2000-02-29 00:00:00.000000000
            day     | 1  | 2100-02-28          | 2100-03-01 00:00:00.000000000
            month   | 1  | 2020-01-31 12:00:00 | 2020-02-29 12:00:00.000000000
            month   | 1  | 2021-01-31          | 2021-02-28 00:00:00.000000000
            month   | -1 | 2020-03-31          | 2020-02-29 00:00:00.000000000
            month   | 13 | 2020-01-31          | 2021-02-28 00:00:00.000000000
            quarter | 1  | 2020-11-30          | 2021-02-28 00:00:00.000000000
            year    | 1  | 2020-02-29          | 2021-02-28 00:00:00.000000000
            year    | 4  | 2020-02-29          | 2024-02-29 00:00:00.000000000
            week    | 2  | 2022-12-25          | 2023-01-08 00:00:00.000000000
            second  | -1 | 2022-01-01          | 2021-12-31 23:59:59.000000000
            millisecond | 1 | 2022-01-01 00:00:00.999 | 2022-01-01 00:00:01.000000000
            """)
    void dateAddFollowsTheCalendar(String unit, long amount, String timestamp, String expected) {
        assertThat(format(TimestampArithmetic.dateAdd(DateTimeUnit.fromName(unit), amount, parse(timestamp)))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "date_diff(''{0}'', ''{1}'', ''{2}'') = {3}")
    @CsvSource(delimiter = '|', textBlock = """
            month   | 2020-01-31          | 2020-02-29          | 1
            month   | 2020-01-31 10:00:00 | 2020-02-29 09:00:00 | 0
            month   | 2020-01-15          | 2020-02-14          | 0
            month   | 2020-01-15          | 2020-02-15          | 1
            month   | 2020-03-31          | 2020-02-29          | -1
            month   | 2020-03-15          | 2020-02-16          | 0
            quarter | 2020-01-01          | 2020-12-31          | 3
            year    | 2020-02-29          | 2021-02-28          | 1
            year    | 2020-03-01          | 2021-02-28          | 0
            year    | 2021-02-28          | 2020-02-29          | -1
            week    | 2022-01-01          | 2022-01-14          | 1
            day     | 2022-01-02          | 2022-01-01 00:00:01 | 0
            second  | 2022-01-01 00:00:10.5 | 2022-01-01 00:00:09 | -1
            hour    | 2022-01-01          | 2022-01-02 23:59:59.999999999 | 47
            """)
    void dateDiffCountsWholeUnitsTowardZero(String unit, String from, String to, long expected) {
        assertThat(TimestampArithmetic.dateDiff(DateTimeUnit.fromName(unit), parse(from), parse(to))).isEqualTo(expected);
    }

    @Test
    void nanosecondPrecisionIsKept() {
        long timestamp = parse("2023-02-13 19:22:45.051000000");
        assertThat(format(TimestampArithmetic.plus(timestamp, 15))).isEqualTo("2023-02-13 19:22:45.051000015");
        assertThat(format(TimestampArithmetic.minus(timestamp, 2_000))).isEqualTo("2023-02-13 19:22:45.050998000");
        assertThat(format(TimestampArithmetic.plusMonths(parse("2023-01-31 01:02:03.000000009"), 1)))
                .isEqualTo("2023-02-28 01:02:03.000000009");
    }

    @Test
    void anOperationResultingInNegativeTimeIsAnError() {
        assertThatThrownBy(() -> TimestampArithmetic.minus(parse("1970-01-01 00:30:00"), Nanos.PER_HOUR))
                .isInstanceOf(QueryExecutionException.class)
                .hasMessageContaining("negative time");
        assertThatThrownBy(() -> new QueryClock(parse("1970-01-01 00:30:00")).ago(Nanos.PER_HOUR))
                .isInstanceOf(QueryExecutionException.class);
        assertThatThrownBy(() -> TimestampArithmetic.dateAdd(DateTimeUnit.MONTH, -1, parse("1970-01-31")))
                .isInstanceOf(QueryExecutionException.class)
                .hasMessageContaining("negative time");
        assertThatThrownBy(() -> TimestampArithmetic.plus(0, -1)).isInstanceOf(QueryExecutionException.class);
        assertThat(TimestampArithmetic.minus(Nanos.PER_HOUR, Nanos.PER_HOUR)).isZero();
    }

    @Test
    void anOperationPastTheLastTimestampIsAnError() {
        assertThat(TimestampArithmetic.plus(TimestampRange.MAX - 1, 1)).isEqualTo(TimestampRange.MAX);
        assertThatThrownBy(() -> TimestampArithmetic.plus(TimestampRange.MAX, 1))
                .isInstanceOf(QueryExecutionException.class)
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> TimestampArithmetic.minus(0, Long.MIN_VALUE)).isInstanceOf(QueryExecutionException.class);
        assertThatThrownBy(() -> TimestampArithmetic.dateAdd(DateTimeUnit.YEAR, 1, parse("2262-01-01")))
                .isInstanceOf(QueryExecutionException.class)
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> TimestampArithmetic.dateAdd(DateTimeUnit.DAY, Long.MAX_VALUE, 0))
                .isInstanceOf(QueryExecutionException.class);
    }

    @Test
    void unknownUnitsAreValidationErrors() {
        assertThatThrownBy(() -> DateTimeUnit.fromName("fortnight"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("'fortnight' is not a valid Timestamp field");
        assertThat(DateTimeUnit.fromName(" Quarter ")).isEqualTo(DateTimeUnit.QUARTER);
    }
}
