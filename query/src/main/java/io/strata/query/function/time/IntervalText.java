package io.strata.query.function.time;

import io.strata.core.error.QueryExecutionException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Timestream's text forms of intervals and {@code parse_duration}: a day-to-second interval reads
 * {@code 5 20:00:00.000000000} (days, then time of day with nine fraction digits), a year-to-month
 * interval {@code 1-0} (years-months); a negative one starts with {@code -}.
 */
public final class IntervalText {
    private static final Pattern DURATION = Pattern.compile("\\s*(\\d+(?:\\.\\d*)?|\\.\\d+)\\s*([A-Za-z]+)\\s*");

    private IntervalText() {}

    /** {@code parse_duration('42.8ms')} is {@code 0 00:00:00.042800000}. */
    public static String formatDayToSecond(long nanos) {
        StringBuilder out = new StringBuilder(32);
        if (nanos < 0) {
            out.append('-');
        }
        // Divide before taking absolute values: Long.MIN_VALUE has no positive counterpart.
        long days = Math.abs(nanos / Nanos.PER_DAY);
        long nanosOfDay = Math.abs(nanos % Nanos.PER_DAY);
        out.append(days).append(' ');
        return TimestampText.appendTime(out, nanosOfDay).toString();
    }

    /** {@code SELECT 1year} is {@code 1-0}, {@code SELECT 8month} is {@code 0-8}. */
    public static String formatYearToMonth(long months) {
        StringBuilder out = new StringBuilder(16);
        if (months < 0) {
            out.append('-');
        }
        return out.append(Math.abs(months / 12)).append('-').append(Math.abs(months % 12)).toString();
    }

    /**
     * {@code parse_duration(string)}: a number and a day-to-second unit, blanks allowed around and
     * between them ({@code '42.8ms'}, {@code '1 day'}), to the nearest nanosecond.
     *
     * @throws QueryExecutionException for anything else
     */
    public static long parseDuration(String text) {
        Matcher matcher = DURATION.matcher(text);
        Optional<IntervalUnit> unit = matcher.matches() ? IntervalUnit.fromName(matcher.group(2)) : Optional.empty();
        if (unit.isEmpty() || unit.get().yearToMonth()) {
            throw new QueryExecutionException("duration is not a valid data duration string: " + text);
        }
        try {
            return new BigDecimal(matcher.group(1))
                    .multiply(BigDecimal.valueOf(unit.get().nanoseconds()))
                    .setScale(0, RoundingMode.HALF_UP)
                    .longValueExact();
        } catch (ArithmeticException e) {
            throw new QueryExecutionException("duration is out of range: " + text);
        }
    }
}
