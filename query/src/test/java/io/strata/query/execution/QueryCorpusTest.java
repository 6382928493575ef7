package io.strata.query.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.strata.query.expression.SqlType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs the {@link QueryCorpus} on the engine and on DuckDB loaded with the same rows, and compares. */
class QueryCorpusTest {
    private static SensorData data;
    private static QueryRunner runner;
    private static DuckDbReference duckDb;

    @BeforeAll
    static void load() throws Exception {
        data = new SensorData(20240115);
        runner = new QueryRunner(data);
        duckDb = new DuckDbReference(data);
    }

    @AfterAll
    static void close() throws Exception {
        duckDb.close();
    }

    static Stream<QueryCorpus.Entry> corpus() {
        return QueryCorpus.entries().stream();
    }

    @Test
    void corpusIsLargeEnough() {
        assertThat(QueryCorpus.entries()).hasSizeGreaterThanOrEqualTo(80);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void matchesDuckDb(QueryCorpus.Entry entry) throws Exception {
        QueryResult result = runner.run(entry.sql());
        String duckSql = DuckDbReference.translate(entry.duckSql() == null ? entry.sql() : entry.duckSql());
        List<List<Object>> expected = duckDb.query(duckSql);
        assertSameRows(normalise(result), expected, entry.ordered(), duckSql);
    }

    /** Engine rows with timestamps as epoch microseconds, like {@link DuckDbReference#query}. */
    static List<List<Object>> normalise(QueryResult result) {
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            List<Object> values = new ArrayList<>();
            for (int column = 0; column < row.size(); column++) {
                Object value = row.get(column);
                if (value != null && result.columns().get(column).type() == SqlType.TIMESTAMP) {
                    value = (Long) value / 1000;
                }
                values.add(value);
            }
            rows.add(values);
        }
        return rows;
    }

    static void assertSameRows(List<List<Object>> actual, List<List<Object>> expected, boolean ordered, String context) {
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
        copy.sort(Comparator.comparing(QueryCorpusTest::sortKey));
        return copy;
    }

    private static String sortKey(List<Object> row) {
        StringBuilder key = new StringBuilder();
        for (Object value : row) {
            key.append(switch (value) {
                case null -> "~null";
                case Double number -> String.format(Locale.ROOT, "%.6e", number);
                case Long number -> String.format(Locale.ROOT, "%.6e", number.doubleValue());
                default -> value.toString();
            }).append('|');
        }
        return key.toString();
    }

    static boolean sameRow(List<Object> left, List<Object> right) {
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

    static boolean sameValue(Object left, Object right) {
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
