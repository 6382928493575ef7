package io.strata.query.execution;

import java.util.ArrayList;
import java.util.List;

/**
 * The query corpus: every user-workload query plus selects, filters, aggregates, GROUP BY bin,
 * HAVING, ORDER BY/LIMIT, DISTINCT, subqueries, CTEs, every join type, set operations, window
 * functions and NULL semantics. Each is checked against DuckDB (translated by
 * {@link DuckDbReference#translate}, or with the DuckDB text given where the dialects differ).
 */
public final class QueryCorpus {
    /** A query; {@code duckSql} null means translate {@code sql}; {@code ordered} means the order is total and checked. */
    public record Entry(String sql, String duckSql, boolean ordered) {
        @Override
        public String toString() {
            return sql.length() > 110 ? sql.substring(0, 110) + "..." : sql;
        }
    }

    private static final String R = "\"IoTMetrics\".\"SensorReadings\"";
    private static final String S = "iot_sensor_data.sensor_readings";
    private static final String M = "factory.machine_metrics";
    private static final String I = "serverless.invocations";

    private QueryCorpus() {}

    public static List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        // --- user workloads (user-workloads.md), verbatim; the INTERPOLATE_LINEAR one is in TimeSeriesCorpus (checked by hand)
        // every avg is NULL here (no sensor_metrics row is named 'temperature'), so the order is not total
        unordered(entries, "SELECT device_id, AVG(temperature) AS avg_temp FROM " + R
                + " WHERE measure_name = 'temperature' AND time > ago(1h) GROUP BY device_id ORDER BY avg_temp DESC");
        unordered(entries, "SELECT bin(time, 5m) AS time_bucket, device_id, AVG(temperature) AS avg_temp, MAX(temperature) AS max_temp,"
                + " MIN(temperature) AS min_temp FROM " + R + " WHERE measure_name = 'temperature' AND time > ago(6h)"
                + " GROUP BY bin(time, 5m), device_id ORDER BY time_bucket ASC");
        unordered(entries, "SELECT bin(time, 5m) AS bucket, device_id, ROUND(AVG(temperature), 2) AS avg_temp FROM " + R
                + " WHERE measure_name = 'temperature' AND time > ago(1h) GROUP BY bin(time, 5m), device_id ORDER BY bucket ASC");
        unordered(entries, "SELECT region, bin(time, 1h) AS hour_bucket, AVG(temperature) AS avg_temp, MAX(temperature) AS max_temp FROM " + R
                + " WHERE measure_name = 'temperature' AND time BETWEEN @scheduled_runtime - (1h) AND @scheduled_runtime"
                + " GROUP BY region, bin(time, 1h)");
        ordered(entries, "SELECT device_id, MAX(temperature) AS max_temp FROM " + R
                + " WHERE measure_name = 'temperature' AND time > ago(5m) GROUP BY device_id HAVING MAX(temperature) > 40.0 ORDER BY max_temp DESC");
        ordered(entries, "SELECT device_id, location, MAX_BY(temperature, time) AS latest_temperature, MAX_BY(humidity, time) AS latest_humidity,"
                + " MAX_BY(battery_level, time) AS latest_battery FROM " + S + " WHERE time > ago(1h) GROUP BY device_id, location ORDER BY device_id");
        ordered(entries, "SELECT device_id, BIN(time, 15m) AS interval, AVG(temperature) AS avg_temp, MIN(temperature) AS min_temp,"
                + " MAX(temperature) AS max_temp FROM " + S + " WHERE time > ago(24h) AND measure_name = 'sensor_metrics'"
                + " GROUP BY device_id, BIN(time, 15m) ORDER BY device_id, interval DESC");
        ordered(entries, "WITH device_stats AS ( SELECT device_id, AVG(temperature) AS avg_temp, STDDEV(temperature) AS stddev_temp FROM " + S
                + " WHERE time > ago(7d) GROUP BY device_id) SELECT r.device_id, r.time, r.temperature, s.avg_temp, s.stddev_temp,"
                + " ABS(r.temperature - s.avg_temp) / s.stddev_temp AS z_score FROM " + S + " r JOIN device_stats s ON r.device_id = s.device_id"
                + " WHERE r.time > ago(1h) AND ABS(r.temperature - s.avg_temp) > 2 * s.stddev_temp ORDER BY z_score DESC");
        ordered(entries, "SELECT device_id, location, MAX_BY(battery_level, time) AS current_battery, MIN_BY(battery_level, time) AS battery_24h_ago,"
                + " MAX_BY(battery_level, time) - MIN_BY(battery_level, time) AS drain_rate FROM " + S + " WHERE time > ago(24h)"
                + " GROUP BY device_id, location HAVING MAX_BY(battery_level, time) < 20 ORDER BY drain_rate DESC, device_id");
        ordered(entries, "SELECT device_id, location, MAX(temperature) AS max_temp FROM " + S
                + " WHERE time > ago(1h) AND temperature > 40 GROUP BY device_id, location ORDER BY max_temp DESC");
        unordered(entries, "SELECT avg(temperature) FROM machine_metrics WHERE time BETWEEN ago(1h) AND now()", 
                "SELECT avg(temperature) FROM " + M + " WHERE time BETWEEN ago(1h) AND now()");
        unordered(entries, "SELECT * FROM machine_metrics WHERE pressure > 100 AND time BETWEEN ago(5m) AND now()",
                "SELECT * FROM " + M + " WHERE pressure > 100 AND time BETWEEN ago(5m) AND now()");
        ordered(entries, "SELECT bin(time, 1m) AS time, device_id AS metric, AVG(temperature) AS value FROM " + S
                + " WHERE measure_name = 'sensor_metrics' AND time BETWEEN from_milliseconds(1705312800000) AND from_milliseconds(1705316400000)"
                + " GROUP BY bin(time, 1m), device_id ORDER BY time ASC, metric");
        // --- single- vs multi-measure: measure_name = 'temperature' matches no sensor_metrics row
        unordered(entries, "SELECT count(*), count(temperature), count(\"measure_value::double\") FROM " + R + " WHERE measure_name = 'temperature'");
        unordered(entries, "SELECT measure_name, count(*), count(temperature), count(measure_value::double), count(measure_value::varchar) FROM " + R
                + " GROUP BY measure_name");
        unordered(entries, "SELECT device_id, avg(measure_value::double) FROM " + R + " WHERE measure_name = 'temperature' AND time > ago(6h) GROUP BY device_id");
        unordered(entries, "SELECT count(*) FROM " + R + " WHERE measure_name = 'sensor_metrics' AND measure_value::double IS NOT NULL");
        unordered(entries, "SELECT measure_value::varchar, count(*) FROM " + R + " WHERE measure_name = 'status' GROUP BY measure_value::varchar");
        // --- selects and filters
        unordered(entries, "SELECT device_id, time, temperature FROM " + S + " WHERE time > ago(30m)");
        unordered(entries, "SELECT * FROM " + M + " WHERE machine_id = 'm-3'");
        unordered(entries, "SELECT machine_id, temperature * 2 + 1 AS t, energy % 7 AS e, -vibration AS v FROM " + M + " WHERE energy BETWEEN 100 AND 200");
        unordered(entries, "SELECT machine_id, energy FROM " + M + " WHERE machine_id IN ('m-1', 'm-2') AND NOT (energy < 500)");
        unordered(entries, "SELECT machine_id, pressure FROM " + M + " WHERE pressure IS NULL");
        unordered(entries, "SELECT machine_id, pressure FROM " + M + " WHERE pressure NOT BETWEEN 90 AND 110 OR machine_id = 'm-0'");
        unordered(entries, "SELECT function_name, error_type FROM " + I + " WHERE error_type LIKE 'time%'");
        unordered(entries, "SELECT function_name FROM " + I + " WHERE function_name NOT LIKE '%o%'");
        unordered(entries, "SELECT device_id, upper(location), length(device_id), substr(device_id, 8), location || '/' || region FROM " + S
                + " WHERE time > ago(20m)");
        unordered(entries, "SELECT machine_id, CASE WHEN temperature > 80 THEN 'hot' WHEN temperature > 60 THEN 'warm' ELSE 'cool' END FROM " + M);
        unordered(entries, "SELECT machine_id, CASE machine_id WHEN 'm-1' THEN 1 WHEN 'm-2' THEN 2 END FROM " + M);
        unordered(entries, "SELECT machine_id, coalesce(pressure, -1), nullif(machine_id, 'm-4'), if(energy > 500, 'high', 'low') FROM " + M);
        unordered(entries, "SELECT machine_id, CAST(energy AS DOUBLE) / 3, CAST(floor(temperature) AS BIGINT) FROM " + M);
        unordered(entries, "SELECT device_id, date_trunc('hour', time), extract(hour FROM time), hour(time), minute(time) FROM " + S
                + " WHERE time > ago(2h)");
        unordered(entries, "SELECT device_id, time FROM " + S + " WHERE time >= TIMESTAMP '2024-01-15 11:30:00' AND time < TIMESTAMP '2024-01-15 11:45:00'");
        unordered(entries, "SELECT machine_id, floor(temperature), ceil(vibration * 10), sqrt(energy), abs(energy - 500), power(vibration, 2) FROM " + M);
        unordered(entries, "SELECT machine_id, greatest(energy, 500), least(temperature, 50.0) FROM " + M);
        unordered(entries, "SELECT 1 + 2, 7 % 3, 2.5 * 4, 'a' || 'b', NULL IS NULL");
        // functions bound from the function library (query-functions)
        unordered(entries, "SELECT machine_id, lpad(machine_id, 6, '*'), split_part(machine_id, '-', 2), regexp_like(machine_id, '[0-3]$'),"
                + " round(cos(vibration), 6) FROM " + M + " WHERE energy > 900",
                "SELECT machine_id, lpad(machine_id, 6, '*'), split_part(machine_id, '-', 2), regexp_matches(machine_id, '[0-3]$'),"
                + " round(cos(vibration), 6) FROM " + M + " WHERE energy > 900");
        unordered(entries, "SELECT machine_id, energy FROM " + M + " WHERE energy > 990 OR (energy < 10 AND pressure IS NOT NULL)");
        unordered(entries, "SELECT machine_id FROM " + M + " WHERE pressure = NULL");
        unordered(entries, "SELECT machine_id, pressure FROM " + M + " WHERE pressure IS DISTINCT FROM 100 AND pressure < 85");
        // --- aggregates
        unordered(entries, "SELECT count(*), count(pressure), sum(energy), sum(temperature), avg(energy), min(temperature), max(pressure) FROM " + M);
        unordered(entries, "SELECT machine_id, stddev(temperature), stddev_samp(energy), stddev_pop(temperature), variance(vibration),"
                + " var_samp(energy), var_pop(temperature) FROM " + M + " GROUP BY machine_id");
        unordered(entries, "SELECT machine_id, min(machine_id), max(time), min(time), count_if(energy > 500), bool_and(energy > 0), bool_or(energy > 990)"
                + " FROM " + M + " GROUP BY machine_id");
        unordered(entries, "SELECT machine_id, max_by(energy, temperature), min_by(vibration, time), arbitrary(machine_id) FROM " + M + " GROUP BY machine_id");
        unordered(entries, "SELECT machine_id, geometric_mean(temperature) FROM " + M + " GROUP BY machine_id");
        unordered(entries, "SELECT count(DISTINCT machine_id), count(DISTINCT pressure), sum(DISTINCT pressure) FROM " + M);
        unordered(entries, "SELECT count(*), sum(energy), avg(temperature), max(pressure) FROM " + M + " WHERE machine_id = 'nope'");
        unordered(entries, "SELECT machine_id, count(*) FROM " + M + " WHERE machine_id = 'nope' GROUP BY machine_id");
        unordered(entries, "SELECT function_name, environment, sum(measure_value::bigint), avg(measure_value::double) FROM " + I
                + " GROUP BY function_name, environment");
        unordered(entries, "SELECT function_name, sum(CASE WHEN measure_name = 'order_error_count' THEN measure_value::bigint ELSE 0 END) AS errors,"
                + " sum(CASE WHEN measure_name = 'order_success_count' THEN measure_value::bigint ELSE 0 END) AS successes FROM " + I
                + " WHERE time > ago(3h) GROUP BY function_name");
        unordered(entries, "SELECT error_type, count(*) FROM " + I + " GROUP BY error_type");
        // --- GROUP BY forms, HAVING, ORDER BY, LIMIT
        unordered(entries, "SELECT bin(time, 1h), count(*) FROM " + S + " WHERE time > ago(1d) GROUP BY 1");
        unordered(entries, "SELECT machine_id, energy > 500 AS high, count(*) FROM " + M + " GROUP BY machine_id, energy > 500");
        unordered(entries, "SELECT region, location, count(*) AS n FROM " + S + " GROUP BY region, location HAVING count(*) > 100 AND region <> 'x'");
        unordered(entries, "SELECT machine_id FROM " + M + " GROUP BY machine_id HAVING avg(energy) > 480");
        ordered(entries, "SELECT machine_id, energy FROM " + M + " ORDER BY energy DESC, machine_id, time LIMIT 10");
        ordered(entries, "SELECT machine_id, energy, time FROM " + M + " ORDER BY energy, time OFFSET 5 LIMIT 7");
        ordered(entries, "SELECT machine_id, pressure, time FROM " + M + " ORDER BY pressure NULLS FIRST, time LIMIT 12");
        ordered(entries, "SELECT machine_id, pressure, time FROM " + M + " ORDER BY pressure DESC NULLS LAST, time DESC LIMIT 12");
        ordered(entries, "SELECT machine_id, count(*) AS n FROM " + M + " GROUP BY machine_id ORDER BY 2 DESC, 1");
        ordered(entries, "SELECT machine_id, energy FROM " + M + " ORDER BY temperature * 2 DESC LIMIT 5");
        ordered(entries, "SELECT machine_id, avg(energy) FROM " + M + " GROUP BY machine_id ORDER BY max(temperature) DESC");
        // --- DISTINCT
        unordered(entries, "SELECT DISTINCT machine_id FROM " + M);
        unordered(entries, "SELECT DISTINCT region, location FROM " + S);
        ordered(entries, "SELECT DISTINCT function_name FROM " + I + " ORDER BY function_name DESC");
        unordered(entries, "SELECT DISTINCT pressure FROM " + M + " WHERE pressure > 110 OR pressure IS NULL");
        // --- subqueries
        unordered(entries, "SELECT t.machine_id, t.total FROM (SELECT machine_id, sum(energy) AS total FROM " + M + " GROUP BY machine_id) t WHERE t.total > 30000");
        unordered(entries, "SELECT machine_id, energy FROM " + M + " WHERE machine_id IN (SELECT machine_id FROM " + M + " WHERE energy > 995)");
        unordered(entries, "SELECT machine_id, energy FROM " + M + " WHERE machine_id NOT IN (SELECT machine_id FROM " + M + " WHERE energy > 990)");
        unordered(entries, "SELECT machine_id, energy FROM " + M + " WHERE energy > (SELECT avg(energy) FROM " + M + ") AND machine_id = 'm-1'");
        unordered(entries, "SELECT count(*) FROM " + M + " WHERE EXISTS (SELECT 1 FROM " + M + " WHERE energy > 998)");
        unordered(entries, "SELECT count(*) FROM " + M + " WHERE NOT EXISTS (SELECT 1 FROM " + M + " WHERE energy > 5000)");
        unordered(entries, "SELECT machine_id FROM " + M + " WHERE pressure IN (SELECT pressure FROM " + M + " WHERE machine_id = 'm-2')");
        // --- CTEs and joins
        unordered(entries, "WITH hot AS (SELECT machine_id, max(temperature) AS t FROM " + M + " GROUP BY machine_id), cold AS (SELECT machine_id,"
                + " min(temperature) AS t FROM " + M + " GROUP BY machine_id) SELECT hot.machine_id, hot.t - cold.t FROM hot JOIN cold ON hot.machine_id = cold.machine_id");
        unordered(entries, "WITH a AS (SELECT machine_id, count(*) AS n FROM " + M + " WHERE energy > 500 GROUP BY machine_id),"
                + " b AS (SELECT machine_id, n * 2 AS n2 FROM a) SELECT * FROM b");
        unordered(entries, "SELECT s.region, count(*) FROM " + S + " s INNER JOIN " + I + " i ON s.region = i.region AND i.function_name = 'payment'"
                + " WHERE s.time > ago(10m) AND i.time > ago(10m) GROUP BY s.region");
        unordered(entries, "WITH d AS (SELECT DISTINCT device_id FROM " + S + "), x AS (SELECT DISTINCT device_id FROM " + R
                + " WHERE measure_name = 'status' AND time > ago(1h)) SELECT d.device_id, x.device_id FROM d LEFT JOIN x ON d.device_id = x.device_id");
        unordered(entries, "WITH d AS (SELECT DISTINCT device_id FROM " + S + "), x AS (SELECT DISTINCT device_id FROM " + R
                + " WHERE measure_name = 'status' AND time > ago(1h)) SELECT d.device_id, x.device_id FROM x RIGHT JOIN d ON d.device_id = x.device_id");
        unordered(entries, "WITH a AS (SELECT machine_id, energy FROM " + M + " WHERE energy < 30), b AS (SELECT machine_id, energy FROM " + M
                + " WHERE energy > 970) SELECT a.machine_id, a.energy, b.machine_id, b.energy FROM a FULL OUTER JOIN b ON a.machine_id = b.machine_id");
        unordered(entries, "WITH a AS (SELECT DISTINCT machine_id FROM " + M + "), b AS (SELECT DISTINCT region FROM " + S + ") SELECT * FROM a CROSS JOIN b");
        unordered(entries, "WITH a AS (SELECT DISTINCT machine_id FROM " + M + "), b AS (SELECT DISTINCT region FROM " + S + ") SELECT * FROM a, b WHERE a.machine_id < 'm-3'");
        unordered(entries, "WITH a AS (SELECT machine_id, energy FROM " + M + " WHERE energy < 100) SELECT x.machine_id, y.machine_id, x.energy, y.energy"
                + " FROM a x JOIN a y ON x.machine_id = y.machine_id AND x.energy < y.energy");
        unordered(entries, "WITH a AS (SELECT machine_id, energy FROM " + M + " WHERE energy < 100) SELECT x.machine_id, y.energy FROM a x LEFT JOIN a y"
                + " ON x.machine_id = y.machine_id AND y.energy > 90");
        unordered(entries, "WITH a AS (SELECT machine_id, energy FROM " + M + " WHERE energy < 50) SELECT * FROM a x JOIN a y USING (machine_id)",
                "WITH a AS (SELECT machine_id, energy FROM " + M + " WHERE energy < 50) SELECT x.machine_id, x.energy, y.energy"
                        + " FROM a x JOIN a y ON x.machine_id = y.machine_id");
        unordered(entries, "SELECT m.machine_id, t.c FROM " + M + " m JOIN (VALUES ('m-1', 'one'), ('m-2', 'two')) AS t(id, c) ON m.machine_id = t.id WHERE m.energy > 900");
        // --- set operations
        unordered(entries, "SELECT machine_id FROM " + M + " WHERE energy > 980 UNION SELECT machine_id FROM " + M + " WHERE energy < 20");
        unordered(entries, "SELECT machine_id FROM " + M + " WHERE energy > 980 UNION ALL SELECT machine_id FROM " + M + " WHERE energy < 20");
        unordered(entries, "SELECT machine_id FROM " + M + " WHERE energy > 900 INTERSECT SELECT machine_id FROM " + M + " WHERE energy < 100");
        unordered(entries, "SELECT machine_id FROM " + M + " WHERE energy > 800 INTERSECT ALL SELECT machine_id FROM " + M + " WHERE energy < 200");
        unordered(entries, "SELECT machine_id FROM " + M + " EXCEPT SELECT machine_id FROM " + M + " WHERE energy > 990");
        unordered(entries, "SELECT machine_id FROM " + M + " WHERE energy > 700 EXCEPT ALL SELECT machine_id FROM " + M + " WHERE energy < 300");
        ordered(entries, "SELECT machine_id, energy FROM " + M + " WHERE energy > 990 UNION SELECT machine_id, pressure FROM " + M
                + " WHERE pressure > 117 ORDER BY 2 DESC, 1 LIMIT 6");
        unordered(entries, "SELECT energy FROM " + M + " WHERE energy > 995 UNION ALL SELECT temperature FROM " + M + " WHERE temperature > 99.5");
        // --- window functions
        unordered(entries, "SELECT machine_id, time, row_number() OVER (PARTITION BY machine_id ORDER BY time) FROM " + M);
        unordered(entries, "SELECT machine_id, energy, rank() OVER (ORDER BY energy DESC), dense_rank() OVER (ORDER BY energy DESC) FROM " + M);
        unordered(entries, "SELECT machine_id, time, lag(energy) OVER (PARTITION BY machine_id ORDER BY time),"
                + " lead(energy, 2, -1) OVER (PARTITION BY machine_id ORDER BY time) FROM " + M);
        unordered(entries, "SELECT machine_id, time, sum(energy) OVER (PARTITION BY machine_id ORDER BY time) AS running FROM " + M);
        unordered(entries, "SELECT machine_id, time, avg(temperature) OVER (PARTITION BY machine_id ORDER BY time ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM " + M);
        unordered(entries, "SELECT machine_id, time, min(energy) OVER (PARTITION BY machine_id ORDER BY time ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING),"
                + " max(energy) OVER (PARTITION BY machine_id ORDER BY time ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) FROM " + M);
        unordered(entries, "SELECT machine_id, time, count(pressure) OVER (PARTITION BY machine_id ORDER BY time RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW),"
                + " sum(energy) OVER (PARTITION BY machine_id) FROM " + M);
        unordered(entries, "SELECT machine_id, time, first_value(energy) OVER (PARTITION BY machine_id ORDER BY time),"
                + " last_value(energy) OVER (PARTITION BY machine_id ORDER BY time ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM " + M);
        unordered(entries, "SELECT machine_id, total, rank() OVER (ORDER BY total DESC) FROM (SELECT machine_id, sum(energy) AS total FROM " + M
                + " GROUP BY machine_id)");
        unordered(entries, "SELECT machine_id, sum(energy), sum(sum(energy)) OVER (ORDER BY machine_id) FROM " + M + " GROUP BY machine_id");
        ordered(entries, "SELECT machine_id, time, energy FROM (SELECT machine_id, time, energy, row_number() OVER (PARTITION BY machine_id ORDER BY energy DESC, time) AS rn"
                + " FROM " + M + ") WHERE rn = 1 ORDER BY machine_id");
        // --- TIME and INTEGER: casts, literals, comparisons, grouping, arithmetic promotion
        unordered(entries, "SELECT machine_id, CAST(time AS TIME) AS t, CAST(energy AS INTEGER) AS e FROM " + M
                + " WHERE CAST(time AS TIME) >= TIME '11:30:00' AND CAST(energy AS INTEGER) < 500");
        unordered(entries, "SELECT machine_id, CAST(time AS TIME) FROM " + M
                + " WHERE CAST(time AS TIME) BETWEEN TIME '10:15:30.5' AND TIME '11:00:00' OR CAST(time AS TIME) = TIME '11:59:00'");
        ordered(entries, "SELECT CAST(bin(time, 1h) AS TIME) AS hour_of_day, count(*), min(CAST(time AS TIME)), max(CAST(time AS TIME)) FROM " + M
                + " GROUP BY CAST(bin(time, 1h) AS TIME) ORDER BY hour_of_day DESC");
        unordered(entries, "SELECT extract(hour FROM CAST(time AS TIME)) AS h, extract(minute FROM CAST(time AS TIME)), count(*) FROM " + M
                + " GROUP BY 1, 2");
        unordered(entries, "SELECT machine_id, CAST(pressure AS INTEGER) + energy, CAST(pressure AS INTEGER) * 2.5,"
                + " CAST(pressure AS INTEGER) % 7, CAST(pressure AS INTEGER) - CAST(energy AS INTEGER), -CAST(pressure AS INTEGER) FROM " + M);
        unordered(entries, "SELECT CAST(pressure AS INTEGER) AS p, count(*), sum(CAST(energy AS INTEGER)), avg(CAST(energy AS INTEGER)),"
                + " max(CAST(energy AS INTEGER)) FROM " + M + " GROUP BY CAST(pressure AS INTEGER)");
        ordered(entries, "SELECT machine_id, time, CAST(CAST(energy AS INTEGER) AS VARCHAR), CAST(temperature * 1000 AS INTEGER) FROM " + M
                + " WHERE CAST(energy AS INTEGER) > 990 ORDER BY CAST(energy AS INTEGER) DESC, time, machine_id");
        return entries;
    }

    private static void ordered(List<Entry> entries, String sql) {
        entries.add(new Entry(sql, null, true));
    }

    private static void unordered(List<Entry> entries, String sql) {
        entries.add(new Entry(sql, null, false));
    }

    private static void unordered(List<Entry> entries, String sql, String duckSql) {
        entries.add(new Entry(sql, duckSql, false));
    }
}
