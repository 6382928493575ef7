package io.strata.query.execution;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.ValidationException;
import org.junit.jupiter.api.Test;

/** Analysis errors are ValidationExceptions at the user's line:column, in Trino's wording. */
class AnalysisErrorTest {
    private final QueryRunner runner = new QueryRunner(new SensorData(1));

    private void assertError(String sql, String message) {
        assertThatThrownBy(() -> runner.run(sql)).isInstanceOf(ValidationException.class).hasMessage(message);
    }

    @Test
    void unknownColumnIsReportedWhereItIsWritten() {
        assertError("SELECT device_id,\n       temprature\nFROM iot_sensor_data.sensor_readings",
                "line 2:8: Column 'temprature' cannot be resolved");
    }

    @Test
    void unknownQualifiedColumnAndRelation() {
        assertError("SELECT r.nope FROM iot_sensor_data.sensor_readings r", "line 1:8: Column 'r.nope' cannot be resolved");
        assertError("SELECT x.device_id FROM iot_sensor_data.sensor_readings r", "line 1:8: Column 'x' cannot be resolved");
    }

    @Test
    void unknownTableAndDatabase() {
        assertError("SELECT * FROM iot_sensor_data.missing", "line 1:15: Table 'iot_sensor_data.missing' does not exist");
        assertError("SELECT * FROM nowhere.sensor_readings", "line 1:15: Database 'nowhere' does not exist");
        assertError("SELECT * FROM missing_table", "line 1:15: Table 'missing_table' does not exist");
    }

    @Test
    void tableNamesAreCaseSensitive() {
        assertError("SELECT * FROM \"IoTMetrics\".\"sensorreadings\"", "line 1:15: Table 'IoTMetrics.sensorreadings' does not exist");
    }

    @Test
    void typeMismatchInComparisonAndArithmetic() {
        assertError("SELECT * FROM iot_sensor_data.sensor_readings WHERE temperature = 'hot'",
                "line 1:53: Cannot apply operator: = to (double, varchar)");
        assertError("SELECT device_id + 1 FROM iot_sensor_data.sensor_readings",
                "line 1:8: Cannot apply operator: + to (varchar, bigint)");
    }

    @Test
    void whereMustBeBoolean() {
        assertError("SELECT 1 FROM iot_sensor_data.sensor_readings WHERE temperature",
                "line 1:53: WHERE clause must evaluate to a boolean: actual type double");
    }

    @Test
    void columnNotGroupedIsAnError() {
        assertError("SELECT device_id, location, avg(temperature) FROM iot_sensor_data.sensor_readings GROUP BY device_id",
                "line 1:19: 'location' must be an aggregate expression or appear in GROUP BY clause");
    }

    @Test
    void unknownFunctionAndWrongArguments() {
        assertError("SELECT frobnicate(temperature) FROM iot_sensor_data.sensor_readings",
                "line 1:8: Function 'frobnicate' not registered");
        assertError("SELECT avg(device_id) FROM iot_sensor_data.sensor_readings",
                "line 1:8: Unexpected parameters (varchar) for function avg");
    }

    @Test
    void aggregateInWhereIsRejected() {
        assertError("SELECT 1 FROM iot_sensor_data.sensor_readings WHERE max(temperature) > 1",
                "line 1:53: Aggregate function max is not allowed here");
    }

    @Test
    void setOperationColumnCountsMustMatch() {
        assertError("SELECT device_id FROM iot_sensor_data.sensor_readings UNION SELECT device_id, location FROM iot_sensor_data.sensor_readings",
                "line 1:55: UNION query has different number of fields: 1, 2");
    }

    @Test
    void missingScheduledRuntimeParameterIsReported() {
        QueryRunner noParameters = new QueryRunner(new SensorData(1));
        assertThatThrownBy(() -> noParameters.analyzer.analyze(
                (io.strata.query.parse.ParsedStatement.Select) noParameters.parser.parse("SELECT @other FROM factory.machine_metrics"),
                noParameters.context().queryClock(), java.util.Map.of()))
                .isInstanceOf(ValidationException.class)
                .hasMessage("line 1:8: No value given for parameter @other");
    }
}
