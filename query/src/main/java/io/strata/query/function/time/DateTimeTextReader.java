package io.strata.query.function.time;

/**
 * A cursor over date-time text for the parsers of {@link TimestampText} and {@link Iso8601}:
 * fixed-width digit fields and single separators, failing with -1 instead of throwing so each
 * caller words its own error.
 */
final class DateTimeTextReader {
    private final CharSequence text;
    private int position;

    DateTimeTextReader(CharSequence text) {
        this.text = text;
    }

    boolean atEnd() {
        return position >= text.length();
    }

    int position() {
        return position;
    }

    char peek() {
        return atEnd() ? '\0' : text.charAt(position);
    }

    boolean accept(char expected) {
        if (peek() == expected) {
            position++;
            return true;
        }
        return false;
    }

    /** Exactly {@code width} digits as a number, or -1 (the cursor then stays put). */
    int digits(int width) {
        if (position + width > text.length()) {
            return -1;
        }
        int value = 0;
        for (int index = 0; index < width; index++) {
            char c = text.charAt(position + index);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        position += width;
        return value;
    }

    /** One to nine fraction digits as nanoseconds ({@code 5} → 500 000 000), or -1 if none. */
    long fractionNanos() {
        int start = position;
        long nanos = 0;
        int count = 0;
        while (!atEnd() && peek() >= '0' && peek() <= '9') {
            if (count == 9) {
                return -1; // finer than a nanosecond
            }
            nanos = nanos * 10 + (peek() - '0');
            count++;
            position++;
        }
        if (count == 0) {
            position = start;
            return -1;
        }
        for (int missing = count; missing < 9; missing++) {
            nanos *= 10;
        }
        return nanos;
    }

    /** The epoch day of {@code YYYY-MM-DD} at the cursor, or {@link Long#MIN_VALUE} if it is not one. */
    long date() {
        int year = digits(4);
        if (year < 0 || !accept('-')) {
            return Long.MIN_VALUE;
        }
        int month = digits(2);
        if (month < 1 || month > 12 || !accept('-')) {
            return Long.MIN_VALUE;
        }
        int day = digits(2);
        if (day < 1 || day > CivilCalendar.daysInMonth(year, month)) {
            return Long.MIN_VALUE;
        }
        return CivilCalendar.epochDay(year, month, day);
    }

    /**
     * {@code hh[:mm[:ss[.fffffffff]]]} at the cursor as nanoseconds of the day, or -1. With
     * {@code minutesRequired} the minutes must be there ({@code hh:mm} at least).
     */
    long timeOfDay(boolean minutesRequired) {
        int hour = digits(2);
        if (hour < 0 || hour > 23) {
            return -1;
        }
        long nanos = hour * Nanos.PER_HOUR;
        if (!accept(':')) {
            return minutesRequired ? -1 : nanos;
        }
        int minute = digits(2);
        if (minute < 0 || minute > 59) {
            return -1;
        }
        nanos += minute * Nanos.PER_MINUTE;
        if (!accept(':')) {
            return nanos;
        }
        int second = digits(2);
        if (second < 0 || second > 59) {
            return -1;
        }
        nanos += second * Nanos.PER_SECOND;
        if (accept('.') || accept(',')) {
            long fraction = fractionNanos();
            if (fraction < 0) {
                return -1;
            }
            nanos += fraction;
        }
        return nanos;
    }
}
