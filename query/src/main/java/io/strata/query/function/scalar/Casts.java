package io.strata.query.function.scalar;

import io.strata.core.error.QueryExecutionException;
import io.strata.query.function.time.CivilCalendar;
import io.strata.query.function.time.Iso8601;
import io.strata.query.function.time.Nanos;
import io.strata.query.function.time.TimestampText;
import java.util.Locale;

/**
 * {@code CAST} between VARCHAR, BIGINT, INTEGER, DOUBLE, BOOLEAN, TIMESTAMP (long nanoseconds) and
 * DATE (long days since the epoch), with Trino's rules: DOUBLE to BIGINT/INTEGER rounds half away
 * from zero and fails out of range or on NaN; VARCHAR is parsed strictly (surrounding spaces
 * allowed); a value that does not convert is a {@link QueryExecutionException}. {@code TRY_CAST}
 * is {@link ConditionalFunctions#tryEvaluate} around these. Pure and thread-safe.
 */
public final class Casts {
    private Casts() {}

    public static long doubleToBigint(double value) {
        if (Double.isNaN(value) || value >= 0x1p63 || value < -0x1p63) {
            throw invalid(value, "bigint");
        }
        double rounded = MathFunctions.round(value);
        if (rounded >= 0x1p63) {
            throw invalid(value, "bigint");
        }
        return (long) rounded;
    }

    public static long doubleToInteger(double value) {
        return bigintToInteger(doubleToBigint(value));
    }

    /** INTEGER values travel as long; this checks the 32-bit range. */
    public static long bigintToInteger(long value) {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new QueryExecutionException("Out of range for integer: " + value);
        }
        return value;
    }

    public static double bigintToDouble(long value) {
        return value;
    }

    public static boolean bigintToBoolean(long value) {
        return value != 0;
    }

    public static boolean doubleToBoolean(double value) {
        return value != 0;
    }

    public static long booleanToBigint(boolean value) {
        return value ? 1 : 0;
    }

    public static double booleanToDouble(boolean value) {
        return value ? 1.0 : 0.0;
    }

    public static long varcharToBigint(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw invalid(value, "bigint");
        }
    }

    public static long varcharToInteger(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw invalid(value, "integer");
        }
    }

    public static double varcharToDouble(String value) {
        String text = value.strip();
        // Java also accepts "1d", "0x1p3" and the like, which SQL does not.
        if (text.isEmpty() || text.endsWith("d") || text.endsWith("D") || text.endsWith("f") || text.endsWith("F")
                || text.contains("x") || text.contains("X")) {
            throw invalid(value, "double");
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw invalid(value, "double");
        }
    }

    /** 'true'/'t'/'1' and 'false'/'f'/'0', any case. */
    public static boolean varcharToBoolean(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "t", "1" -> true;
            case "false", "f", "0" -> false;
            default -> throw invalid(value, "boolean");
        };
    }

    /** 'YYYY-MM-DD[ hh:mm:ss[.fffffffff]]' as Timestream prints timestamps. */
    public static long varcharToTimestamp(String value) {
        try {
            return TimestampText.parse(value.strip());
        } catch (RuntimeException e) {
            throw invalid(value, "timestamp");
        }
    }

    public static long varcharToDate(String value) {
        try {
            return Iso8601.fromIso8601Date(value.strip());
        } catch (RuntimeException e) {
            throw invalid(value, "date");
        }
    }

    public static String bigintToVarchar(long value) {
        return Long.toString(value);
    }

    /** Java's shortest round-trip form, which is what Trino prints ({@code 1.5}, {@code 1.0E10}, {@code NaN}). */
    public static String doubleToVarchar(double value) {
        return Double.toString(value);
    }

    public static String booleanToVarchar(boolean value) {
        return value ? "true" : "false";
    }

    public static String timestampToVarchar(long timestamp) {
        return TimestampText.format(timestamp);
    }

    public static String dateToVarchar(long epochDay) {
        return Iso8601.dateToIso8601(epochDay);
    }

    public static long timestampToDate(long timestamp) {
        return CivilCalendar.epochDay(timestamp);
    }

    public static long dateToTimestamp(long epochDay) {
        try {
            return Math.multiplyExact(epochDay, Nanos.PER_DAY);
        } catch (ArithmeticException e) {
            throw invalid(epochDay, "timestamp");
        }
    }

    private static QueryExecutionException invalid(Object value, String type) {
        return new QueryExecutionException("Cannot cast '" + value + "' to " + type);
    }
}
