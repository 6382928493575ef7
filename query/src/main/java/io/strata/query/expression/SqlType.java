package io.strata.query.expression;

import io.strata.core.batch.ColumnType;
import io.strata.core.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The type of a value in a query, as the analyzer reasons about it. Several query types share one
 * physical {@link ColumnType}: INTEGER (32-bit values, range checked where they are made), TIME
 * (nanoseconds of the day), intervals and dates are carried in long vectors like BIGINT, and
 * {@code UNKNOWN} (the type of a bare {@code NULL}) in an all-null BOOLEAN vector. Composite types
 * are parametric — {@code array(T)}, {@code timeseries(T)}, {@code row(name T, ...)}, and
 * {@code function(T..., R)} for lambdas — and live in object vectors.
 *
 * <p>Every type is interned, so types compare with {@code ==} as the scalar constants always
 * did; immutable and thread-safe.
 */
public final class SqlType {
    /** The kind of a type; composite kinds have parameters. */
    public enum Kind {
        BIGINT, DOUBLE, VARCHAR, BOOLEAN, TIMESTAMP, DATE, INTERVAL_DAY_TO_SECOND, INTERVAL_YEAR_TO_MONTH, UNKNOWN,
        ARRAY, TIMESERIES, ROW, FUNCTION,
        // Appended, not inserted: plan fragments carry a kind's ordinal between nodes.
        INTEGER, TIME
    }

    private static final ConcurrentHashMap<SqlType, SqlType> INTERNED = new ConcurrentHashMap<>();

    public static final SqlType BIGINT = scalar(Kind.BIGINT);
    public static final SqlType DOUBLE = scalar(Kind.DOUBLE);
    public static final SqlType VARCHAR = scalar(Kind.VARCHAR);
    public static final SqlType BOOLEAN = scalar(Kind.BOOLEAN);
    public static final SqlType TIMESTAMP = scalar(Kind.TIMESTAMP);
    /** Epoch day. */
    public static final SqlType DATE = scalar(Kind.DATE);
    /** Nanoseconds. */
    public static final SqlType INTERVAL_DAY_TO_SECOND = scalar(Kind.INTERVAL_DAY_TO_SECOND);
    /** Months. */
    public static final SqlType INTERVAL_YEAR_TO_MONTH = scalar(Kind.INTERVAL_YEAR_TO_MONTH);
    public static final SqlType UNKNOWN = scalar(Kind.UNKNOWN);
    /** A 32-bit integer, carried as a long; arithmetic and casts fail outside the 32-bit range. */
    public static final SqlType INTEGER = scalar(Kind.INTEGER);
    /** Nanoseconds of the day, 0 (00:00:00) to 86 399 999 999 999. */
    public static final SqlType TIME = scalar(Kind.TIME);

    private static final List<SqlType> SCALARS = List.of(BIGINT, DOUBLE, VARCHAR, BOOLEAN, TIMESTAMP, DATE,
            INTERVAL_DAY_TO_SECOND, INTERVAL_YEAR_TO_MONTH, UNKNOWN, INTEGER, TIME);

    private final Kind kind;
    private final List<SqlType> parameters;
    /** Row field names (empty string for an unnamed field); empty for other kinds. */
    private final List<String> fieldNames;

    private SqlType(Kind kind, List<SqlType> parameters, List<String> fieldNames) {
        this.kind = kind;
        this.parameters = List.copyOf(parameters);
        this.fieldNames = List.copyOf(fieldNames);
    }

    private static SqlType scalar(Kind kind) {
        return intern(new SqlType(kind, List.of(), List.of()));
    }

    private static SqlType intern(SqlType type) {
        SqlType existing = INTERNED.putIfAbsent(type, type);
        return existing == null ? type : existing;
    }

    /** {@code array(element)}. */
    public static SqlType array(SqlType element) {
        return intern(new SqlType(Kind.ARRAY, List.of(Objects.requireNonNull(element, "element")), List.of()));
    }

    /** {@code timeseries(value)}: Timestream's {@code timeseries[row(timestamp, value)]}. */
    public static SqlType timeSeries(SqlType value) {
        if (value != BIGINT && value != DOUBLE && value != BOOLEAN && value != VARCHAR) {
            throw new ValidationException("A time series holds bigint, double, boolean or varchar values, not " + value);
        }
        return intern(new SqlType(Kind.TIMESERIES, List.of(value), List.of()));
    }

    /** {@code row(name type, ...)}; a blank name is an unnamed field. */
    public static SqlType row(List<String> names, List<SqlType> types) {
        if (names.size() != types.size() || types.isEmpty()) {
            throw new IllegalArgumentException("a row needs one name per field and at least one field");
        }
        return intern(new SqlType(Kind.ROW, types, names.stream().map(name -> name == null ? "" : name).toList()));
    }

    /** The type of a lambda: parameter types then the result type. */
    public static SqlType function(List<SqlType> parameterTypes, SqlType result) {
        List<SqlType> all = new ArrayList<>(parameterTypes);
        all.add(result);
        return intern(new SqlType(Kind.FUNCTION, all, List.of()));
    }

    /** The element of a time series as a lambda or UNNEST sees it: {@code row(time timestamp, value T)}. */
    public static SqlType timeSeriesPoint(SqlType value) {
        return row(List.of("time", "value"), List.of(TIMESTAMP, value));
    }

    public Kind kind() {
        return kind;
    }

    /** The element type of an array, the value type of a time series. */
    public SqlType elementType() {
        if (kind != Kind.ARRAY && kind != Kind.TIMESERIES) {
            throw new IllegalStateException(this + " has no element type");
        }
        return parameters.getFirst();
    }

    public List<SqlType> parameters() {
        return parameters;
    }

    /** Row field names, in field order. */
    public List<String> fieldNames() {
        return fieldNames;
    }

    /** The index of the row field called {@code name} (case-insensitive), if any. */
    public Optional<Integer> fieldIndex(String name) {
        for (int index = 0; index < fieldNames.size(); index++) {
            if (fieldNames.get(index).equalsIgnoreCase(name)) {
                return Optional.of(index);
            }
        }
        return Optional.empty();
    }

    public boolean isComposite() {
        return kind == Kind.ARRAY || kind == Kind.TIMESERIES || kind == Kind.ROW || kind == Kind.FUNCTION;
    }

    public ColumnType physicalType() {
        return switch (kind) {
            case BIGINT, INTEGER, DATE, TIME, INTERVAL_DAY_TO_SECOND, INTERVAL_YEAR_TO_MONTH -> ColumnType.BIGINT;
            case DOUBLE -> ColumnType.DOUBLE;
            case VARCHAR -> ColumnType.VARCHAR;
            case BOOLEAN, UNKNOWN -> ColumnType.BOOLEAN;
            case TIMESTAMP -> ColumnType.TIMESTAMP;
            case ARRAY -> ColumnType.ARRAY;
            case TIMESERIES -> ColumnType.TIMESERIES;
            case ROW, FUNCTION -> ColumnType.ROW;
        };
    }

    /**
     * The {@code ScalarType} name in a Timestream {@code ColumnInfo}, or for a composite type
     * its kind ({@code ARRAY}, {@code TIMESERIES}, {@code ROW}); see {@code ResultColumn}.
     */
    public String timestreamName() {
        return kind.name();
    }

    /** The scalar kind's name, or the type's SQL spelling for composites ({@code array(double)}). */
    public String name() {
        return isComposite() ? toString() : kind.name();
    }

    public boolean isNumeric() {
        return this == BIGINT || this == INTEGER || this == DOUBLE;
    }

    /** Whether values are ordered (and so usable in ORDER BY, min, max, comparisons). */
    public boolean isOrderable() {
        return switch (kind) {
            case UNKNOWN, TIMESERIES, FUNCTION -> false;
            case ARRAY -> elementType().isOrderable();
            case ROW -> parameters.stream().allMatch(SqlType::isOrderable);
            default -> true;
        };
    }

    /** Whether values can be compared for equality (GROUP BY, DISTINCT, =). */
    public boolean isComparable() {
        return kind != Kind.FUNCTION && parameters.stream().allMatch(SqlType::isComparable);
    }

    public static SqlType of(ColumnType type) {
        return switch (type) {
            case BIGINT -> BIGINT;
            case DOUBLE -> DOUBLE;
            case VARCHAR -> VARCHAR;
            case BOOLEAN -> BOOLEAN;
            case TIMESTAMP -> TIMESTAMP;
            case ARRAY, TIMESERIES, ROW -> throw new IllegalArgumentException(type + " has parameters; no single SqlType");
        };
    }

    /** The scalar types, in a fixed order (for codecs). */
    public static List<SqlType> scalars() {
        return SCALARS;
    }

    /** The scalar type of a non-composite kind (for codecs, which carry the kind). */
    public static SqlType ofScalarKind(Kind kind) {
        for (SqlType type : SCALARS) {
            if (type.kind == kind) {
                return type;
            }
        }
        throw new IllegalArgumentException(kind + " has parameters; no single SqlType");
    }

    /** The type written in {@code CAST(x AS type)}, including {@code array(...)} and {@code row(...)}. */
    public static SqlType fromName(String name) {
        return TypePattern.parse(name).resolve(java.util.Map.of());
    }

    /**
     * The common type two values are coerced to (INTEGER with BIGINT is BIGINT, either with DOUBLE
     * is DOUBLE; UNKNOWN takes the other side), or null when they have none.
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
            return left == DOUBLE || right == DOUBLE ? DOUBLE : BIGINT;
        }
        return null;
    }

    /** Whether a value of {@code from} may be used where {@code to} is expected without an explicit CAST. */
    public static boolean canCoerce(SqlType from, SqlType to) {
        return from == to || from == UNKNOWN || (from == BIGINT && to == DOUBLE)
                || (from == INTEGER && (to == BIGINT || to == DOUBLE));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SqlType that && kind == that.kind && parameters.equals(that.parameters)
                && fieldNames.equals(that.fieldNames);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, parameters, fieldNames);
    }

    /** The SQL spelling: {@code BIGINT}, {@code array(double)}, {@code row(time timestamp, value double)}. */
    @Override
    public String toString() {
        return switch (kind) {
            case ARRAY -> "array(" + elementType().toString().toLowerCase(Locale.ROOT) + ")";
            case TIMESERIES -> "timeseries(" + elementType().toString().toLowerCase(Locale.ROOT) + ")";
            case ROW -> {
                List<String> fields = new ArrayList<>();
                for (int index = 0; index < parameters.size(); index++) {
                    String type = parameters.get(index).toString().toLowerCase(Locale.ROOT);
                    fields.add(fieldNames.get(index).isEmpty() ? type : fieldNames.get(index) + " " + type);
                }
                yield "row(" + String.join(", ", fields) + ")";
            }
            case FUNCTION -> "function(" + String.join(", ", parameters.stream()
                    .map(type -> type.toString().toLowerCase(Locale.ROOT)).toList()) + ")";
            default -> kind.name();
        };
    }
}
