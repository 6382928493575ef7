package io.strata.query.execution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void runs() {
        QueryRunner runner = new QueryRunner(new SensorData(7));
        QueryResult result = runner.run("SELECT device_id, AVG(temperature) AS avg_temp FROM iot_sensor_data.sensor_readings "
                + "WHERE time > ago(1h) GROUP BY device_id ORDER BY avg_temp DESC");
        System.out.println(result);
        assertThat(result.rows()).isNotEmpty();
    }
}
