package io.strata.query.execution;

import io.strata.core.model.MeasureValueType;
import io.strata.core.schema.TableSchema;
import io.strata.query.catalog.CatalogSnapshot;
import io.strata.query.catalog.QueryTable;
import io.strata.query.catalog.TableName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The test data set: the user-workload tables, generated from a seed with a fixed "now".
 * {@code "IoTMetrics"."SensorReadings"} holds multi-measure {@code sensor_metrics} rows and
 * single-measure {@code temperature}/{@code status} rows; {@code iot_sensor_data.sensor_readings}
 * multi-measure rows only; {@code factory.machine_metrics} multi-measure machine rows;
 * {@code serverless.invocations} single-measure DOUBLE and BIGINT rows. Some values are NULL.
 */
public final class SensorData {
    public static final Instant NOW = Instant.parse("2024-01-15T12:00:00Z");
    public static final long NOW_NANOS = NOW.getEpochSecond() * 1_000_000_000L;
    public static final long SECOND = 1_000_000_000L;

    public final Map<TableName, TableSchema> schemas = new LinkedHashMap<>();
    public final Map<TableName, List<Map<String, Object>>> rows = new LinkedHashMap<>();

    private SensorData() {}

    /** A data set written by hand (for queries whose expected results are worked out by hand). */
    public static SensorData of(Map<TableName, TableSchema> schemas, Map<TableName, List<Map<String, Object>>> rows) {
        SensorData data = new SensorData();
        schemas.forEach((name, schema) -> data.add(name, schema, rows.get(name)));
        return data;
    }

    public SensorData(long seed) {
        Random random = new Random(seed);
        String[] devices = {"sensor-001", "sensor-002", "sensor-003", "sensor-004", "sensor-005", "sensor-006"};
        String[] locations = {"hall-a", "hall-b", "roof"};
        String[] regions = {"eu-west", "us-east"};

        TableName readings = new TableName("IoTMetrics", "SensorReadings");
        List<Map<String, Object>> readingRows = new ArrayList<>();
        for (int index = 0; index < 1500; index++) {
            int device = random.nextInt(devices.length);
            long time = uniqueTime(random, 30 * 3600, device);
            Map<String, Object> row = new HashMap<>();
            row.put("device_id", devices[device]);
            row.put("location", locations[device % locations.length]);
            row.put("region", regions[device % regions.length]);
            row.put("time", time);
            int kind = random.nextInt(10);
            if (kind < 6) {
                row.put("measure_name", "sensor_metrics");
                row.put("temperature", random.nextInt(20) == 0 ? null : round(15 + random.nextDouble() * 35));
                row.put("humidity", round(30 + random.nextDouble() * 50));
                row.put("pressure", round(95 + random.nextDouble() * 15));
                row.put("battery_level", (long) random.nextInt(101));
            } else if (kind < 9) {
                row.put("measure_name", "temperature");
                row.put("measure_value::double", round(15 + random.nextDouble() * 35));
            } else {
                row.put("measure_name", "status");
                row.put("measure_value::varchar", random.nextBoolean() ? "ok" : "degraded");
            }
            readingRows.add(row);
        }
        add(readings, TableSchema.of(Set.of("device_id", "location", "region"),
                Map.of("sensor_metrics", MeasureValueType.MULTI, "temperature", MeasureValueType.DOUBLE,
                        "status", MeasureValueType.VARCHAR),
                Map.of("temperature", MeasureValueType.DOUBLE, "humidity", MeasureValueType.DOUBLE,
                        "pressure", MeasureValueType.DOUBLE, "battery_level", MeasureValueType.BIGINT)), readingRows);

        TableName sensorReadings = new TableName("iot_sensor_data", "sensor_readings");
        List<Map<String, Object>> multiRows = new ArrayList<>();
        for (int index = 0; index < 2000; index++) {
            int device = random.nextInt(devices.length);
            Map<String, Object> row = new HashMap<>();
            row.put("device_id", devices[device]);
            row.put("location", locations[device % locations.length]);
            row.put("region", regions[device % regions.length]);
            row.put("time", uniqueTime(random, 8 * 24 * 3600, device));
            row.put("measure_name", "sensor_metrics");
            // sensor-006 runs hot so the alert and z-score queries have rows
            double base = device == 5 ? 38 : 20;
            row.put("temperature", random.nextInt(25) == 0 ? null : round(base + random.nextGaussian() * 4));
            row.put("humidity", round(30 + random.nextDouble() * 50));
            row.put("pressure", round(95 + random.nextDouble() * 15));
            row.put("battery_level", (long) (device == 2 ? random.nextInt(25) : random.nextInt(101)));
            multiRows.add(row);
        }
        add(sensorReadings, TableSchema.of(Set.of("device_id", "location", "region"),
                Map.of("sensor_metrics", MeasureValueType.MULTI),
                Map.of("temperature", MeasureValueType.DOUBLE, "humidity", MeasureValueType.DOUBLE,
                        "pressure", MeasureValueType.DOUBLE, "battery_level", MeasureValueType.BIGINT)), multiRows);

        TableName machines = new TableName("factory", "machine_metrics");
        List<Map<String, Object>> machineRows = new ArrayList<>();
        for (int index = 0; index < 600; index++) {
            Map<String, Object> row = new HashMap<>();
            row.put("machine_id", "m-" + random.nextInt(8));
            row.put("time", uniqueTime(random, 2 * 3600, index % 7));
            row.put("measure_name", "machine");
            row.put("temperature", round(40 + random.nextDouble() * 60));
            row.put("pressure", random.nextInt(10) == 0 ? null : (long) (80 + random.nextInt(40)));
            row.put("vibration", round(random.nextDouble()));
            row.put("energy", (long) random.nextInt(1000));
            machineRows.add(row);
        }
        add(machines, TableSchema.of(Set.of("machine_id"), Map.of("machine", MeasureValueType.MULTI),
                Map.of("temperature", MeasureValueType.DOUBLE, "pressure", MeasureValueType.BIGINT,
                        "vibration", MeasureValueType.DOUBLE, "energy", MeasureValueType.BIGINT)), machineRows);

        TableName invocations = new TableName("serverless", "invocations");
        List<Map<String, Object>> invocationRows = new ArrayList<>();
        String[] functions = {"checkout", "payment", "inventory"};
        String[] environments = {"prod", "staging"};
        for (int index = 0; index < 900; index++) {
            Map<String, Object> row = new HashMap<>();
            row.put("function_name", functions[random.nextInt(functions.length)]);
            row.put("environment", environments[random.nextInt(environments.length)]);
            row.put("region", regions[random.nextInt(regions.length)]);
            row.put("time", uniqueTime(random, 6 * 3600, index % 11));
            int kind = random.nextInt(3);
            if (kind == 0) {
                row.put("measure_name", "order_processing_duration_ms");
                row.put("measure_value::double", round(5 + random.nextDouble() * 500));
            } else if (kind == 1) {
                row.put("measure_name", "order_success_count");
                row.put("measure_value::bigint", (long) random.nextInt(5));
            } else {
                row.put("measure_name", "order_error_count");
                row.put("error_type", random.nextBoolean() ? "timeout" : "validation");
                row.put("measure_value::bigint", (long) random.nextInt(3));
            }
            invocationRows.add(row);
        }
        add(invocations, TableSchema.of(Set.of("function_name", "environment", "region", "error_type"),
                Map.of("order_processing_duration_ms", MeasureValueType.DOUBLE, "order_success_count", MeasureValueType.BIGINT,
                        "order_error_count", MeasureValueType.BIGINT), Map.of()), invocationRows);
    }

    private final Set<Long> usedTimes = new java.util.HashSet<>();

    /** A time in the last {@code seconds} seconds, in whole microseconds, never used before (no ties). */
    private long uniqueTime(Random random, int seconds, int salt) {
        long time;
        do {
            time = NOW_NANOS - (long) random.nextInt(seconds) * SECOND - salt * 1000L;
        } while (!usedTimes.add(time));
        return time;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private void add(TableName name, TableSchema schema, List<Map<String, Object>> tableRows) {
        schemas.put(name, schema);
        rows.put(name, tableRows);
    }

    public CatalogSnapshot catalog() {
        Map<String, Map<String, TableSchema>> databases = new LinkedHashMap<>();
        schemas.forEach((name, schema) -> databases.computeIfAbsent(name.database(), ignored -> new HashMap<>()).put(name.table(), schema));
        return new CatalogSnapshot(databases);
    }

    public QueryTable table(TableName name) {
        return QueryTable.of(name, schemas.get(name));
    }

    /** The rows of a table whose index modulo {@code shards} is {@code shard}: disjoint shards. */
    public List<Map<String, Object>> shardRows(TableName name, int shard, int shards) {
        List<Map<String, Object>> all = rows.get(name);
        List<Map<String, Object>> result = new ArrayList<>();
        for (int index = shard; index < all.size(); index += shards) {
            result.add(all.get(index));
        }
        return result;
    }
}
