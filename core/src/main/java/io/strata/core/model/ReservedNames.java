package io.strata.core.model;

/**
 * Timestream's system identifiers, which may not name a column (a dimension or a multi-measure
 * attribute). Comparison is case-sensitive, like every Timestream name: {@code Time} is allowed.
 *
 * <p>Exact names: {@code time}, {@code measure_name}, {@code measure_value},
 * {@code ts_non_existent_col}; prefixes: {@code ts_}, {@code measure_name}, {@code measure_value}
 * (so {@code measure_value::double} too); and no name may contain {@code :}, which Strata's SQL
 * reads as part of {@code measure_value::<type>}.
 */
public final class ReservedNames {
    private static final String RULE = "names cannot be time, measure_name, measure_value or ts_non_existent_col, "
            + "cannot start with ts_, measure_name or measure_value, and cannot contain ':'.";

    private ReservedNames() {}

    public static boolean isReserved(String name) {
        return name.equals("time")
                || name.startsWith("ts_")
                || name.startsWith("measure_name")
                || name.startsWith("measure_value")
                || name.indexOf(':') >= 0;
    }

    /**
     * The reason a name is refused, e.g. {@code Dimension name 'time' is reserved: names cannot be
     * ...}.
     *
     * @param kind what the name names, capitalised: {@code Dimension} or {@code Measure}
     */
    public static String reason(String kind, String name) {
        return kind + " name '" + name + "' is reserved: " + RULE;
    }
}
