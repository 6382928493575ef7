package io.strata.query.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs the {@link TimeSeriesCorpus} and compares with the hand-computed results. */
class TimeSeriesCorpusTest {
    private static QueryRunner runner;

    @BeforeAll
    static void load() {
        runner = new QueryRunner(TimeSeriesCorpus.data());
    }

    static Stream<TimeSeriesCorpus.Entry> corpus() {
        return TimeSeriesCorpus.entries().stream();
    }

    @Test
    void corpusCoversTheDocumentedExamples() {
        assertThat(TimeSeriesCorpus.entries()).hasSizeGreaterThanOrEqualTo(11);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void matchesHandComputedResult(TimeSeriesCorpus.Entry entry) {
        assertThat(texts(runner.run(entry.sql()))).as(entry.sql()).isEqualTo(entry.expected());
    }

    static List<List<String>> texts(QueryResult result) {
        List<List<String>> rows = new ArrayList<>();
        for (int row = 0; row < result.rows().size(); row++) {
            List<String> values = new ArrayList<>();
            for (int column = 0; column < result.columns().size(); column++) {
                values.add(result.text(row, column));
            }
            rows.add(values);
        }
        return rows;
    }
}
