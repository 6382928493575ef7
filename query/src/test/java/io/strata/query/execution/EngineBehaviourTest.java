package io.strata.query.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.QueryExecutionException;
import io.strata.query.catalog.TableName;
import io.strata.query.expression.SqlType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What the DuckDB comparison cannot check: approximate aggregates, result types, limits, pushdown. */
class EngineBehaviourTest {
    private final SensorData data = new SensorData(99);
    private final QueryRunner runner = new QueryRunner(data);

    @Test
    void approxDistinctIsWithinItsStandardErrorOfTheExactCount() {
        QueryResult result = runner.run("SELECT approx_distinct(time), count(DISTINCT time), approx_distinct(device_id)"
                + " FROM iot_sensor_data.sensor_readings");
        long approximate = (Long) result.rows().getFirst().get(0);
        long exact = (Long) result.rows().getFirst().get(1);
        assertThat(exact).isEqualTo(2000);
        assertThat((double) Math.abs(approximate - exact) / exact).isLessThan(3 * 0.023);
        assertThat(result.rows().getFirst().get(2)).isEqualTo(6L);
    }

    @Test
    void approxPercentileIsTheNearestRankValue() {
        QueryResult result = runner.run("SELECT approx_percentile(energy, 0.5), approx_percentile(energy, 0.9), approx_percentile(energy, 1.0)"
                + " FROM factory.machine_metrics");
        List<Long> energies = data.rows.get(new TableName("factory", "machine_metrics")).stream()
                .map(row -> (Long) row.get("energy")).sorted().toList();
        int size = energies.size();
        assertThat(result.rows().getFirst()).containsExactly(
                energies.get((int) Math.ceil(0.5 * size) - 1), energies.get((int) Math.ceil(0.9 * size) - 1), energies.get(size - 1));
    }

    @Test
    void measureNameFilterOnAMultiMeasureAttributeMatchesNoMultiMeasureRow() {
        QueryResult result = runner.run("SELECT count(*), count(temperature), count(measure_value::double)"
                + " FROM \"IoTMetrics\".\"SensorReadings\" WHERE measure_name = 'temperature'");
        long singleTemperatureRows = data.rows.get(new TableName("IoTMetrics", "SensorReadings")).stream()
                .filter(row -> row.get("measure_name").equals("temperature")).count();
        assertThat(result.rows().getFirst()).containsExactly(singleTemperatureRows, 0L, singleTemperatureRows);
        QueryResult multi = runner.run("SELECT count(*) FROM iot_sensor_data.sensor_readings WHERE measure_name = 'temperature'");
        assertThat(multi.rows().getFirst()).containsExactly(0L);
    }

    @Test
    void resultColumnsCarryTimestreamTypesAndText() {
        QueryResult result = runner.run("SELECT bin(time, 5m) AS bucket, count(*) AS n, avg(temperature), max(device_id)"
                + " FROM iot_sensor_data.sensor_readings WHERE time > ago(10m) GROUP BY bin(time, 5m) ORDER BY bucket LIMIT 1");
        assertThat(result.columns()).extracting(ResultColumn::name).containsExactly("bucket", "n", "_col2", "_col3");
        assertThat(result.columns()).extracting(ResultColumn::timestreamType).containsExactly("TIMESTAMP", "BIGINT", "DOUBLE", "VARCHAR");
        assertThat(result.scalarText(0, 0)).matches("2024-01-15 11:5[05]:00\\.000000000");
    }

    @Test
    void timeAndPartitionKeyPredicatesPruneTheScan() {
        TableName table = new TableName("iot_sensor_data", "sensor_readings");
        InMemoryScanSource source = runner.sources.get(table);
        source.rowsReturned.set(0);
        QueryResult result = runner.run("SELECT count(*) FROM iot_sensor_data.sensor_readings"
                + " WHERE time > ago(1h) AND device_id IN ('sensor-001', 'sensor-002')");
        long expected = data.rows.get(table).stream()
                .filter(row -> (Long) row.get("time") > SensorData.NOW_NANOS - 3600 * SensorData.SECOND)
                .filter(row -> Set.of("sensor-001", "sensor-002").contains(row.get("device_id"))).count();
        assertThat(result.rows().getFirst()).containsExactly(expected);
        assertThat(source.rowsReturned.get()).isEqualTo(expected);
    }

    @Test
    void memoryBudgetFailsTheQueryWithAClearMessage() {
        QueryContext context = new QueryContext(QueryRunner.clock(), new QueryLimits(Duration.ofMinutes(1), 10_000));
        assertThatThrownBy(() -> runner.run("SELECT device_id, time, temperature FROM iot_sensor_data.sensor_readings ORDER BY temperature", context))
                .isInstanceOf(QueryExecutionException.class)
                .hasMessageContaining("memory limit of 10000 bytes");
    }

    @Test
    void queryPastItsDeadlineFails() {
        AtomicLong millis = new AtomicLong(SensorData.NOW.toEpochMilli());
        Clock advancing = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(millis.getAndAdd(1_000)); // every look at the clock costs a second
            }
        };
        QueryContext context = new QueryContext(advancing, new QueryLimits(Duration.ofSeconds(5), QueryLimits.DEFAULT.memoryBytes()));
        assertThatThrownBy(() -> runner.run("SELECT count(*) FROM iot_sensor_data.sensor_readings", context))
                .isInstanceOf(QueryExecutionException.class)
                .hasMessageContaining("maximum execution time");
    }

    @Test
    void cancelledQueryStops() {
        QueryContext context = runner.context();
        context.cancel();
        assertThatThrownBy(() -> runner.run("SELECT count(*) FROM iot_sensor_data.sensor_readings", context))
                .isInstanceOf(QueryExecutionException.class)
                .hasMessage("Query was cancelled");
    }

    @Test
    void divisionByZeroIsAQueryExecutionError() {
        assertThatThrownBy(() -> runner.run("SELECT energy / 0 FROM factory.machine_metrics"))
                .isInstanceOf(QueryExecutionException.class)
                .hasMessageContaining("Division by zero");
    }

    @Test
    void scalarSubqueryWithSeveralRowsFails() {
        assertThatThrownBy(() -> runner.run("SELECT 1 FROM factory.machine_metrics WHERE energy = (SELECT energy FROM factory.machine_metrics)"))
                .isInstanceOf(QueryExecutionException.class)
                .hasMessage("Scalar sub-query has returned multiple rows");
    }

    @Test
    void scheduledRuntimeParameterBindsAsATimestamp() {
        QueryResult result = runner.run("SELECT @scheduled_runtime, @scheduled_runtime - 1h");
        assertThat(result.columns()).extracting(ResultColumn::type).containsExactly(SqlType.TIMESTAMP, SqlType.TIMESTAMP);
        assertThat(result.scalarText(0, 0)).isEqualTo("2024-01-15 11:00:00.000000000");
        assertThat(result.scalarText(0, 1)).isEqualTo("2024-01-15 10:00:00.000000000");
    }

    @Test
    void everyGroupOfAGlobalAggregateOverNoRowsIsOneRow() {
        QueryResult result = runner.run("SELECT count(*), sum(energy), max_by(machine_id, time) FROM factory.machine_metrics WHERE energy < 0");
        assertThat(result.rows()).containsExactly(java.util.Arrays.asList(0L, null, null));
    }

    @Test
    void groupsAreFoundWithoutRegardToBatchBoundaries() {
        QueryResult result = runner.run("SELECT machine_id, count(*) FROM factory.machine_metrics GROUP BY machine_id");
        Set<Object> machines = new HashSet<>();
        long total = 0;
        for (List<Object> row : result.rows()) {
            assertThat(machines.add(row.get(0))).isTrue();
            total += (Long) row.get(1);
        }
        assertThat(total).isEqualTo(600);
        assertThat(new TreeSet<>(machines.stream().map(Object::toString).toList())).hasSize(8);
    }
}
