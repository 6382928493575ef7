package io.strata.client.query;

import io.strata.api.v1.Datum;
import io.strata.api.v1.ScalarType;
import io.strata.api.v1.TimeSeriesDataPoint;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads one datum as a Java value, checking it against its column type. Values travel as text in
 * Timestream's formats; scalars are parsed on each read, so a row costs nothing for the columns
 * nobody reads. Stateless.
 */
final class DatumReader {
    /** {@code yyyy-MM-dd HH:mm:ss.nnnnnnnnn}; the fraction may be shorter or absent. */
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);
    /** {@code HH:mm:ss.nnnnnnnnn}; the fraction may be shorter or absent. */
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);

    private DatumReader() {}

    static boolean isNull(Datum datum) {
        return datum.getValueCase() == Datum.ValueCase.NULL_VALUE || datum.getValueCase() == Datum.ValueCase.VALUE_NOT_SET;
    }

    /**
     * UNKNOWN is the type of a bare {@code NULL}: its values are NULL whatever getter reads them, as
     * SQL lets NULL stand for a value of any type (object getters give {@code null}, primitive ones
     * throw as for any NULL).
     */
    private static boolean isUnknown(ColumnType type) {
        return type.is(ScalarType.SCALAR_TYPE_UNKNOWN);
    }

    static String readString(Datum datum, ColumnType type, String label) {
        return scalarOrNull(datum, type, label, "getString", ScalarType.SCALAR_TYPE_VARCHAR);
    }

    static String readText(Datum datum, ColumnType type, String label) {
        if (!(type instanceof ColumnType.Scalar)) {
            throw new ColumnTypeMismatchException(label, type, "getText", "a scalar type");
        }
        return isNull(datum) ? null : scalarText(datum, type, label);
    }

    static long readLong(Datum datum, ColumnType type, String label) {
        String text = primitive(datum, type, label, "getLong", ScalarType.SCALAR_TYPE_BIGINT, ScalarType.SCALAR_TYPE_INTEGER);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw malformed(label, type, text, e);
        }
    }

    static int readInt(Datum datum, ColumnType type, String label) {
        String text = primitive(datum, type, label, "getInt", ScalarType.SCALAR_TYPE_INTEGER, ScalarType.SCALAR_TYPE_INTEGER);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw malformed(label, type, text, e);
        }
    }

    static double readDouble(Datum datum, ColumnType type, String label) {
        String text = primitive(datum, type, label, "getDouble", ScalarType.SCALAR_TYPE_DOUBLE, ScalarType.SCALAR_TYPE_DOUBLE);
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw malformed(label, type, text, e);
        }
    }

    static boolean readBoolean(Datum datum, ColumnType type, String label) {
        String text = primitive(datum, type, label, "getBoolean", ScalarType.SCALAR_TYPE_BOOLEAN, ScalarType.SCALAR_TYPE_BOOLEAN);
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw malformed(label, type, text, null);
        };
    }

    static Instant readInstant(Datum datum, ColumnType type, String label) {
        String text = scalarOrNull(datum, type, label, "getInstant", ScalarType.SCALAR_TYPE_TIMESTAMP);
        return text == null ? null : parseTimestamp(text, type, label);
    }

    static LocalDate readDate(Datum datum, ColumnType type, String label) {
        String text = scalarOrNull(datum, type, label, "getDate", ScalarType.SCALAR_TYPE_DATE);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw malformed(label, type, text, e);
        }
    }

    static LocalTime readTime(Datum datum, ColumnType type, String label) {
        String text = scalarOrNull(datum, type, label, "getTime", ScalarType.SCALAR_TYPE_TIME);
        try {
            return text == null ? null : LocalTime.parse(text, TIME);
        } catch (DateTimeParseException e) {
            throw malformed(label, type, text, e);
        }
    }

    /** {@code [-]d HH:mm:ss[.n...]}. */
    static Duration readDayToSecondInterval(Datum datum, ColumnType type, String label) {
        String text = scalarOrNull(datum, type, label, "getDayToSecondInterval", ScalarType.SCALAR_TYPE_INTERVAL_DAY_TO_SECOND);
        if (text == null) {
            return null;
        }
        boolean negative = text.startsWith("-");
        int space = text.indexOf(' ');
        try {
            if (space < 0) {
                throw malformed(label, type, text, null);
            }
            long days = Long.parseLong(text.substring(negative ? 1 : 0, space));
            LocalTime timeOfDay = LocalTime.parse(text.substring(space + 1), TIME);
            Duration interval = Duration.ofDays(days).plusNanos(timeOfDay.toNanoOfDay());
            return negative ? interval.negated() : interval;
        } catch (NumberFormatException | DateTimeParseException e) {
            throw malformed(label, type, text, e);
        }
    }

    /** {@code [-]y-m}. */
    static Period readYearToMonthInterval(Datum datum, ColumnType type, String label) {
        String text = scalarOrNull(datum, type, label, "getYearToMonthInterval", ScalarType.SCALAR_TYPE_INTERVAL_YEAR_TO_MONTH);
        if (text == null) {
            return null;
        }
        boolean negative = text.startsWith("-");
        int dash = text.indexOf('-', negative ? 1 : 0);
        try {
            if (dash < 0) {
                throw malformed(label, type, text, null);
            }
            Period interval = Period.of(Integer.parseInt(text.substring(negative ? 1 : 0, dash)), Integer.parseInt(text.substring(dash + 1)), 0);
            return negative ? interval.negated() : interval;
        } catch (NumberFormatException e) {
            throw malformed(label, type, text, e);
        }
    }

    static List<Value> readArray(Datum datum, ColumnType type, String label) {
        if (isUnknown(type) && isNull(datum)) {
            return null;
        }
        if (!(type instanceof ColumnType.ArrayOf array)) {
            throw new ColumnTypeMismatchException(label, type, "getArray", "an array type");
        }
        if (isNull(datum)) {
            return null;
        }
        requireShape(datum, Datum.ValueCase.ARRAY_VALUE, type, label);
        List<Datum> elements = datum.getArrayValue().getDataList();
        List<Value> values = new ArrayList<>(elements.size());
        for (int index = 0; index < elements.size(); index++) {
            values.add(new Value(elements.get(index), array.elementType(), label + "[" + index + "]"));
        }
        return Collections.unmodifiableList(values);
    }

    static Row readRow(Datum datum, ColumnType type, String label) {
        if (isUnknown(type) && isNull(datum)) {
            return null;
        }
        if (!(type instanceof ColumnType.RowOf row)) {
            throw new ColumnTypeMismatchException(label, type, "getRow", "a row type");
        }
        if (isNull(datum)) {
            return null;
        }
        requireShape(datum, Datum.ValueCase.ROW_VALUE, type, label);
        return new Row(new ColumnIndex(row.fields()), datum.getRowValue().getDataList(), label + ".");
    }

    static List<TimeSeriesPoint> readTimeSeries(Datum datum, ColumnType type, String label) {
        if (isUnknown(type) && isNull(datum)) {
            return null;
        }
        if (!(type instanceof ColumnType.TimeSeriesOf series)) {
            throw new ColumnTypeMismatchException(label, type, "getTimeSeries", "a timeseries type");
        }
        if (isNull(datum)) {
            return null;
        }
        requireShape(datum, Datum.ValueCase.TIME_SERIES_VALUE, type, label);
        ColumnType timestamp = new ColumnType.Scalar(ScalarType.SCALAR_TYPE_TIMESTAMP);
        List<TimeSeriesDataPoint> points = datum.getTimeSeriesValue().getDataPointsList();
        List<TimeSeriesPoint> values = new ArrayList<>(points.size());
        for (int index = 0; index < points.size(); index++) {
            TimeSeriesDataPoint point = points.get(index);
            String pointLabel = label + "[" + index + "]";
            values.add(new TimeSeriesPoint(parseTimestamp(point.getTime(), timestamp, pointLabel + ".time"),
                    new Value(point.getValue(), series.valueType(), pointLabel + ".value")));
        }
        return Collections.unmodifiableList(values);
    }

    private static Instant parseTimestamp(String text, ColumnType type, String label) {
        try {
            return LocalDateTime.parse(text, TIMESTAMP).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw malformed(label, type, text, e);
        }
    }

    /** The scalar text of a value a primitive getter reads; a NULL cannot be returned as one. */
    private static String primitive(Datum datum, ColumnType type, String label, String getter, ScalarType accepted,
            ScalarType alsoAccepted) {
        requireScalar(type, label, getter, accepted, alsoAccepted);
        if (isNull(datum)) {
            throw new IllegalStateException("column '" + label + "' (" + type + ") is NULL, which " + getter
                    + " cannot return; check isNull first");
        }
        return scalarText(datum, type, label);
    }

    private static String scalarOrNull(Datum datum, ColumnType type, String label, String getter, ScalarType accepted) {
        requireScalar(type, label, getter, accepted, accepted);
        return isNull(datum) ? null : scalarText(datum, type, label);
    }

    private static void requireScalar(ColumnType type, String label, String getter, ScalarType accepted, ScalarType alsoAccepted) {
        if (isUnknown(type)) {
            return;
        }
        if (!type.is(accepted) && !type.is(alsoAccepted)) {
            String expected = accepted == alsoAccepted ? ColumnType.scalarName(accepted)
                    : ColumnType.scalarName(accepted) + " or " + ColumnType.scalarName(alsoAccepted);
            throw new ColumnTypeMismatchException(label, type, getter, expected);
        }
    }

    private static String scalarText(Datum datum, ColumnType type, String label) {
        requireShape(datum, Datum.ValueCase.SCALAR_VALUE, type, label);
        return datum.getScalarValue();
    }

    private static void requireShape(Datum datum, Datum.ValueCase expected, ColumnType type, String label) {
        if (datum.getValueCase() != expected) {
            throw new IllegalStateException("the server sent a " + datum.getValueCase() + " for column '" + label
                    + "' of type " + type + "; expected a " + expected);
        }
    }

    private static IllegalStateException malformed(String label, ColumnType type, String text, Exception cause) {
        return new IllegalStateException("column '" + label + "' (" + type + ") holds '" + text
                + "', which is not in Timestream's text form of " + type, cause);
    }
}
