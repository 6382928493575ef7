package io.strata.query.function.time;

/**
 * Proleptic Gregorian calendar arithmetic on epoch days and epoch nanoseconds, UTC, without
 * allocating (the JDK's {@code LocalDate} would allocate per value on the scan path). The day
 * conversions are Howard Hinnant's {@code civil_from_days}/{@code days_from_civil}.
 */
public final class CivilCalendar {
    /** Days from 0000-03-01 to 1970-01-01: the algorithm counts from a March-based era. */
    private static final long DAYS_0000_03_01_TO_EPOCH = 719_468L;
    private static final long DAYS_PER_ERA = 146_097L;
    private static final int[] DAYS_BEFORE_MONTH = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

    private CivilCalendar() {}

    public static long epochDay(long nanos) {
        return Math.floorDiv(nanos, Nanos.PER_DAY);
    }

    public static long nanosOfDay(long nanos) {
        return Math.floorMod(nanos, Nanos.PER_DAY);
    }

    public static int year(long epochDay) {
        long dayOfEra = dayOfEra(epochDay);
        long yearOfEra = yearOfEra(dayOfEra);
        long year = yearOfEra + era(epochDay) * 400;
        return (int) (monthIndex(dayOfEra, yearOfEra) >= 10 ? year + 1 : year);
    }

    /** Month of year, 1 to 12. */
    public static int month(long epochDay) {
        long dayOfEra = dayOfEra(epochDay);
        long monthIndex = monthIndex(dayOfEra, yearOfEra(dayOfEra));
        return (int) (monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
    }

    /** Day of month, 1 to 31. */
    public static int dayOfMonth(long epochDay) {
        long dayOfEra = dayOfEra(epochDay);
        long dayOfYear = dayOfMarchYear(dayOfEra, yearOfEra(dayOfEra));
        long monthIndex = (5 * dayOfYear + 2) / 153;
        return (int) (dayOfYear - (153 * monthIndex + 2) / 5 + 1);
    }

    /** Day of year, 1 to 366. */
    public static int dayOfYear(long epochDay) {
        int year = year(epochDay);
        int month = month(epochDay);
        int leapDay = month > 2 && isLeapYear(year) ? 1 : 0;
        return DAYS_BEFORE_MONTH[month - 1] + leapDay + dayOfMonth(epochDay);
    }

    /** ISO day of week: Monday = 1 ... Sunday = 7 (1970-01-01 was a Thursday). */
    public static int dayOfWeek(long epochDay) {
        return (int) Math.floorMod(epochDay + 3, 7L) + 1;
    }

    public static boolean isLeapYear(long year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    public static int daysInMonth(long year, int month) {
        return switch (month) {
            case 2 -> isLeapYear(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** The epoch day of a calendar date; the date must exist. */
    public static long epochDay(long year, int month, int dayOfMonth) {
        long marchYear = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(marchYear, 400L);
        long yearOfEra = marchYear - era * 400;
        long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + dayOfMonth - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * DAYS_PER_ERA + dayOfEra - DAYS_0000_03_01_TO_EPOCH;
    }

    /** ISO-8601 week of week-based year, 1 to 53 (weeks start on Monday, week 1 holds January 4th). */
    public static int isoWeek(long epochDay) {
        long thursday = epochDay - dayOfWeek(epochDay) + 4;
        return (dayOfYear(thursday) - 1) / 7 + 1;
    }

    /** ISO-8601 week-based year: the year of the Thursday of the date's week. */
    public static int isoWeekYear(long epochDay) {
        return year(epochDay - dayOfWeek(epochDay) + 4);
    }

    private static long era(long epochDay) {
        return Math.floorDiv(epochDay + DAYS_0000_03_01_TO_EPOCH, DAYS_PER_ERA);
    }

    private static long dayOfEra(long epochDay) {
        return Math.floorMod(epochDay + DAYS_0000_03_01_TO_EPOCH, DAYS_PER_ERA);
    }

    private static long yearOfEra(long dayOfEra) {
        return (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    }

    private static long dayOfMarchYear(long dayOfEra, long yearOfEra) {
        return dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    }

    /** Month counted from March = 0 to February = 11. */
    private static long monthIndex(long dayOfEra, long yearOfEra) {
        return (5 * dayOfMarchYear(dayOfEra, yearOfEra) + 2) / 153;
    }
}
