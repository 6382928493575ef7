package io.strata.core.time;

import io.strata.core.error.ValidationException;
import java.util.List;

/**
 * The unit of a record's {@code Time} (and, in Strata, of its TIMESTAMP measure values), as
 * Timestream names it on the wire. {@link #MILLISECONDS} is the default when a record omits it.
 *
 * <p>Conversion accepts only what Timestream documents: a non-negative integer count of units since
 * the Unix epoch, written as plain decimal digits. The result must fit Timestream's write range
 * (up to {@code 2262-04-11T23:47:16.854775807Z}, i.e. {@link Long#MAX_VALUE} nanoseconds).
 */
public enum TimeUnit {
    SECONDS(1_000_000_000L),
    MILLISECONDS(1_000_000L),
    MICROSECONDS(1_000L),
    NANOSECONDS(1L);

    /** Timestream's message for a time it cannot read (observed as a ValidationException). */
    public static final String INVALID_TIME_MESSAGE = "Invalid time for record.";

    /** The wire names in the API model's order, as Coral lists them in enum violations. */
    public static final List<String> WIRE_NAMES = List.of("MILLISECONDS", "SECONDS", "MICROSECONDS", "NANOSECONDS");

    /** The unit used when a record and its common attributes do not name one. */
    public static final TimeUnit DEFAULT = MILLISECONDS;

    private final long nanosPerUnit;

    TimeUnit(long nanosPerUnit) {
        this.nanosPerUnit = nanosPerUnit;
    }

    public long nanosPerUnit() {
        return nanosPerUnit;
    }

    /**
     * Nanoseconds since the epoch for {@code text} counted in this unit.
     *
     * @throws ValidationException {@value #INVALID_TIME_MESSAGE} if the text is not plain decimal
     *     digits (no sign, no fraction, no exponent, no whitespace) or overflows the write range
     */
    public long toEpochNanos(String text) {
        long nanos = epochNanosOrMinusOne(text);
        if (nanos < 0) {
            throw new ValidationException(INVALID_TIME_MESSAGE);
        }
        return nanos;
    }

    /**
     * Like {@link #toEpochNanos(String)} but answers {@code -1} instead of throwing, for callers
     * that phrase their own reason; valid times are never negative, so -1 is unambiguous.
     */
    public long epochNanosOrMinusOne(String text) {
        if (text == null || text.isEmpty()) {
            return -1;
        }
        long units = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            int digit = c - '0';
            if (units > (Long.MAX_VALUE - digit) / 10) {
                return -1;
            }
            units = units * 10 + digit;
        }
        if (units > Long.MAX_VALUE / nanosPerUnit) {
            return -1;
        }
        return units * nanosPerUnit;
    }

    /** The unit spelled exactly {@code wireName} (Timestream enums are case-sensitive), or null. */
    public static TimeUnit fromWireName(String wireName) {
        if (wireName == null) {
            return null;
        }
        for (TimeUnit unit : values()) {
            if (unit.name().equals(wireName)) {
                return unit;
            }
        }
        return null;
    }
}
