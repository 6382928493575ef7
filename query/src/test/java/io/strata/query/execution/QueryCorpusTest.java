package io.strata.query.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.query.expression.SqlType;
import java.util.ArrayList;
import java.util.List;
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
        CorpusRows.assertSameRows(normalise(result), expected, entry.ordered(), duckSql);
    }

    /** Engine rows with timestamps as epoch microseconds and times as microseconds of the day, like {@link DuckDbReference#query}. */
    static List<List<Object>> normalise(QueryResult result) {
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            List<Object> values = new ArrayList<>();
            for (int column = 0; column < row.size(); column++) {
                Object value = row.get(column);
                SqlType type = result.columns().get(column).type();
                if (value != null && (type == SqlType.TIMESTAMP || type == SqlType.TIME)) {
                    value = (Long) value / 1000;
                }
                values.add(value);
            }
            rows.add(values);
        }
        return rows;
    }
}
