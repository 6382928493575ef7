package io.strata.query.function.scalar;

import io.strata.core.error.QueryExecutionException;
import io.strata.query.function.aggregate.ValueOrdering;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Array functions over {@code List<Object>} (elements Long, Double, Boolean, String or nested
 * lists; null = NULL element), and the evaluation helpers of the lambda functions {@code filter},
 * {@code transform} and {@code reduce} (the engine compiles the lambda into a Java function). The
 * array argument itself is non-null; elements may be NULL. Subscripts are 1-based. Results are new
 * lists. Thread-safe.
 */
public final class ArrayFunctions {
    /** Elements in SQL order: numbers by value, strings by code point, false before true. */
    static final Comparator<Object> ELEMENT_ORDER = ArrayFunctions::compareElements;

    private ArrayFunctions() {}

    public static long cardinality(List<?> array) {
        return array.size();
    }

    /** {@code element_at(a, i)}: 1-based, negative from the end, NULL outside; index 0 is an error. */
    public static Object elementAt(List<?> array, long index) {
        if (index == 0) {
            throw new QueryExecutionException("SQL array indices start at 1");
        }
        long position = index > 0 ? index - 1 : array.size() + index;
        return position < 0 || position >= array.size() ? null : array.get((int) position);
    }

    /** {@code a[i]}: like element_at but an index outside the array is an error, as in Trino. */
    public static Object subscript(List<?> array, long index) {
        if (index <= 0 || index > array.size()) {
            throw new QueryExecutionException("Array subscript must be in [1, " + array.size() + "]: " + index);
        }
        return array.get((int) (index - 1));
    }

    /** TRUE if found; NULL (not FALSE) if not found but the array holds a NULL. */
    public static Boolean contains(List<?> array, Object element) {
        boolean sawNull = false;
        for (Object candidate : array) {
            if (candidate == null) {
                sawNull = true;
            } else if (ConditionalFunctions.sqlEquals(candidate, element)) {
                return true;
            }
        }
        return sawNull ? null : false;
    }

    /** Joins with the delimiter, skipping NULL elements. */
    public static String arrayJoin(List<?> array, String delimiter) {
        return arrayJoin(array, delimiter, null);
    }

    /** Joins with the delimiter, NULL elements as {@code nullReplacement} (skipped if that is null). */
    public static String arrayJoin(List<?> array, String delimiter, String nullReplacement) {
        StringBuilder result = new StringBuilder();
        boolean first = true;
        for (Object element : array) {
            String text = element == null ? nullReplacement : elementText(element);
            if (text == null) {
                continue;
            }
            if (!first) {
                result.append(delimiter);
            }
            result.append(text);
            first = false;
        }
        return result.toString();
    }

    private static String elementText(Object element) {
        return element instanceof Double value ? Casts.doubleToVarchar(value) : String.valueOf(element);
    }

    /** The largest element; NULL if the array is empty or holds a NULL. */
    public static Object arrayMax(List<?> array) {
        return extreme(array, 1);
    }

    public static Object arrayMin(List<?> array) {
        return extreme(array, -1);
    }

    private static Object extreme(List<?> array, int sign) {
        Object best = null;
        for (Object element : array) {
            if (element == null) {
                return null;
            }
            if (best == null || sign * compareElements(element, best) > 0) {
                best = element;
            }
        }
        return best;
    }

    /** Ascending, NULLs last. */
    public static List<Object> arraySort(List<?> array) {
        List<Object> sorted = new ArrayList<>(array);
        sorted.sort(Comparator.nullsLast(ELEMENT_ORDER));
        return sorted;
    }

    public static List<Object> arrayDistinct(List<?> array) {
        return new ArrayList<>(new LinkedHashSet<>(array));
    }

    /** {@code slice(a, start, length)}: start 1-based or negative from the end. */
    public static List<Object> slice(List<?> array, long start, long length) {
        if (start == 0) {
            throw new QueryExecutionException("SQL array indices start at 1");
        }
        if (length < 0) {
            throw new QueryExecutionException("length must be greater than or equal to 0");
        }
        long from = start > 0 ? start - 1 : array.size() + start;
        if (from < 0 || from >= array.size()) {
            return new ArrayList<>();
        }
        long to = Math.min(array.size(), from + length);
        return new ArrayList<>(array.subList((int) from, (int) to));
    }

    /** The 1-based position of the first element equal to {@code element}, 0 if none. */
    public static long arrayPosition(List<?> array, Object element) {
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) != null && ConditionalFunctions.sqlEquals(array.get(i), element)) {
                return i + 1;
            }
        }
        return 0;
    }

    public static List<Object> arrayRemove(List<?> array, Object element) {
        List<Object> result = new ArrayList<>(array.size());
        for (Object candidate : array) {
            if (candidate == null || !ConditionalFunctions.sqlEquals(candidate, element)) {
                result.add(candidate);
            }
        }
        return result;
    }

    public static List<Object> arrayUnion(List<?> first, List<?> second) {
        LinkedHashSet<Object> union = new LinkedHashSet<>(first);
        union.addAll(second);
        return new ArrayList<>(union);
    }

    public static List<Object> arrayIntersect(List<?> first, List<?> second) {
        LinkedHashSet<Object> intersection = new LinkedHashSet<>(first);
        intersection.retainAll(new LinkedHashSet<>(second));
        return new ArrayList<>(intersection);
    }

    public static List<Object> arrayExcept(List<?> first, List<?> second) {
        LinkedHashSet<Object> difference = new LinkedHashSet<>(first);
        difference.removeAll(new LinkedHashSet<>(second));
        return new ArrayList<>(difference);
    }

    public static Boolean arraysOverlap(List<?> first, List<?> second) {
        boolean sawNull = false;
        for (Object element : first) {
            if (element == null) {
                sawNull = true;
            } else if (Boolean.TRUE.equals(contains(second, element))) {
                return true;
            }
        }
        for (Object element : second) {
            sawNull |= element == null;
        }
        return sawNull ? null : false;
    }

    /** {@code concat(array, ...)}. */
    @SafeVarargs
    public static List<Object> concat(List<?>... arrays) {
        List<Object> result = new ArrayList<>();
        for (List<?> array : arrays) {
            result.addAll(array);
        }
        return result;
    }

    /** {@code flatten(array(array(T)))}: NULL inner arrays contribute nothing. */
    public static List<Object> flatten(List<?> arrays) {
        List<Object> result = new ArrayList<>();
        for (Object array : arrays) {
            if (array != null) {
                result.addAll((List<?>) array);
            }
        }
        return result;
    }

    public static List<Object> repeat(Object element, long count) {
        if (count < 0 || count > 10_000) {
            throw new QueryExecutionException("count must be in [0, 10000]: " + count);
        }
        return new ArrayList<>(Collections.nCopies((int) count, element));
    }

    public static List<Object> reverse(List<?> array) {
        List<Object> reversed = new ArrayList<>(array);
        Collections.reverse(reversed);
        return reversed;
    }

    /** {@code shuffle(a)} with the query's seeded source. */
    public static List<Object> shuffle(List<?> array, java.util.SplittableRandom source) {
        List<Object> shuffled = new ArrayList<>(array);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            Collections.swap(shuffled, i, source.nextInt(i + 1));
        }
        return shuffled;
    }

    /** {@code zip(a, b)}: pairs as two-element lists, the shorter padded with NULL. */
    public static List<Object> zip(List<?> first, List<?> second) {
        int size = Math.max(first.size(), second.size());
        List<Object> rows = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            List<Object> row = new ArrayList<>(2);
            row.add(i < first.size() ? first.get(i) : null);
            row.add(i < second.size() ? second.get(i) : null);
            rows.add(row);
        }
        return rows;
    }

    /** {@code filter(a, x -> bool)}: elements for which the lambda is TRUE (NULL drops). */
    public static List<Object> filter(List<?> array, Function<Object, Boolean> predicate) {
        List<Object> result = new ArrayList<>();
        for (Object element : array) {
            if (Boolean.TRUE.equals(predicate.apply(element))) {
                result.add(element);
            }
        }
        return result;
    }

    public static List<Object> transform(List<?> array, Function<Object, Object> function) {
        List<Object> result = new ArrayList<>(array.size());
        for (Object element : array) {
            result.add(function.apply(element));
        }
        return result;
    }

    /** {@code reduce(a, initial, (s, x) -> s', s -> r)}. */
    public static Object reduce(List<?> array, Object initial, BiFunction<Object, Object, Object> step,
                                Function<Object, Object> output) {
        Object state = initial;
        for (Object element : array) {
            state = step.apply(state, element);
        }
        return output.apply(state);
    }

    static int compareElements(Object left, Object right) {
        if (left instanceof Number a && right instanceof Number b) {
            if (a instanceof Long x && b instanceof Long y) {
                return Long.compare(x, y);
            }
            return ValueOrdering.compareDoubles(a.doubleValue(), b.doubleValue());
        }
        if (left instanceof String a && right instanceof String b) {
            return ValueOrdering.compareVarchars(a, b);
        }
        if (left instanceof Boolean a && right instanceof Boolean b) {
            return Boolean.compare(a, b);
        }
        throw new QueryExecutionException("Array elements are not orderable: " + left + ", " + right);
    }
}
