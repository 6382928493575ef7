package io.strata.query.execution;

import io.strata.core.schema.TableColumn;
import io.strata.query.catalog.QueryTable;
import io.strata.query.catalog.TableName;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DuckDB loaded with the same rows as {@link SensorData}, and the translation of a Timestream
 * query into DuckDB's dialect: duration literals to INTERVALs, {@code bin} to {@code time_bucket},
 * {@code ago}/{@code now()} to the fixed "now", {@code from_milliseconds} to {@code epoch_ms},
 * {@code measure_value::double} to a quoted column, {@code @scheduled_runtime} to its value.
 */
public final class DuckDbReference implements AutoCloseable {
    private static final String NOW_LITERAL = "TIMESTAMP '2024-01-15 12:00:00'";
    private static final String SCHEDULED_RUNTIME_LITERAL = "TIMESTAMP '2024-01-15 11:00:00'";
    private static final Pattern DURATION = Pattern.compile("(?<![\\w'\\-.])(\\d+)(ms|s|m|h|d)\\b");
    private static final Pattern BIN = Pattern.compile("(?i)\\bbin\\(\\s*([\\w.\"]+)\\s*,\\s*(INTERVAL '[^']+')\\s*\\)");
    private static final Pattern AGO = Pattern.compile("(?i)\\bago\\(\\s*(INTERVAL '[^']+')\\s*\\)");

    private final Connection connection;

    public DuckDbReference(SensorData data) throws SQLException {
        connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TimeZone='UTC'");
        }
        for (Map.Entry<TableName, List<Map<String, Object>>> entry : data.rows.entrySet()) {
            load(data.table(entry.getKey()), entry.getValue());
        }
    }

    private void load(QueryTable table, List<Map<String, Object>> rows) throws SQLException {
        String name = "\"" + table.name().database() + "\".\"" + table.name().table() + "\"";
        List<String> columns = new ArrayList<>();
        List<String> placeholders = new ArrayList<>();
        for (TableColumn column : table.columns()) {
            String type = switch (column.type()) {
                case BIGINT -> "BIGINT";
                case DOUBLE -> "DOUBLE";
                case VARCHAR -> "VARCHAR";
                case BOOLEAN -> "BOOLEAN";
                case TIMESTAMP -> "TIMESTAMP";
                case ARRAY, TIMESERIES, ROW -> throw new IllegalStateException("tables hold no composite columns");
            };
            columns.add("\"" + column.name() + "\" " + type);
            placeholders.add(column.type() == io.strata.core.batch.ColumnType.TIMESTAMP ? "make_timestamp(?)" : "?");
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS \"" + table.name().database() + "\"");
            statement.execute("CREATE TABLE " + name + " (" + String.join(", ", columns) + ")");
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + name + " VALUES (" + String.join(", ", placeholders) + ")")) {
            for (Map<String, Object> row : rows) {
                int index = 1;
                for (TableColumn column : table.columns()) {
                    Object value = row.get(column.name());
                    if (value != null && column.type() == io.strata.core.batch.ColumnType.TIMESTAMP) {
                        value = (Long) value / 1000;
                    }
                    insert.setObject(index++, value);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    public static String translate(String sql) {
        String result = sql.replaceAll("(?<!\")measure_value::(\\w+)", "\"measure_value::$1\"");
        result = result.replace("@scheduled_runtime", SCHEDULED_RUNTIME_LITERAL);
        Matcher duration = DURATION.matcher(result);
        StringBuilder out = new StringBuilder();
        while (duration.find()) {
            String unit = switch (duration.group(2)) {
                case "ms" -> "millisecond";
                case "s" -> "second";
                case "m" -> "minute";
                case "h" -> "hour";
                default -> "day";
            };
            duration.appendReplacement(out, "INTERVAL '" + duration.group(1) + " " + unit + "'");
        }
        duration.appendTail(out);
        result = out.toString();
        result = BIN.matcher(result).replaceAll("time_bucket($2, $1)");
        result = AGO.matcher(result).replaceAll(Matcher.quoteReplacement("(" + NOW_LITERAL + " - ") + "$1)");
        result = result.replaceAll("(?i)\\bnow\\(\\)", NOW_LITERAL);
        result = result.replaceAll("(?i)\\bfrom_milliseconds\\(", "epoch_ms(");
        return result;
    }

    /**
     * Rows of a DuckDB query, values normalised: integers to Long, decimals to Double, timestamps to
     * epoch microseconds, times to microseconds of the day.
     */
    public List<List<Object>> query(String duckSql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet resultSet = statement.executeQuery(duckSql)) {
            int columns = resultSet.getMetaData().getColumnCount();
            while (resultSet.next()) {
                List<Object> row = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    String type = resultSet.getMetaData().getColumnTypeName(column);
                    Object value;
                    if (type.startsWith("TIMESTAMP")) {
                        LocalDateTime time = resultSet.getObject(column, LocalDateTime.class);
                        value = time == null ? null : time.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + time.getNano() / 1000;
                    } else if (type.equals("TIME")) {
                        String time = resultSet.getString(column);
                        value = time == null ? null : LocalTime.parse(time).toNanoOfDay() / 1000;
                    } else {
                        value = normalise(resultSet.getObject(column));
                    }
                    row.add(value);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    static Object normalise(Object value) {
        return switch (value) {
            case null -> null;
            case Integer integer -> integer.longValue();
            case Short number -> number.longValue();
            case BigInteger integer -> integer.longValueExact();
            case BigDecimal decimal -> decimal.doubleValue();
            case Float number -> number.doubleValue();
            default -> value;
        };
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
