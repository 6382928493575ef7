package io.strata.query.expression;

import io.strata.query.function.timeseries.TimeSeries;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The Java forms of composite values and the operations the engine needs on them. An array or a
 * row is an unmodifiable {@link List} (elements in their Java forms, NULL as null); a time series
 * is a {@link TimeSeries}. Arrays and rows order element by element (NULL last); time series are
 * only compared for equality. Static and thread-safe.
 */
public final class CompositeValues {
    private CompositeValues() {}

    /** An unmodifiable copy of {@code values}, which may hold nulls. */
    public static List<Object> list(List<?> values) {
        return Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** An array of timestamps or bigints from the library's {@code long[]} form. */
    public static List<Object> list(long[] values) {
        List<Object> list = new ArrayList<>(values.length);
        for (long value : values) {
            list.add(value);
        }
        return Collections.unmodifiableList(list);
    }

    /** A hash consistent with {@link #compare} returning 0 (1.0 and 1 in different arrays may differ). */
    public static long hash(Object value) {
        return switch (value) {
            case null -> 0;
            case Double number -> number == 0.0 ? 0 : Double.hashCode(number);
            case List<?> list -> {
                long hash = 1;
                for (Object element : list) {
                    hash = 31 * hash + hash(element);
                }
                yield hash;
            }
            default -> value.hashCode();
        };
    }

    /** Compares two non-null values of one type; a time series compares 0 only to an equal one. */
    @SuppressWarnings("unchecked")
    public static int compare(Object left, Object right) {
        if (left instanceof List<?> first && right instanceof List<?> second) {
            for (int index = 0; index < Math.min(first.size(), second.size()); index++) {
                Object a = first.get(index);
                Object b = second.get(index);
                if (a == null || b == null) {
                    if (a != b) {
                        return a == null ? 1 : -1;
                    }
                    continue;
                }
                int order = compare(a, b);
                if (order != 0) {
                    return order;
                }
            }
            return Integer.compare(first.size(), second.size());
        }
        if (left instanceof Double a && right instanceof Double b) {
            return a.doubleValue() == b.doubleValue() ? 0 : Double.compare(a, b);
        }
        if (left instanceof Number a && right instanceof Number b && (a instanceof Double || b instanceof Double)) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        if (left instanceof Comparable<?> comparable && left.getClass() == right.getClass()) {
            return ((Comparable<Object>) comparable).compareTo(right);
        }
        return left.equals(right) ? 0 : Long.compare(hash(left), hash(right)) == 0 ? 1 : Long.compare(hash(left), hash(right));
    }
}
