package io.strata.query.execution;

import io.strata.core.model.MeasureValueType;
import io.strata.core.schema.TableSchema;
import io.strata.query.catalog.TableName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Array and time-series queries (Timestream's documented examples) over a small hand-written
 * table, each with its result worked out by hand — DuckDB has no time series to compare with.
 * Expected rows are in the results' text form ({@link ResultText}), in order.
 *
 * <p>The data, "IoTMetrics"."SensorReadings" with now = 2024-01-15 12:00:00: sensor-001
 * temperature 20.0 at 10:20, 24.0 at 10:22, 27.0 at 10:25 and 99.0 at 09:00 (outside ago(2h));
 * sensor-002 temperature 10.0 at 11:00, 13.0 at 11:01; sensor-001 battery (bigint) 90 at 11:30,
 * 80 at 11:40, 75 at 11:50.
 */
public final class TimeSeriesCorpus {
    /** A query and its expected rows (text form, in order); {@code local} means it reads no table. */
    public record Entry(String sql, List<List<String>> expected, boolean local) {
        @Override
        public String toString() {
            return sql.length() > 110 ? sql.substring(0, 110) + "..." : sql;
        }
    }

    public static final TableName TABLE = new TableName("IoTMetrics", "SensorReadings");
    private static final String R = "\"IoTMetrics\".\"SensorReadings\"";
    private static final String TEMPERATURE_001 = " FROM " + R
            + " WHERE measure_name = 'temperature' AND device_id = 'sensor-001' AND time > ago(2h)";
    private static final String SERIES_001 = "(SELECT CREATE_TIME_SERIES(time, measure_value::double) AS ts" + TEMPERATURE_001 + ")";

    private TimeSeriesCorpus() {}

    public static SensorData data() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("sensor-001", "10:20", "temperature", 20.0));
        rows.add(row("sensor-001", "10:22", "temperature", 24.0));
        rows.add(row("sensor-001", "10:25", "temperature", 27.0));
        rows.add(row("sensor-001", "09:00", "temperature", 99.0));
        rows.add(row("sensor-002", "11:00", "temperature", 10.0));
        rows.add(row("sensor-002", "11:01", "temperature", 13.0));
        rows.add(row("sensor-001", "11:30", "battery", 90L));
        rows.add(row("sensor-001", "11:40", "battery", 80L));
        rows.add(row("sensor-001", "11:50", "battery", 75L));
        TableSchema schema = TableSchema.of(Set.of("device_id"),
                Map.of("temperature", MeasureValueType.DOUBLE, "battery", MeasureValueType.BIGINT), Map.of());
        return SensorData.of(Map.of(TABLE, schema), Map.of(TABLE, rows));
    }

    private static Map<String, Object> row(String device, String time, String measure, Object value) {
        Map<String, Object> row = new HashMap<>();
        row.put("device_id", device);
        row.put("time", nanos(time));
        row.put("measure_name", measure);
        row.put(value instanceof Double ? "measure_value::double" : "measure_value::bigint", value);
        return row;
    }

    /** 2024-01-15 at hh:mm UTC in nanoseconds. */
    public static long nanos(String hoursMinutes) {
        String[] parts = hoursMinutes.split(":");
        long seconds = Long.parseLong(parts[0]) * 3600 + Long.parseLong(parts[1]) * 60;
        return SensorData.NOW_NANOS - (12 * 3600 - seconds) * SensorData.SECOND;
    }

    private static String at(String hoursMinutes) {
        return "2024-01-15 " + hoursMinutes + ":00.000000000";
    }

    private static String point(String hoursMinutes, String value) {
        return "{time=" + at(hoursMinutes) + ", value=" + value + "}";
    }

    public static List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        // the user's interpolation query (user-workloads.md), verbatim: linear between 10:20 (20), 10:22 (24), 10:25 (27)
        add(entries, "SELECT device_id, INTERPOLATE_LINEAR(CREATE_TIME_SERIES(time, measure_value::double),"
                + " SEQUENCE(min(time), max(time), 1m)) AS interpolated_temp FROM " + R
                + " WHERE measure_name = 'temperature' AND device_id = 'sensor-001' AND time > ago(2h) GROUP BY device_id",
                List.of("sensor-001", "[" + String.join(", ", point("10:20", "20.0"), point("10:21", "22.0"),
                        point("10:22", "24.0"), point("10:23", "25.0"), point("10:24", "26.0"), point("10:25", "27.0")) + "]"));
        // create_time_series collects each group's points in time order; the 09:00 point is older than 2h
        add(entries, "SELECT device_id, CREATE_TIME_SERIES(time, measure_value::double) FROM " + R
                        + " WHERE measure_name = 'temperature' AND time > ago(2h) GROUP BY device_id ORDER BY device_id",
                List.of("sensor-001", "[" + point("10:20", "20.0") + ", " + point("10:22", "24.0") + ", " + point("10:25", "27.0") + "]"),
                List.of("sensor-002", "[" + point("11:00", "10.0") + ", " + point("11:01", "13.0") + "]"));
        // unnest a time series back to rows
        add(entries, "WITH s AS (SELECT device_id, CREATE_TIME_SERIES(time, measure_value::double) AS ts FROM " + R
                        + " WHERE measure_name = 'temperature' AND time > ago(2h) GROUP BY device_id)"
                        + " SELECT device_id, t.time, t.value FROM s CROSS JOIN UNNEST(ts) AS t (time, value) ORDER BY device_id, t.time",
                List.of("sensor-001", at("10:20"), "20.0"), List.of("sensor-001", at("10:22"), "24.0"),
                List.of("sensor-001", at("10:25"), "27.0"), List.of("sensor-002", at("11:00"), "10.0"),
                List.of("sensor-002", at("11:01"), "13.0"));
        // the documented canonical pattern: unnest without an alias gives time and value
        add(entries, "WITH interp AS (SELECT INTERPOLATE_LINEAR(CREATE_TIME_SERIES(time, measure_value::double),"
                        + " SEQUENCE(min(time), max(time), 90s)) AS s" + TEMPERATURE_001 + ")"
                        + " SELECT time, ROUND(value, 2) FROM interp CROSS JOIN UNNEST(s) ORDER BY time",
                List.of(at("10:20"), "20.0"), List.of("2024-01-15 10:21:30.000000000", "23.0"),
                List.of(at("10:23"), "25.0"), List.of("2024-01-15 10:24:30.000000000", "26.5"));
        // locf: the last observation carried forward, also past the last point
        add(entries, "SELECT INTERPOLATE_LOCF(ts, SEQUENCE(TIMESTAMP '2024-01-15 10:19:00', TIMESTAMP '2024-01-15 10:27:00', 2m)),"
                        + " INTERPOLATE_LOCF(ts, TIMESTAMP '2024-01-15 10:24:00') FROM " + SERIES_001,
                List.of("[" + point("10:21", "20.0") + ", " + point("10:23", "24.0") + ", " + point("10:25", "27.0") + ", "
                        + point("10:27", "27.0") + "]", "24.0"));
        // fill: the fill value where there is no observation
        add(entries, "SELECT INTERPOLATE_FILL(ts, SEQUENCE(TIMESTAMP '2024-01-15 10:20:00', TIMESTAMP '2024-01-15 10:25:00', 1m), -1.0)"
                        + " FROM " + SERIES_001,
                List.of("[" + String.join(", ", point("10:20", "20.0"), point("10:21", "-1.0"), point("10:22", "24.0"),
                        point("10:23", "-1.0"), point("10:24", "-1.0"), point("10:25", "27.0")) + "]"));
        // natural cubic spline through (0, 20), (2, 24), (5, 27) in minutes: M1 = -0.6
        add(entries, "SELECT t.time, ROUND(t.value, 6) FROM (SELECT INTERPOLATE_SPLINE_CUBIC(ts, SEQUENCE(TIMESTAMP '2024-01-15 10:20:00',"
                        + " TIMESTAMP '2024-01-15 10:25:00', 1m)) AS spline FROM " + SERIES_001 + ") CROSS JOIN UNNEST(spline) AS t (time, value)"
                        + " ORDER BY t.time",
                List.of(at("10:20"), "20.0"), List.of(at("10:21"), "22.15"), List.of(at("10:22"), "24.0"),
                List.of(at("10:23"), "25.333333"), List.of(at("10:24"), "26.266667"), List.of(at("10:25"), "27.0"));
        // linear at one timestamp, and outside the observed range (no extrapolation)
        add(entries, "SELECT INTERPOLATE_LINEAR(ts, TIMESTAMP '2024-01-15 10:21:00'), INTERPOLATE_LINEAR(ts, TIMESTAMP '2024-01-15 10:30:00')"
                        + " FROM " + SERIES_001,
                Arrays.asList("22.0", null));
        // derivative per minute at the later point: (24-20)/2, (27-24)/3
        add(entries, "SELECT DERIVATIVE_LINEAR(ts, 1m) FROM " + SERIES_001,
                List.of("[" + point("10:22", "2.0") + ", " + point("10:25", "1.0") + "]"));
        // a counter that only falls: every rate is negative, none is kept
        add(entries, "SELECT NON_NEGATIVE_DERIVATIVE_LINEAR(CREATE_TIME_SERIES(time, measure_value::bigint), 10m),"
                        + " DERIVATIVE_LINEAR(CREATE_TIME_SERIES(time, measure_value::bigint), 10m) FROM " + R
                        + " WHERE measure_name = 'battery'",
                List.of("[]", "[" + point("11:40", "-10.0") + ", " + point("11:50", "-5.0") + "]"));
        // trapezoids: (20+24)/2*2 + (24+27)/2*3 = 120.5 value-minutes, 7230 value-seconds
        add(entries, "SELECT INTEGRAL_TRAPEZOIDAL(ts, 1m), INTEGRAL_TRAPEZOIDAL(ts) FROM " + SERIES_001,
                List.of("120.5", "7230.0"));
        // filter a series with a lambda over its points, then unnest
        add(entries, "SELECT f.time, f.value FROM (SELECT FILTER(ts, x -> x.value > 21) AS kept FROM " + SERIES_001 + ")"
                        + " CROSS JOIN UNNEST(kept) AS f (time, value) ORDER BY f.time",
                List.of(at("10:22"), "24.0"), List.of(at("10:25"), "27.0"));
        // reduce a series: the sum of its values, and the count of points after 10:21
        add(entries, "SELECT REDUCE(ts, 0.0, (s, x) -> s + x.value, s -> s),"
                        + " REDUCE(ts, 0, (s, x) -> IF(x.time > TIMESTAMP '2024-01-15 10:21:00', s + 1, s), s -> s) FROM " + SERIES_001,
                List.of("71.0", "2"));
        // array_agg + cardinality (array_sort: the order of array_agg depends on how rows arrive)
        add(entries, "SELECT device_id, cardinality(array_agg(measure_value::double)), array_sort(array_agg(measure_value::double)) FROM " + R
                        + " WHERE measure_name = 'temperature' AND time > ago(2h) GROUP BY device_id ORDER BY device_id",
                List.of("sensor-001", "3", "[20.0, 24.0, 27.0]"), List.of("sensor-002", "2", "[10.0, 13.0]"));
        // sequence, element_at (negative from the end), subscript
        add(entries, "SELECT SEQUENCE(1, 10, 3), cardinality(SEQUENCE(1, 10, 3)), element_at(SEQUENCE(1, 10, 3), -1),"
                        + " SEQUENCE(1, 10, 3)[2], element_at(SEQUENCE(1, 3), 5)",
                Arrays.asList("[1, 4, 7, 10]", "4", "10", "4", null));
        add(entries, "SELECT SEQUENCE(TIMESTAMP '2024-01-15 10:00:00', TIMESTAMP '2024-01-15 10:30:00', 15m)",
                List.of("[" + at("10:00") + ", " + at("10:15") + ", " + at("10:30") + "]"));
        // lambdas over arrays
        add(entries, "SELECT transform(ARRAY[1, 2, 3], x -> x * 10), filter(ARRAY[5, -1, 7], x -> x > 0),"
                        + " reduce(ARRAY[1, 2, 3, 4], 0, (s, x) -> s + x, s -> s * 2), reduce(ARRAY[1.5, 2.5], 0, (s, x) -> s + x, s -> s)",
                List.of("[10, 20, 30]", "[5, 7]", "20", "4.0"));
        // unnest an array; a time series' values transformed
        add(entries, "SELECT x * x FROM UNNEST(SEQUENCE(1, 4)) AS t (x) WHERE x > 1 ORDER BY 1",
                List.of("4"), List.of("9"), List.of("16"));
        return entries;
    }

    @SafeVarargs
    private static void add(List<Entry> entries, String sql, List<String>... expected) {
        entries.add(new Entry(sql, List.of(expected).stream().map(row -> java.util.Collections.unmodifiableList(new ArrayList<>(row)))
                .map(row -> (List<String>) row).toList(), !sql.contains(" FROM \"") && !sql.contains("FROM (") && !sql.contains(" FROM s ")
                && !sql.contains(" FROM interp ")));
    }
}
