package io.strata.query.function.time;

import static io.strata.query.function.time.TimestampText.format;
import static io.strata.query.function.time.TimestampText.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The examples of Timestream's date/time function pages, with the results the pages print. */
class DocumentedExamplesTest {

    @ParameterizedTest(name = "bin(''{0}'', {1} ns) = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2022-06-17 10:15:20 | 300000000000     | 2022-06-17 10:15:00.000000000
            2022-06-17 10:15:20 | 86400000000000   | 2022-06-17 00:00:00.000000000
            2022-06-17 10:15:20 | 864000000000000  | 2022-06-17 00:00:00.000000000
            2022-06-17 10:15:20 | 2592000000000000 | 2022-05-28 00:00:00.000000000
            """)
    void binIsEpochAligned(String timestamp, long interval, String expected) {
        assertThat(format(TimestampRounding.bin(parse(timestamp), interval))).isEqualTo(expected);
    }

    @Test
    void generalAndConversionFunctions() {
        assertThat(format(Iso8601.fromIso8601Timestamp("2022-06-17T08:04:05.000000000+05:00")))
                .isEqualTo("2022-06-17 03:04:05.000000000");
        assertThat(Iso8601.dateToIso8601(Iso8601.fromIso8601Date("2022-06-17"))).isEqualTo("2022-06-17");
        assertThat(format(EpochConversions.fromMilliseconds(1))).isEqualTo("1970-01-01 00:00:00.001000000");
        assertThat(format(EpochConversions.fromNanoseconds(300000001))).isEqualTo("1970-01-01 00:00:00.300000001");
        assertThat(format(EpochConversions.fromUnixtime(1))).isEqualTo("1970-01-01 00:00:01.000000000");
        assertThat(EpochConversions.intervalToMilliseconds(2 * Nanos.PER_DAY + 3 * Nanos.PER_HOUR)).isEqualTo(183600000L);
        assertThat(EpochConversions.toMilliseconds(parse("2022-06-17 17:44:43.771000000"))).isEqualTo(1655487883771L);
        assertThat(EpochConversions.toNanoseconds(2 * Nanos.PER_DAY + 3 * Nanos.PER_HOUR)).isEqualTo(183600000000000L);
        assertThat(EpochConversions.toNanoseconds(parse("2022-06-17 17:44:43.771000678"))).isEqualTo(1655487883771000678L);
        assertThat(EpochConversions.toUnixtime(parse("2022-06-17 17:44:43.771000000"))).isEqualTo(1.6554878837710001E9);
        assertThat(format(TimestampRounding.dateTrunc(DateTimeUnit.fromName("minute"), parse("2022-06-17 17:44:43.771000000"))))
                .isEqualTo("2022-06-17 17:44:00.000000000");
    }

    @Test
    void intervalAndDurationFunctions() {
        assertThat(format(TimestampArithmetic.dateAdd(DateTimeUnit.fromName("hour"), 9, parse("2022-06-17 00:00:00"))))
                .isEqualTo("2022-06-17 09:00:00.000000000");
        assertThat(TimestampArithmetic.dateDiff(DateTimeUnit.DAY, parse("2020-03-01"), parse("2020-03-02"))).isEqualTo(1);
        assertThat(IntervalText.formatDayToSecond(IntervalText.parseDuration("42.8ms"))).isEqualTo("0 00:00:00.042800000");
        assertThat(IntervalText.formatDayToSecond(IntervalText.parseDuration("1day"))).isEqualTo("1 00:00:00.000000000");
        assertThat(IntervalText.formatDayToSecond(IntervalText.parseDuration("1 d"))).isEqualTo("1 00:00:00.000000000");
        assertThat(IntervalText.formatDayToSecond(6 * Nanos.PER_DAY - 4 * Nanos.PER_HOUR)).isEqualTo("5 20:00:00.000000000");
        assertThat(IntervalText.formatYearToMonth(12)).isEqualTo("1-0");
        assertThat(IntervalText.formatYearToMonth(8)).isEqualTo("0-8");
    }

    @Test
    void agoIsTheQueryStartMinusTheInterval() {
        Clock clock = Clock.fixed(Instant.parse("2022-07-07T21:08:53.245Z"), ZoneOffset.UTC);
        QueryClock queryClock = QueryClock.startingNow(clock);
        assertThat(format(queryClock.now())).isEqualTo("2022-07-07 21:08:53.245000000");
        assertThat(format(queryClock.ago(Nanos.PER_DAY))).isEqualTo("2022-07-06 21:08:53.245000000");
        assertThat(Iso8601.dateToIso8601(queryClock.currentDate())).isEqualTo("2022-07-07");
        assertThat(queryClock.currentTime()).isEqualTo(parse("1970-01-01 21:08:53.245"));
    }

    @ParameterizedTest(name = "{0}(''2019-10-12 23:10:34.000000000'') = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            year         | 2019
            day          | 12
            day_of_month | 12
            day_of_week  | 6
            dow          | 6
            day_of_year  | 285
            doy          | 285
            hour         | 23
            millisecond  | 0
            minute       | 10
            month        | 10
            quarter      | 4
            second       | 34
            week         | 41
            week_of_year | 41
            year_of_week | 2019
            yow          | 2019
            """)
    void extractionFunctions(String field, long expected) {
        assertThat(TimestampField.fromName(field).extract(parse("2019-10-12 23:10:34.000000000"))).isEqualTo(expected);
    }
}
