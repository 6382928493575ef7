package io.strata.query.function.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The allocation-free calendar code against the JDK's {@code java.time} over the whole supported
 * range: every field, the text form, month arithmetic and truncation must agree.
 */
class CalendarPropertiesTest {
    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSSSS");

    private static LocalDateTime utc(long nanos) {
        return LocalDateTime.ofInstant(Instant.EPOCH.plusNanos(nanos), ZoneOffset.UTC);
    }

    private static long nanos(LocalDateTime time) {
        Instant instant = time.toInstant(ZoneOffset.UTC);
        return instant.getEpochSecond() * Nanos.PER_SECOND + instant.getNano();
    }

    @Property(tries = 2000)
    void fieldsMatch(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long timestamp) {
        LocalDateTime expected = utc(timestamp);
        assertThat(TimestampField.YEAR.extract(timestamp)).isEqualTo(expected.getYear());
        assertThat(TimestampField.QUARTER.extract(timestamp)).isEqualTo(expected.get(IsoFields.QUARTER_OF_YEAR));
        assertThat(TimestampField.MONTH.extract(timestamp)).isEqualTo(expected.getMonthValue());
        assertThat(TimestampField.DAY.extract(timestamp)).isEqualTo(expected.getDayOfMonth());
        assertThat(TimestampField.DAY_OF_WEEK.extract(timestamp)).isEqualTo(expected.getDayOfWeek().getValue());
        assertThat(TimestampField.DAY_OF_YEAR.extract(timestamp)).isEqualTo(expected.getDayOfYear());
        assertThat(TimestampField.WEEK.extract(timestamp)).isEqualTo(expected.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        assertThat(TimestampField.YEAR_OF_WEEK.extract(timestamp)).isEqualTo(expected.get(IsoFields.WEEK_BASED_YEAR));
        assertThat(TimestampField.HOUR.extract(timestamp)).isEqualTo(expected.getHour());
        assertThat(TimestampField.MINUTE.extract(timestamp)).isEqualTo(expected.getMinute());
        assertThat(TimestampField.SECOND.extract(timestamp)).isEqualTo(expected.getSecond());
        assertThat(TimestampField.MILLISECOND.extract(timestamp)).isEqualTo(expected.getNano() / 1_000_000);
        assertThat(TimestampField.NANOSECOND.extract(timestamp)).isEqualTo(expected.getNano());
    }

    @Property(tries = 2000)
    void textFormsMatchAndRoundTrip(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long timestamp) {
        String text = TimestampText.format(timestamp);
        assertThat(text).isEqualTo(TEXT.format(utc(timestamp)));
        assertThat(TimestampText.parse(text)).isEqualTo(timestamp);
        assertThat(Iso8601.fromIso8601Timestamp(Iso8601.toIso8601(timestamp))).isEqualTo(timestamp);
    }

    @Property(tries = 2000)
    void monthArithmeticMatches(
            @ForAll @LongRange(min = 0, max = 7_000_000_000_000_000_000L) long timestamp,
            @ForAll @IntRange(min = -600, max = 600) int months) {
        LocalDateTime expected = utc(timestamp).plusMonths(months);
        if (expected.getYear() < 1970) {
            return; // an error, covered by the example tests
        }
        assertThat(TimestampArithmetic.plusMonths(timestamp, months)).isEqualTo(nanos(expected));
    }

    @Property(tries = 2000)
    void dateDiffInMonthsIsTheLargestCountNotPassingTheEnd(
            @ForAll @LongRange(min = 0, max = 7_000_000_000_000_000_000L) long from,
            @ForAll @LongRange(min = 0, max = 7_000_000_000_000_000_000L) long to) {
        long months = TimestampArithmetic.dateDiff(DateTimeUnit.MONTH, from, to);
        long earlier = Math.min(from, to);
        long later = Math.max(from, to);
        long count = Math.abs(months);
        assertThat(Long.signum(months)).isIn(0, from <= to ? 1 : -1);
        assertThat(TimestampArithmetic.plusMonths(earlier, count)).isLessThanOrEqualTo(later);
        assertThat(TimestampArithmetic.plusMonths(earlier, count + 1)).isGreaterThan(later);
    }

    @Property(tries = 2000)
    void fixedUnitDifferencesMatch(
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long from,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long to) {
        assertThat(TimestampArithmetic.dateDiff(DateTimeUnit.SECOND, from, to)).isEqualTo(ChronoUnit.SECONDS.between(utc(from), utc(to)));
        assertThat(TimestampArithmetic.dateDiff(DateTimeUnit.DAY, from, to)).isEqualTo(ChronoUnit.DAYS.between(utc(from), utc(to)));
        assertThat(TimestampArithmetic.dateDiff(DateTimeUnit.WEEK, from, to)).isEqualTo(ChronoUnit.WEEKS.between(utc(from), utc(to)));
    }

    @Property(tries = 2000)
    void truncationMatches(@ForAll @LongRange(min = 7 * Nanos.PER_DAY, max = Long.MAX_VALUE) long timestamp) {
        LocalDateTime time = utc(timestamp);
        assertThat(TimestampRounding.dateTrunc(DateTimeUnit.DAY, timestamp)).isEqualTo(nanos(time.truncatedTo(ChronoUnit.DAYS)));
        assertThat(TimestampRounding.dateTrunc(DateTimeUnit.WEEK, timestamp))
                .isEqualTo(nanos(time.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))));
        assertThat(TimestampRounding.dateTrunc(DateTimeUnit.MONTH, timestamp))
                .isEqualTo(nanos(time.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1)));
        assertThat(TimestampRounding.dateTrunc(DateTimeUnit.YEAR, timestamp))
                .isEqualTo(nanos(time.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1)));
    }

    @Property(tries = 1000)
    void binIsTheLargestMultipleNotAfterTheTimestamp(
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long timestamp,
            @ForAll @LongRange(min = 1, max = 400 * Nanos.PER_DAY) long interval) {
        long bin = TimestampRounding.bin(timestamp, interval);
        assertThat(bin % interval).isZero();
        assertThat(bin).isLessThanOrEqualTo(timestamp);
        assertThat(timestamp - bin).isLessThan(interval);
    }
}
