-- The queries of /work/shared/reference/user-workloads.md, copied verbatim (one statement per
-- ";" at the end of a line), plus documented Timestream patterns. Every one must parse.

SELECT device_id, AVG(temperature) AS avg_temp
FROM "IoTMetrics"."SensorReadings"
WHERE measure_name = 'temperature' AND time > ago(1h)
GROUP BY device_id ORDER BY avg_temp DESC;

SELECT bin(time, 5m) AS time_bucket, device_id,
       AVG(temperature) AS avg_temp, MAX(temperature) AS max_temp, MIN(temperature) AS min_temp
FROM "IoTMetrics"."SensorReadings"
WHERE measure_name = 'temperature' AND time > ago(6h)
GROUP BY bin(time, 5m), device_id ORDER BY time_bucket ASC;

SELECT device_id,
       INTERPOLATE_LINEAR(CREATE_TIME_SERIES(time, measure_value::double),
                          SEQUENCE(min(time), max(time), 1m)) AS interpolated_temp
FROM "IoTMetrics"."SensorReadings"
WHERE measure_name = 'temperature' AND device_id = 'sensor-001' AND time > ago(2h)
GROUP BY device_id;

SELECT bin(time, 5m) AS bucket, device_id, ROUND(AVG(temperature), 2) AS avg_temp
FROM "IoTMetrics"."SensorReadings"
WHERE measure_name = 'temperature' AND time > ago(1h)
GROUP BY bin(time, 5m), device_id ORDER BY bucket ASC;

-- scheduled query body
SELECT region, bin(time, 1h) AS hour_bucket, AVG(temperature) AS avg_temp, MAX(temperature) AS max_temp
FROM "IoTMetrics"."SensorReadings"
WHERE measure_name = 'temperature'
  AND time BETWEEN @scheduled_runtime - (1h) AND @scheduled_runtime
GROUP BY region, bin(time, 1h);

-- alerting
SELECT device_id, MAX(temperature) AS max_temp
FROM "IoTMetrics"."SensorReadings"
WHERE measure_name = 'temperature' AND time > ago(5m)
GROUP BY device_id HAVING MAX(temperature) > 40.0 ORDER BY max_temp DESC;

-- latest reading per device
SELECT device_id, location,
       MAX_BY(temperature, time) AS latest_temperature,
       MAX_BY(humidity, time) AS latest_humidity,
       MAX_BY(battery_level, time) AS latest_battery
FROM iot_sensor_data.sensor_readings
WHERE time > ago(1h)
GROUP BY device_id, location ORDER BY device_id;

SELECT device_id, BIN(time, 15m) AS interval,
       AVG(temperature) AS avg_temp, MIN(temperature) AS min_temp, MAX(temperature) AS max_temp
FROM iot_sensor_data.sensor_readings
WHERE time > ago(24h) AND measure_name = 'sensor_metrics'
GROUP BY device_id, BIN(time, 15m) ORDER BY device_id, interval DESC;

-- anomaly detection: CTE + JOIN
WITH device_stats AS (
  SELECT device_id, AVG(temperature) AS avg_temp, STDDEV(temperature) AS stddev_temp
  FROM iot_sensor_data.sensor_readings WHERE time > ago(7d) GROUP BY device_id)
SELECT r.device_id, r.time, r.temperature, s.avg_temp, s.stddev_temp,
       ABS(r.temperature - s.avg_temp) / s.stddev_temp AS z_score
FROM iot_sensor_data.sensor_readings r JOIN device_stats s ON r.device_id = s.device_id
WHERE r.time > ago(1h) AND ABS(r.temperature - s.avg_temp) > 2 * s.stddev_temp
ORDER BY z_score DESC;

-- battery drain
SELECT device_id, location,
       MAX_BY(battery_level, time) AS current_battery,
       MIN_BY(battery_level, time) AS battery_24h_ago,
       MAX_BY(battery_level, time) - MIN_BY(battery_level, time) AS drain_rate
FROM iot_sensor_data.sensor_readings
WHERE time > ago(24h)
GROUP BY device_id, location HAVING MAX_BY(battery_level, time) < 20
ORDER BY drain_rate DESC;

SELECT device_id, location, MAX(temperature) AS max_temp
FROM iot_sensor_data.sensor_readings
WHERE time > ago(1h) AND temperature > 40
GROUP BY device_id, location ORDER BY max_temp DESC;

SELECT avg(temperature) FROM machine_metrics WHERE time BETWEEN ago(1h) AND now();
SELECT * FROM machine_metrics WHERE pressure > 100 AND time BETWEEN ago(5m) AND now();

-- Grafana panel (the data source expands $__timeFilter / $__interval before sending)
SELECT bin(time, 1m) AS time, device_id AS metric, AVG(temperature) AS value
FROM "IoTMetrics"."SensorReadings"
WHERE measure_name = 'temperature' AND time BETWEEN from_milliseconds(1700000000000) AND from_milliseconds(1700003600000)
GROUP BY bin(time, 1m), device_id ORDER BY time ASC;

-- AWS documentation: the canonical interpolation pattern
WITH binned AS (
  SELECT hostname, BIN(time, 30s) AS t, AVG(measure_value::double) AS v
  FROM "sampleDB".DevOps
  WHERE measure_name = 'cpu_utilization' AND time > ago(2h)
  GROUP BY hostname, BIN(time, 30s)),
 interp AS (
  SELECT hostname, INTERPOLATE_LINEAR(CREATE_TIME_SERIES(t, v),
                     SEQUENCE(min(t), max(t), 15s)) AS s
  FROM binned GROUP BY hostname)
SELECT time, ROUND(value, 2) FROM interp CROSS JOIN UNNEST(s);

-- scheduled query window from the scheduled-query guide
SELECT region, COUNT(*) AS c FROM "IoTMetrics"."SensorReadings"
WHERE time BETWEEN @scheduled_runtime - 10m AND @scheduled_runtime + 1m
GROUP BY region;

-- lambdas, FILTER over a time series, window function
SELECT device_id, FILTER(CREATE_TIME_SERIES(time, measure_value::double), x -> x.value > 40.0) AS hot,
       ROW_NUMBER() OVER (PARTITION BY device_id ORDER BY time DESC) AS rn
FROM "IoTMetrics"."SensorReadings" WHERE time > ago(15m) GROUP BY device_id, time;
