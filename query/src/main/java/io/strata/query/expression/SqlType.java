package io.strata.query.expression;

import io.strata.core.batch.ColumnType;
import io.strata.core.error.ValidationException;
import java.util.Locale;

/**
 * The type of a value in a query, as the analyzer reasons about it. Several query types share one
 * physical {@link ColumnType}: intervals and dates are carried in long vectors like BIGINT, and
 * {@code UNKNOWN} (the type of a bare {@code NULL}) in an all-null BOOLEAN vector.
 */
public enum SqlType {
    BIGINT(ColumnType.BIGINT, "BIGINT"),
    DOUBLE(ColumnType.DOUBLE, "DOUBLE"),
    VARCHAR(ColumnType.VARCHAR, "VARCHAR"),
    BOOLEAN(ColumnType.BOOLEAN, "BOOLEAN"),
    TIMESTAMP(ColumnType.TIMESTAMP, "TIMESTAMP"),
    /** Epoch day. */
    DATE(ColumnType.BIGINT, "DATE"),
    /** Nanoseconds. */
    INTERVAL_DAY_TO_SECOND(ColumnType.BIGINT, "INTERVAL_DAY_TO_SECOND"),
    /** Months. */
    INTERVAL_YEAR_TO_MONTH(ColumnType.BIGINT, "INTERVAL_YEAR_TO_MONTH"),
    UNKNOWN(ColumnType.BOOLEAN, "UNKNOWN");

    private final ColumnType physicalType;
    private final String timestreamName;

    SqlType(ColumnType physicalType, String timestreamName) {
        this.physicalType = physicalType;
        this.timestreamName = timestreamName;
    }

    public ColumnType physicalType() {
        return physicalType;
    }

    /** The {@code ScalarType} name in a Timestream {@code ColumnInfo}. */
    public String timestreamName() {
        return timestreamName;
    }

    public boolean isNumeric() {
        return this == BIGINT || this == DOUBLE;
    }

    /** Whether values are ordered (and so usable in ORDER BY, min, max, comparisons). */
    public boolean isOrderable() {
        return this != UNKNOWN;
    }

    public static SqlType of(ColumnType type) {
        return switch (type) {
            case BIGINT -> BIGINT;
            case DOUBLE -> DOUBLE;
            case VARCHAR -> VARCHAR;
            case BOOLEAN -> BOOLEAN;
            case TIMESTAMP -> TIMESTAMP;
        };
    }

    /** The type written in {@code CAST(x AS type)}. */
    public static SqlType fromName(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith("varchar") || lower.startsWith("char")) {
            return VARCHAR;
        }
        if (lower.startsWith("timestamp")) {
            return TIMESTAMP;
        }
        return switch (lower) {
            case "bigint", "integer", "int", "smallint", "tinyint" -> BIGINT;
            case "double", "real", "float" -> DOUBLE;
            case "boolean" -> BOOLEAN;
            case "date" -> DATE;
            case "interval day to second" -> INTERVAL_DAY_TO_SECOND;
            case "interval year to month" -> INTERVAL_YEAR_TO_MONTH;
            default -> throw new ValidationException("Unknown type: " + name);
        };
    }

    /**
     * The common type two values are coerced to (BIGINT with DOUBLE is DOUBLE; UNKNOWN takes the
     * other side), or null when they have none.
     */
    public static SqlType commonSuperType(SqlType left, SqlType right) {
        if (left == right) {
            return left;
        }
        if (left == UNKNOWN) {
            return right;
        }
        if (right == UNKNOWN) {
            return left;
        }
        if (left.isNumeric() && right.isNumeric()) {
            return DOUBLE;
        }
        return null;
    }

    /** Whether a value of {@code from} may be used where {@code to} is expected without an explicit CAST. */
    public static boolean canCoerce(SqlType from, SqlType to) {
        return from == to || from == UNKNOWN || (from == BIGINT && to == DOUBLE);
    }
}
