package io.strata.query.function.time;

import io.strata.core.error.ValidationException;
import java.util.Locale;

/**
 * A field of a timestamp, as {@code extract(field FROM ts)} and the convenience functions
 * ({@code year(ts)}, {@code day_of_week(ts)}, ...) return it. UTC; weeks are ISO-8601 (Monday = 1,
 * week 1 holds January 4th). {@link #extract} does not allocate.
 */
public enum TimestampField {
    YEAR,
    QUARTER,
    MONTH,
    /** ISO week of the week-based year, 1 to 53. */
    WEEK,
    /** Day of month. */
    DAY,
    /** Monday = 1 ... Sunday = 7. */
    DAY_OF_WEEK,
    DAY_OF_YEAR,
    /** The ISO week-based year, which differs from {@link #YEAR} around New Year. */
    YEAR_OF_WEEK,
    HOUR,
    MINUTE,
    SECOND,
    /** Milliseconds within the second, 0 to 999. */
    MILLISECOND,
    /** Nanoseconds within the second, 0 to 999 999 999 ({@code nanosecond(ts)}). */
    NANOSECOND;

    /**
     * The field named {@code name} in {@code extract} or as a function, with Timestream's aliases:
     * {@code day_of_month}, {@code dow}, {@code doy}, {@code yow}, {@code week_of_year}.
     *
     * @throws ValidationException for any other name
     */
    public static TimestampField fromName(String name) {
        String upper = name.strip().toUpperCase(Locale.ROOT);
        return switch (upper) {
            case "DAY_OF_MONTH" -> DAY;
            case "DOW" -> DAY_OF_WEEK;
            case "DOY" -> DAY_OF_YEAR;
            case "YOW" -> YEAR_OF_WEEK;
            case "WEEK_OF_YEAR" -> WEEK;
            default -> {
                try {
                    yield valueOf(upper);
                } catch (IllegalArgumentException e) {
                    throw new ValidationException("'" + name + "' is not a valid Timestamp field");
                }
            }
        };
    }

    /** This field of {@code nanos} (nanoseconds since the epoch, UTC). */
    public long extract(long nanos) {
        long epochDay = CivilCalendar.epochDay(nanos);
        long nanosOfDay = CivilCalendar.nanosOfDay(nanos);
        return switch (this) {
            case YEAR -> CivilCalendar.year(epochDay);
            case QUARTER -> (CivilCalendar.month(epochDay) - 1) / 3 + 1;
            case MONTH -> CivilCalendar.month(epochDay);
            case WEEK -> CivilCalendar.isoWeek(epochDay);
            case DAY -> CivilCalendar.dayOfMonth(epochDay);
            case DAY_OF_WEEK -> CivilCalendar.dayOfWeek(epochDay);
            case DAY_OF_YEAR -> CivilCalendar.dayOfYear(epochDay);
            case YEAR_OF_WEEK -> CivilCalendar.isoWeekYear(epochDay);
            case HOUR -> nanosOfDay / Nanos.PER_HOUR;
            case MINUTE -> nanosOfDay / Nanos.PER_MINUTE % 60;
            case SECOND -> nanosOfDay / Nanos.PER_SECOND % 60;
            case MILLISECOND -> nanosOfDay / Nanos.PER_MILLISECOND % 1000;
            case NANOSECOND -> nanosOfDay % Nanos.PER_SECOND;
        };
    }
}
