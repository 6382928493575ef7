package io.strata.query.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.QueryExecutionException;
import io.strata.core.error.ValidationException;
import io.strata.query.catalog.TableName;
import io.strata.query.expression.SqlType;
import io.strata.query.function.time.Nanos;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The {@code time} and {@code integer} query types: literals, casts and their errors, comparisons,
 * arithmetic and promotion, grouping and ordering, the time functions, and result text.
 */
class TimeAndIntegerTypesTest {
    private final SensorData data = new SensorData(7);
    private final QueryRunner runner = new QueryRunner(data);

    private List<Object> row(String select) {
        return runner.run("SELECT " + select).rows().getFirst();
    }

    private List<SqlType> types(String select) {
        return runner.run("SELECT " + select).columns().stream().map(ResultColumn::type).toList();
    }

    private static long time(int hour, int minute, int second, long nanos) {
        return hour * Nanos.PER_HOUR + minute * Nanos.PER_MINUTE + second * Nanos.PER_SECOND + nanos;
    }

    @Test
    void timeLiteralsAreNanosecondsOfTheDayAndPrintWithNineFractionDigits() {
        QueryResult result = runner.run("SELECT TIME '12:34:56.789', TIME '00:00', TIME '23:59:59.123456789'");
        assertThat(result.columns()).extracting(ResultColumn::type).containsOnly(SqlType.TIME);
        assertThat(result.rows().getFirst()).containsExactly(time(12, 34, 56, 789_000_000), 0L, time(23, 59, 59, 123_456_789));
        assertThat(result.text(0, 0)).isEqualTo("12:34:56.789000000");
        assertThat(result.columns().getFirst().columnInfo().type())
                .isEqualTo(new ColumnInfo.Type.Scalar("TIME"));
    }

    @Test
    void badTimeTextIsRefusedAsALiteralAndAsACast() {
        assertThatThrownBy(() -> runner.run("SELECT TIME '25:00:00'")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("'25:00:00' is not a valid time literal");
        assertThatThrownBy(() -> runner.run("SELECT CAST('12:61' AS TIME)")).isInstanceOf(QueryExecutionException.class)
                .hasMessage("Value cannot be cast to time: 12:61");
        assertThat(row("TRY_CAST('noon' AS TIME), TRY_CAST('07:05' AS TIME)")).containsExactly(null, time(7, 5, 0, 0));
    }

    @Test
    void timeCastsFromTimestampAndVarcharAndBackToVarchar() {
        assertThat(row("CAST(TIMESTAMP '2024-01-15 10:20:30.000000042' AS TIME), CAST(' 08:09:10.5 ' AS TIME),"
                + " CAST(TIME '08:09:10.5' AS VARCHAR)"))
                .containsExactly(time(10, 20, 30, 42), time(8, 9, 10, 500_000_000), "08:09:10.500000000");
        assertThatThrownBy(() -> runner.run("SELECT CAST(TIME '08:00' AS BIGINT)")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Cannot cast TIME to BIGINT");
    }

    @Test
    void timesCompareAndWrapAroundMidnightWithIntervals() {
        assertThat(row("TIME '10:00' < TIME '10:00:00.000000001', TIME '10:00' = TIME '10:00:00', TIME '09:00' BETWEEN TIME '08:00' AND TIME '10:00',"
                + " greatest(TIME '01:00', TIME '02:00')"))
                .containsExactly(true, true, true, time(2, 0, 0, 0));
        assertThat(row("TIME '23:30' + 1h, TIME '00:30' - 1h, TIME '10:00' - TIME '08:30'"))
                .containsExactly(time(0, 30, 0, 0), time(23, 30, 0, 0), 90 * Nanos.PER_MINUTE);
        assertThat(types("TIME '23:30' + 1h, TIME '10:00' - TIME '08:30'"))
                .containsExactly(SqlType.TIME, SqlType.INTERVAL_DAY_TO_SECOND);
    }

    @Test
    void timeFunctionsReadAndShiftTheTimeOfDay() {
        assertThat(row("hour(TIME '13:14:15.016'), minute(TIME '13:14:15.016'), second(TIME '13:14:15.016'),"
                + " millisecond(TIME '13:14:15.016'), extract(hour FROM TIME '13:14:15')"))
                .containsExactly(13L, 14L, 15L, 16L, 13L);
        assertThat(row("date_add('hour', 3, TIME '22:00'), date_add('minute', -90, TIME '01:00'), date_diff('minute', TIME '10:00', TIME '12:30')"))
                .containsExactly(time(1, 0, 0, 0), time(23, 30, 0, 0), 150L);
        assertThatThrownBy(() -> runner.run("SELECT date_add('day', 1, TIME '10:00')")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("'day' is not a valid Time field");
    }

    @Test
    void currentTimeIsTheQueryClocksTimeOfDay() {
        // SensorData.NOW is 2024-01-15 12:00:00 UTC
        QueryResult result = runner.run("SELECT current_time, localtime, current_date, CAST(now() AS TIME) = current_time");
        assertThat(result.columns()).extracting(ResultColumn::type)
                .containsExactly(SqlType.TIME, SqlType.TIME, SqlType.DATE, SqlType.BOOLEAN);
        assertThat(result.rows().getFirst()).containsExactly(time(12, 0, 0, 0), time(12, 0, 0, 0),
                SensorData.NOW.getEpochSecond() / 86_400, true);
        assertThat(result.text(0, 2)).isEqualTo("2024-01-15");
    }

    @Test
    void integerCastsCheckThe32BitRange() {
        QueryResult result = runner.run("SELECT CAST(42 AS INTEGER), CAST(' -7 ' AS INTEGER), CAST(2.5 AS INTEGER), CAST(-2.5 AS INTEGER),"
                + " CAST(true AS INTEGER), CAST(CAST(2147483647 AS INTEGER) AS BIGINT), INTEGER '12', CAST(CAST(5 AS INTEGER) AS VARCHAR)");
        assertThat(result.columns()).extracting(ResultColumn::type).containsExactly(SqlType.INTEGER, SqlType.INTEGER,
                SqlType.INTEGER, SqlType.INTEGER, SqlType.INTEGER, SqlType.BIGINT, SqlType.INTEGER, SqlType.VARCHAR);
        assertThat(result.rows().getFirst()).containsExactly(42L, -7L, 3L, -3L, 1L, 2147483647L, 12L, "5");
        assertThat(result.columns().getFirst().columnInfo().type()).isEqualTo(new ColumnInfo.Type.Scalar("INTEGER"));
        assertThatThrownBy(() -> runner.run("SELECT CAST(2147483648 AS INTEGER)")).isInstanceOf(QueryExecutionException.class)
                .hasMessage("Out of range for integer: 2147483648");
        assertThatThrownBy(() -> runner.run("SELECT CAST(-3e10 AS INTEGER)")).isInstanceOf(QueryExecutionException.class)
                .hasMessage("Out of range for integer: -3.0E10");
        assertThatThrownBy(() -> runner.run("SELECT CAST('12x' AS INTEGER)")).isInstanceOf(QueryExecutionException.class)
                .hasMessage("Cannot cast '12x' to INT");
        assertThat(row("TRY_CAST(2147483648 AS INTEGER), TRY_CAST(-2147483648 AS INTEGER), TRY_CAST('x' AS INTEGER)"))
                .containsExactly(null, -2147483648L, null);
    }

    @Test
    void integerArithmeticOverflowsAt32BitsAndPromotesWithBigintAndDouble() {
        assertThat(row("CAST(7 AS INTEGER) / CAST(2 AS INTEGER), CAST(7 AS INTEGER) % CAST(4 AS INTEGER), -CAST(7 AS INTEGER),"
                + " CAST(2147483647 AS INTEGER) + 1, CAST(3 AS INTEGER) * 0.5"))
                .containsExactly(3L, 3L, -7L, 2147483648L, 1.5);
        assertThat(types("CAST(1 AS INTEGER) + CAST(1 AS INTEGER), CAST(1 AS INTEGER) + 1, CAST(1 AS INTEGER) + 1.0,"
                + " abs(CAST(-1 AS INTEGER)), coalesce(CAST(NULL AS INTEGER), 5)"))
                .containsExactly(SqlType.INTEGER, SqlType.BIGINT, SqlType.DOUBLE, SqlType.INTEGER, SqlType.BIGINT);
        assertThatThrownBy(() -> runner.run("SELECT CAST(2147483647 AS INTEGER) + CAST(1 AS INTEGER)"))
                .isInstanceOf(QueryExecutionException.class).hasMessage("integer addition overflow: 2147483647 + 1");
        assertThatThrownBy(() -> runner.run("SELECT CAST(65536 AS INTEGER) * CAST(65536 AS INTEGER)"))
                .isInstanceOf(QueryExecutionException.class).hasMessage("integer multiplication overflow: 65536 * 65536");
        assertThatThrownBy(() -> runner.run("SELECT -CAST(-2147483648 AS INTEGER)"))
                .isInstanceOf(QueryExecutionException.class).hasMessage("integer negation overflow: -2147483648");
        assertThat(row("CAST(3 AS INTEGER) = 3, CAST(3 AS INTEGER) < 3.5, CAST(3 AS INTEGER) IN (1, 2, 3)"))
                .containsExactly(true, true, true);
    }

    @Test
    void tryCastNullsOnlyTheRowsThatDoNotConvert() {
        QueryResult result = runner.run("SELECT c, TRY_CAST(c AS INTEGER), TRY_CAST(c AS TIME)"
                + " FROM (VALUES '12', 'x', '3000000000', '10:30', NULL) AS t(c)");
        assertThat(result.rows()).containsExactly(
                Arrays.asList("12", 12L, null),
                Arrays.asList("x", null, null),
                Arrays.asList("3000000000", null, null),
                Arrays.asList("10:30", null, time(10, 30, 0, 0)),
                Arrays.asList(null, null, null));
        assertThatThrownBy(() -> runner.run("SELECT TRY_CAST(TIME '10:00' AS BIGINT)")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Cannot cast TIME to BIGINT");
        assertThatThrownBy(() -> runner.run("SELECT CAST(c AS INTEGER) FROM (VALUES '12', 'x') AS t(c)"))
                .isInstanceOf(QueryExecutionException.class).hasMessage("Cannot cast 'x' to INT");
    }

    @Test
    void integersAndTimesGroupOrderAndAggregate() {
        List<Map<String, Object>> machines = data.rows.get(new TableName("factory", "machine_metrics"));
        Map<Long, Long> expected = new TreeMap<>();
        for (Map<String, Object> machine : machines) {
            expected.merge((Long) machine.get("energy") % 3, (Long) machine.get("energy"), Long::sum);
        }
        QueryResult result = runner.run("SELECT CAST(energy % 3 AS INTEGER) AS bucket, sum(CAST(energy AS INTEGER)),"
                + " max(CAST(time AS TIME)) FROM factory.machine_metrics GROUP BY CAST(energy % 3 AS INTEGER) ORDER BY bucket DESC");
        assertThat(result.columns()).extracting(ResultColumn::type).containsExactly(SqlType.INTEGER, SqlType.BIGINT, SqlType.TIME);
        assertThat(result.rows()).extracting(row -> row.get(0)).containsExactly(2L, 1L, 0L);
        assertThat(result.rows()).extracting(row -> row.get(1))
                .containsExactly(expected.get(2L), expected.get(1L), expected.get(0L));
        long latest = machines.stream().mapToLong(machine -> (Long) machine.get("time") % Nanos.PER_DAY).max().orElseThrow();
        assertThat(result.rows()).extracting(row -> (Long) row.get(2)).allMatch(value -> value <= latest).contains(latest);

        QueryResult times = runner.run("SELECT CAST(time AS TIME) AS t FROM factory.machine_metrics ORDER BY t LIMIT 3");
        List<Long> earliest = machines.stream().map(machine -> (Long) machine.get("time") % Nanos.PER_DAY).sorted().limit(3).toList();
        assertThat(times.rows()).extracting(row -> row.getFirst()).containsExactlyElementsOf(earliest);
    }
}
