package io.strata.client.query;

/**
 * A typed getter was called on a value of another type, e.g. {@code getDouble("n")} on a BIGINT
 * column. The message names the column, its real type and the getter.
 */
public final class ColumnTypeMismatchException extends IllegalStateException {
    private final String column;
    private final transient ColumnType actualType;

    /**
     * @param column the column (or element, or field) read
     * @param actualType its real type
     * @param getter the getter called
     * @param expected the types that getter reads
     */
    public ColumnTypeMismatchException(String column, ColumnType actualType, String getter, String expected) {
        super("column '" + column + "' is " + actualType + ", but " + getter + " reads " + expected);
        this.column = column;
        this.actualType = actualType;
    }

    /** The column (or element, or field) read. */
    public String column() {
        return column;
    }

    /** Its real type. */
    public ColumnType actualType() {
        return actualType;
    }
}
