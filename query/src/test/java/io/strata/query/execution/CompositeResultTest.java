package io.strata.query.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.ValidationException;
import io.strata.query.expression.SqlType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Result columns of composite types in Timestream's ColumnInfo shape, and analysis errors on composites. */
class CompositeResultTest {
    private static QueryRunner runner;

    @BeforeAll
    static void load() {
        runner = new QueryRunner(TimeSeriesCorpus.data());
    }

    @Test
    void timeSeriesAndArrayColumnsDescribeTheirElementTypes() {
        QueryResult result = runner.run("SELECT CREATE_TIME_SERIES(time, measure_value::double) AS series,"
                + " array_agg(measure_value::double) AS values_, FILTER(CREATE_TIME_SERIES(time, measure_value::double), p -> p.value > 0) AS kept"
                + " FROM \"IoTMetrics\".\"SensorReadings\" WHERE measure_name = 'temperature'");
        ColumnInfo series = result.columns().get(0).columnInfo();
        assertThat(series.name()).contains("series");
        assertThat(series.type()).isEqualTo(new ColumnInfo.Type.TimeSeries(
                new ColumnInfo(Optional.empty(), new ColumnInfo.Type.Scalar("DOUBLE"))));
        assertThat(result.columns().get(0).timestreamType()).isEqualTo("TIMESERIES");
        assertThat(result.columns().get(1).columnInfo().type()).isEqualTo(new ColumnInfo.Type.Array(
                new ColumnInfo(Optional.empty(), new ColumnInfo.Type.Scalar("DOUBLE"))));
        assertThat(result.columns().get(2).type()).isEqualTo(SqlType.timeSeries(SqlType.DOUBLE));
    }

    @Test
    void rowColumnsListTheirFields() {
        ColumnInfo info = ColumnInfo.of("p", SqlType.timeSeriesPoint(SqlType.BIGINT));
        assertThat(info.type()).isEqualTo(new ColumnInfo.Type.Row(List.of(
                new ColumnInfo(Optional.of("time"), new ColumnInfo.Type.Scalar("TIMESTAMP")),
                new ColumnInfo(Optional.of("value"), new ColumnInfo.Type.Scalar("BIGINT")))));
        assertThat(ResultText.format(SqlType.timeSeriesPoint(SqlType.BIGINT), List.of(0L, 5L)))
                .isEqualTo("{time=1970-01-01 00:00:00.000000000, value=5}");
        assertThat(ResultText.format(SqlType.array(SqlType.VARCHAR), java.util.Arrays.asList("a", null))).isEqualTo("[a, NULL]");
    }

    @Test
    void compositeMisuseIsAValidationErrorAtItsPosition() {
        assertThatThrownBy(() -> runner.run("SELECT x FROM UNNEST(5) AS t (x)"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Cannot unnest type: bigint");
        assertThatThrownBy(() -> runner.run("SELECT filter(ARRAY[1, 2], x -> x + device_id) FROM \"IoTMetrics\".\"SensorReadings\""))
                .isInstanceOf(ValidationException.class).hasMessageContaining("'device_id' cannot be resolved");
        assertThatThrownBy(() -> runner.run("SELECT filter(ARRAY[1, 2], x -> x + 1)"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("must return a boolean");
        assertThatThrownBy(() -> runner.run("SELECT CREATE_TIME_SERIES(time, measure_value::double) FROM \"IoTMetrics\".\"SensorReadings\""
                + " WHERE measure_name = 'battery'"))
                .hasMessageContaining("value must not be null");
    }
}
