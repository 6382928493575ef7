package io.strata.bench.query;

import java.util.List;

/**
 * The benchmark's queries over the devops table, in Timestream's SQL, with times relative to the
 * dataset's first point (queries that say {@code ago(...)} rely on the query clock standing at the
 * dataset's last point).
 *
 * @param name short name for tables and arguments
 * @param description what it asks, for the report
 * @param sql the statement
 */
public record DevopsQueries(String name, String description, String sql) {
    private static final long HOUR_MILLIS = 3_600_000L;
    private static final String TABLE = "\"" + DevopsShard.DATABASE + "\".\"" + DevopsShard.TABLE + "\"";

    /** The queries for a dataset starting at {@code startMillis}; {@code host} names the one-host query's host. */
    public static List<DevopsQueries> all(long startMillis, String host) {
        return List.of(
                new DevopsQueries("first-hour-avg-count", "avg(usage_user) and count(*) over the first hour, all hosts",
                        "SELECT avg(usage_user) AS avg_user, count(*) AS points FROM " + TABLE
                                + " WHERE time >= from_milliseconds(" + startMillis + ")"
                                + " AND time < from_milliseconds(" + (startMillis + HOUR_MILLIS) + ")"),
                new DevopsQueries("one-host-hour-max", "max(usage_user) of one host over one hour (hour 12)",
                        "SELECT max(usage_user) AS max_user FROM " + TABLE + " WHERE hostname = '" + host + "'"
                                + " AND time >= from_milliseconds(" + (startMillis + 12 * HOUR_MILLIS) + ")"
                                + " AND time < from_milliseconds(" + (startMillis + 13 * HOUR_MILLIS) + ")"),
                new DevopsQueries("groupby-host-hour-12h",
                        "avg(usage_user) per host per hour over 12 hours (TSBS double-groupby-1)",
                        "SELECT hostname, bin(time, 1h) AS hour, avg(usage_user) AS avg_user FROM " + TABLE
                                + " WHERE time >= from_milliseconds(" + startMillis + ")"
                                + " AND time < from_milliseconds(" + (startMillis + 12 * HOUR_MILLIS) + ")"
                                + " GROUP BY hostname, bin(time, 1h)"),
                new DevopsQueries("groupby-host-hour-all", "avg(usage_user) per host per hour over the whole dataset",
                        "SELECT hostname, bin(time, 1h) AS hour, avg(usage_user) AS avg_user FROM " + TABLE
                                + " GROUP BY hostname, bin(time, 1h)"),
                new DevopsQueries("dashboard-5m-3h",
                        "dashboard panel: avg and max usage_user per 5 minutes over the last 3 hours, all hosts",
                        "SELECT bin(time, 5m) AS t, avg(usage_user) AS avg_user, max(usage_user) AS max_user FROM "
                                + TABLE + " WHERE time > ago(3h) GROUP BY bin(time, 5m) ORDER BY t"),
                new DevopsQueries("lastpoint-max-by", "last point per host: max(time), max_by(usage_user, time), all data",
                        "SELECT hostname, max(time) AS last_time, max_by(usage_user, time) AS last_user FROM " + TABLE
                                + " GROUP BY hostname ORDER BY hostname"));
    }
}
