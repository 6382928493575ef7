package io.strata.client.query;

import io.strata.api.v1.Datum;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.List;
import java.util.Objects;

/**
 * One typed value inside a result: an array element, a time-series point's value, or a column read
 * generically. Typed getters as on {@link Row}: a getter of another type throws
 * {@link ColumnTypeMismatchException}; primitive getters throw {@link IllegalStateException} on
 * NULL, the others return {@code null}. Immutable and thread-safe.
 */
public final class Value {
    private final Datum datum;
    private final ColumnType type;
    private final String label;

    Value(Datum datum, ColumnType type, String label) {
        this.datum = Objects.requireNonNull(datum, "datum");
        this.type = Objects.requireNonNull(type, "type");
        this.label = Objects.requireNonNull(label, "label");
    }

    /** The value's type. */
    public ColumnType type() {
        return type;
    }


    /**
     * Whether the value is SQL NULL (any column type may be NULL).
     */
    public boolean isNull() {
        return DatumReader.isNull(datum);
    }


    /**
     * A VARCHAR value; {@code null} for NULL.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public String getString() {
        return DatumReader.readString(datum, type, label);
    }


    /**
     * Any scalar value in Timestream's text form (e.g. {@code 2019-12-04 19:00:00.000000000}); {@code null} for NULL.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public String getText() {
        return DatumReader.readText(datum, type, label);
    }


    /**
     * A BIGINT or INTEGER value.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public long getLong() {
        return DatumReader.readLong(datum, type, label);
    }


    /**
     * An INTEGER value.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public int getInt() {
        return DatumReader.readInt(datum, type, label);
    }


    /**
     * A DOUBLE value.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public double getDouble() {
        return DatumReader.readDouble(datum, type, label);
    }


    /**
     * A BOOLEAN value.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public boolean getBoolean() {
        return DatumReader.readBoolean(datum, type, label);
    }


    /**
     * A TIMESTAMP value ({@code yyyy-MM-dd HH:mm:ss.nnnnnnnnn}, UTC) to the nanosecond; {@code null} for NULL.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public Instant getInstant() {
        return DatumReader.readInstant(datum, type, label);
    }


    /**
     * A DATE value; {@code null} for NULL.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public LocalDate getDate() {
        return DatumReader.readDate(datum, type, label);
    }


    /**
     * A TIME value to the nanosecond; {@code null} for NULL.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public LocalTime getTime() {
        return DatumReader.readTime(datum, type, label);
    }


    /**
     * An INTERVAL_DAY_TO_SECOND value; {@code null} for NULL.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public Duration getDayToSecondInterval() {
        return DatumReader.readDayToSecondInterval(datum, type, label);
    }


    /**
     * An INTERVAL_YEAR_TO_MONTH value; {@code null} for NULL.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public Period getYearToMonthInterval() {
        return DatumReader.readYearToMonthInterval(datum, type, label);
    }


    /**
     * An array value, its elements typed by the array's element type; {@code null} for NULL.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public List<Value> getArray() {
        return DatumReader.readArray(datum, type, label);
    }


    /**
     * A row (struct) value, its fields read by name or position; {@code null} for NULL.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public Row getRow() {
        return DatumReader.readRow(datum, type, label);
    }


    /**
     * A time-series value, its points in ascending time; {@code null} for NULL.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public List<TimeSeriesPoint> getTimeSeries() {
        return DatumReader.readTimeSeries(datum, type, label);
    }


    @Override
    public String toString() {
        return label + " (" + type + "): " + datum.toString().strip();
    }
}
