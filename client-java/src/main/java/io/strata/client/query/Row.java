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
 * One result row, or one value of a row type. Columns are read by name or by zero-based position
 * with a getter for their type ({@code getDouble("avg_temp")}, {@code getInstant(0)}); a getter of
 * another type throws {@link ColumnTypeMismatchException} naming the column and its real type.
 * Primitive getters ({@code getLong}, {@code getInt}, {@code getDouble}, {@code getBoolean}) throw
 * {@link IllegalStateException} on NULL; the others return {@code null}.
 *
 * <p>Immutable and safe to share between threads. Values are parsed on each read.
 */
public final class Row {
    private final ColumnIndex columns;
    private final List<Datum> data;
    /** Prefix of error labels: empty for a result row, {@code "outer."} for a row-typed value. */
    private final String labelPrefix;

    Row(ColumnIndex columns, List<Datum> data, String labelPrefix) {
        this.columns = columns;
        this.data = data;
        this.labelPrefix = labelPrefix;
        if (data.size() != columns.columns().size()) {
            throw new IllegalStateException("the server sent a row of " + data.size() + " values for "
                    + columns.columns().size() + " columns " + labelPrefix);
        }
    }

    /** The columns (or fields), in order. */
    public List<Column> columns() {
        return columns.columns();
    }

    /** Number of columns. */
    public int size() {
        return data.size();
    }

    /** The value of column {@code index} as a {@link Value}, for generic code. */
    public Value getValue(int index) {
        return new Value(data.get(index), columns.column(index).type(), label(index));
    }

    /** The value of column {@code name} as a {@link Value}, for generic code. */
    public Value getValue(String name) {
        return getValue(columns.position(name));
    }


    /**
     * Whether the value is SQL NULL (any column type may be NULL).
     */
    public boolean isNull(int index) {
        return DatumReader.isNull(data.get(index));
    }

    /**
     * Whether the value is SQL NULL (any column type may be NULL).
     */
    public boolean isNull(String name) {
        return isNull(columns.position(name));
    }


    /**
     * A VARCHAR value; {@code null} for NULL.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public String getString(int index) {
        return DatumReader.readString(data.get(index), columns.column(index).type(), label(index));
    }

    /**
     * A VARCHAR value; {@code null} for NULL.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public String getString(String name) {
        return getString(columns.position(name));
    }


    /**
     * Any scalar value in Timestream's text form (e.g. {@code 2019-12-04 19:00:00.000000000}); {@code null} for NULL.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public String getText(int index) {
        return DatumReader.readText(data.get(index), columns.column(index).type(), label(index));
    }

    /**
     * Any scalar value in Timestream's text form (e.g. {@code 2019-12-04 19:00:00.000000000}); {@code null} for NULL.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public String getText(String name) {
        return getText(columns.position(name));
    }


    /**
     * A BIGINT or INTEGER value.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public long getLong(int index) {
        return DatumReader.readLong(data.get(index), columns.column(index).type(), label(index));
    }

    /**
     * A BIGINT or INTEGER value.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public long getLong(String name) {
        return getLong(columns.position(name));
    }


    /**
     * An INTEGER value.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public int getInt(int index) {
        return DatumReader.readInt(data.get(index), columns.column(index).type(), label(index));
    }

    /**
     * An INTEGER value.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public int getInt(String name) {
        return getInt(columns.position(name));
    }


    /**
     * A DOUBLE value.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public double getDouble(int index) {
        return DatumReader.readDouble(data.get(index), columns.column(index).type(), label(index));
    }

    /**
     * A DOUBLE value.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public double getDouble(String name) {
        return getDouble(columns.position(name));
    }


    /**
     * A BOOLEAN value.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public boolean getBoolean(int index) {
        return DatumReader.readBoolean(data.get(index), columns.column(index).type(), label(index));
    }

    /**
     * A BOOLEAN value.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public boolean getBoolean(String name) {
        return getBoolean(columns.position(name));
    }


    /**
     * A TIMESTAMP value ({@code yyyy-MM-dd HH:mm:ss.nnnnnnnnn}, UTC) to the nanosecond; {@code null} for NULL.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public Instant getInstant(int index) {
        return DatumReader.readInstant(data.get(index), columns.column(index).type(), label(index));
    }

    /**
     * A TIMESTAMP value ({@code yyyy-MM-dd HH:mm:ss.nnnnnnnnn}, UTC) to the nanosecond; {@code null} for NULL.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public Instant getInstant(String name) {
        return getInstant(columns.position(name));
    }


    /**
     * A DATE value; {@code null} for NULL.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public LocalDate getDate(int index) {
        return DatumReader.readDate(data.get(index), columns.column(index).type(), label(index));
    }

    /**
     * A DATE value; {@code null} for NULL.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public LocalDate getDate(String name) {
        return getDate(columns.position(name));
    }


    /**
     * A TIME value to the nanosecond; {@code null} for NULL.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public LocalTime getTime(int index) {
        return DatumReader.readTime(data.get(index), columns.column(index).type(), label(index));
    }

    /**
     * A TIME value to the nanosecond; {@code null} for NULL.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public LocalTime getTime(String name) {
        return getTime(columns.position(name));
    }


    /**
     * An INTERVAL_DAY_TO_SECOND value; {@code null} for NULL.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public Duration getDayToSecondInterval(int index) {
        return DatumReader.readDayToSecondInterval(data.get(index), columns.column(index).type(), label(index));
    }

    /**
     * An INTERVAL_DAY_TO_SECOND value; {@code null} for NULL.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public Duration getDayToSecondInterval(String name) {
        return getDayToSecondInterval(columns.position(name));
    }


    /**
     * An INTERVAL_YEAR_TO_MONTH value; {@code null} for NULL.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public Period getYearToMonthInterval(int index) {
        return DatumReader.readYearToMonthInterval(data.get(index), columns.column(index).type(), label(index));
    }

    /**
     * An INTERVAL_YEAR_TO_MONTH value; {@code null} for NULL.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public Period getYearToMonthInterval(String name) {
        return getYearToMonthInterval(columns.position(name));
    }


    /**
     * An array value, its elements typed by the array's element type; {@code null} for NULL.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public List<Value> getArray(int index) {
        return DatumReader.readArray(data.get(index), columns.column(index).type(), label(index));
    }

    /**
     * An array value, its elements typed by the array's element type; {@code null} for NULL.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public List<Value> getArray(String name) {
        return getArray(columns.position(name));
    }


    /**
     * A row (struct) value, its fields read by name or position; {@code null} for NULL.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public Row getRow(int index) {
        return DatumReader.readRow(data.get(index), columns.column(index).type(), label(index));
    }

    /**
     * A row (struct) value, its fields read by name or position; {@code null} for NULL.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public Row getRow(String name) {
        return getRow(columns.position(name));
    }


    /**
     * A time-series value, its points in ascending time; {@code null} for NULL.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public List<TimeSeriesPoint> getTimeSeries(int index) {
        return DatumReader.readTimeSeries(data.get(index), columns.column(index).type(), label(index));
    }

    /**
     * A time-series value, its points in ascending time; {@code null} for NULL.
     *
     * @throws ColumnTypeMismatchException when the column has another type
     */
    public List<TimeSeriesPoint> getTimeSeries(String name) {
        return getTimeSeries(columns.position(name));
    }


    private String label(int index) {
        String name = columns.column(index).name();
        return labelPrefix.isEmpty() ? name : labelPrefix + name;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Row{");
        for (int index = 0; index < data.size(); index++) {
            text.append(index == 0 ? "" : ", ").append(columns.column(index).name()).append('=').append(data.get(index).toString().strip());
        }
        return text.append('}').toString();
    }
}
