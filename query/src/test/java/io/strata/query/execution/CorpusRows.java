package io.strata.query.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Compares a query's rows with the reference's (DuckDB or hand-computed): values normalised to
 * Long, Double, String, Boolean and timestamps as epoch microseconds; doubles equal to 9 digits,
 * because partial aggregates of a distributed plan add in another order than a single scan.
 * Unordered results compare as multisets.
 */
public final class CorpusRows {
    private CorpusRows() {}

    /** Fails with both result heads when {@code actual} and {@code expected} differ. */
    public static void assertSameRows(List<List<Object>> actual, List<List<Object>> expected, boolean ordered, String context) {
        assertThat(actual).as("row count of %s", context).hasSameSizeAs(expected);
        List<List<Object>> left = ordered ? actual : sorted(actual);
        List<List<Object>> right = ordered ? expected : sorted(expected);
        for (int row = 0; row < left.size(); row++) {
            if (!sameRow(left.get(row), right.get(row))) {
                fail("row " + row + " differs: engine " + left.get(row) + " vs reference " + right.get(row)
                        + "\nquery: " + context + "\nengine rows: " + head(left) + "\nreference rows: " + head(right));
            }
        }
    }

    private static String head(List<List<Object>> rows) {
        return rows.subList(0, Math.min(8, rows.size())).toString();
    }

    private static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing((List<Object> row) -> sortKey(row, false)).thenComparing(row -> sortKey(row, true)));
        return copy;
    }

    /**
     * Numbers to 7 digits, so that doubles equal to 9 digits sort alike on both sides whatever
     * their type; then, to break ties between rows that differ only further down (microsecond
     * timestamps, large integers), every digit.
     */
    private static String sortKey(List<Object> row, boolean exact) {
        StringBuilder key = new StringBuilder();
        for (Object value : row) {
            key.append(switch (value) {
                case null -> "~null";
                case Double number -> String.format(Locale.ROOT, exact ? "%.17e" : "%.6e", number);
                case Long number -> exact ? number.toString() : String.format(Locale.ROOT, "%.6e", number.doubleValue());
                default -> value.toString();
            }).append('|');
        }
        return key.toString();
    }

    public static boolean sameRow(List<Object> left, List<Object> right) {
        if (left.size() != right.size()) {
            return false;
        }
        for (int index = 0; index < left.size(); index++) {
            if (!sameValue(left.get(index), right.get(index))) {
                return false;
            }
        }
        return true;
    }

    public static boolean sameValue(Object left, Object right) {
        if (left == null || right == null) {
            return left == right;
        }
        if (left instanceof Number a && right instanceof Number b) {
            if (left instanceof Double || right instanceof Double) {
                double x = a.doubleValue();
                double y = b.doubleValue();
                return x == y || Math.abs(x - y) <= 1e-9 * Math.max(1.0, Math.max(Math.abs(x), Math.abs(y)));
            }
            return a.longValue() == b.longValue();
        }
        return left.equals(right);
    }
}
