package io.strata.server.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.api.v1.Dimension;
import io.strata.api.v1.MeasureValue;
import io.strata.api.v1.MeasureValueType;
import io.strata.api.v1.Record;
import io.strata.cli.output.CellText;
import io.strata.cli.output.JsonValues;
import io.strata.client.StrataClient;
import io.strata.client.query.ColumnType;
import io.strata.client.query.ColumnTypeMismatchException;
import io.strata.client.query.QueryResult;
import io.strata.client.query.Row;
import io.strata.client.query.TimeSeriesPoint;
import io.strata.client.query.Value;
import io.strata.client.write.RecordWriter;
import io.strata.client.write.RecordWriterSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java client's queries against a real three-node cluster: pagination through the real
 * QueryService over 100,000 rows in small pages, and typed getters for every column type the
 * server returns.
 */
class ClientQueryClusterTest {
    private static final int PAGINATED_ROWS = 100_000;

    @TempDir
    static Path data;

    static TestCluster cluster;
    static StrataClient client;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = new TestCluster(data);
        cluster.awaitReady();
        client = StrataClient.builder()
                .endpoints(cluster.config(1).grpcAddress(), cluster.config(2).grpcAddress())
                .retryPolicy(SequenceRecords.PATIENT).build();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (client != null) {
            client.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void pagesOver100000RowsReturnEachRowOnce() {
        SequenceRecords.createTable(client, "paged", "points");
        SequenceRecords records = new SequenceRecords(Instant.now().minus(2, ChronoUnit.HOURS).toEpochMilli());
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        try (RecordWriter writer = client.newRecordWriter(RecordWriterSettings.defaults().withMaxRequestsInFlight(16)
                .withRetryPolicy(SequenceRecords.PATIENT))) {
            for (int seq = 0; seq < PAGINATED_ROWS; seq++) {
                int number = seq;
                writer.write("paged", "points", records.record(seq)).thenRun(() -> acknowledged.add(number));
            }
        }
        assertThat(acknowledged).hasSize(PAGINATED_ROWS);

        int pages = SequenceRecords.assertHoldsExactlyOnce(client, "paged", "points", acknowledged, 777);
        assertThat(pages).as("pages of at most 777 rows").isGreaterThanOrEqualTo(PAGINATED_ROWS / 777);

        // Ordered, in pages that do not divide the row count: every row in its place, none repeated.
        QueryResult ordered = client.query("SELECT measure_value::bigint AS seq FROM paged.points ORDER BY seq DESC", 999);
        int[] expected = {PAGINATED_ROWS - 1};
        ordered.forEach(row -> assertThat(row.getLong("seq")).isEqualTo(expected[0]--));
        assertThat(expected[0]).isEqualTo(-1);
        assertThat(ordered.pagesFetched()).isGreaterThanOrEqualTo(PAGINATED_ROWS / 999);
    }

    @Test
    void typedGettersReadEveryColumnTypeOfRealResults() {
        SequenceRecords.createTable(client, "typed", "readings");
        Instant at = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        Instant stamped = Instant.parse("2024-05-01T12:34:56.789Z");
        Dimension device = Dimension.newBuilder().setName("device").setValue("dev-1").build();
        try (RecordWriter writer = client.newRecordWriter(RecordWriterSettings.defaults().withRetryPolicy(SequenceRecords.PATIENT))) {
            writer.write("typed", "readings", Record.newBuilder().addDimensions(device).setMeasureName("reading")
                    .setMeasureValueType(MeasureValueType.MEASURE_VALUE_TYPE_MULTI)
                    .addMeasureValues(measure("d", "21.5", MeasureValueType.MEASURE_VALUE_TYPE_DOUBLE))
                    .addMeasureValues(measure("b", "42", MeasureValueType.MEASURE_VALUE_TYPE_BIGINT))
                    .addMeasureValues(measure("v", "hello", MeasureValueType.MEASURE_VALUE_TYPE_VARCHAR))
                    .addMeasureValues(measure("f", "true", MeasureValueType.MEASURE_VALUE_TYPE_BOOLEAN))
                    .addMeasureValues(measure("ts", Long.toString(stamped.toEpochMilli()),
                            MeasureValueType.MEASURE_VALUE_TYPE_TIMESTAMP))
                    .setTime(Long.toString(at.toEpochMilli())).build());
            for (int second = 0; second < 3; second++) {
                writer.write("typed", "readings", Record.newBuilder().addDimensions(device).setMeasureName("temp")
                        .setMeasureValueType(MeasureValueType.MEASURE_VALUE_TYPE_DOUBLE).setMeasureValue(20 + second + ".25")
                        .setTime(Long.toString(at.plusSeconds(second).toEpochMilli())).build()).join();
            }
        }

        List<Row> rows = client.query("""
                SELECT time, device, d, b, v, f, ts, measure_value::double AS absent,
                       DATE '2024-05-01' AS day, INTERVAL '1 02:03:04.5' DAY TO SECOND AS span,
                       INTERVAL '1-6' YEAR TO MONTH AS months, ARRAY[b, b * 2] AS pair,
                       zip(ARRAY[b], ARRAY[v])[1] AS zipped, NULL AS nothing,
                       CAST(ts AS TIME) AS clock, TIME '23:59:59.000000001' AS late, CAST(b AS INTEGER) * INTEGER '2' AS doubled,
                       CAST(b AS INTEGER) + b AS widened, CAST(NULL AS INTEGER) AS no_int
                FROM typed.readings WHERE measure_name = 'reading'""").stream().toList();
        assertThat(rows).hasSize(1);
        Row row = rows.getFirst();
        assertThat(row.getInstant("time")).isEqualTo(at);
        assertThat(row.getString("device")).isEqualTo("dev-1");
        assertThat(row.getDouble("d")).isEqualTo(21.5);
        assertThat(row.getLong("b")).isEqualTo(42);
        assertThat(row.getString("v")).isEqualTo("hello");
        assertThat(row.getBoolean("f")).isTrue();
        assertThat(row.getInstant("ts")).isEqualTo(stamped);
        assertThat(row.getDate("day")).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(row.getDayToSecondInterval("span")).isEqualTo(Duration.ofDays(1).plusHours(2).plusMinutes(3)
                .plusSeconds(4).plusMillis(500));
        assertThat(row.getYearToMonthInterval("months")).isEqualTo(Period.ofYears(1).plusMonths(6));
        assertThat(row.getArray("pair")).extracting(Value::getLong).containsExactly(42L, 84L);
        assertThat(row.getValue("pair").type()).isInstanceOf(ColumnType.ArrayOf.class);
        Row zipped = row.getRow("zipped");
        assertThat(zipped.getLong(0)).isEqualTo(42);
        assertThat(zipped.getString(1)).isEqualTo("hello");
        assertThat(row.getText("b")).isEqualTo("42");
        assertThat(row.getText("d")).isEqualTo("21.5");
        assertThat(row.getTime("clock")).isEqualTo(LocalTime.of(12, 34, 56, 789_000_000));
        assertThat(row.getText("clock")).isEqualTo("12:34:56.789000000");
        assertThat(row.getTime("late")).isEqualTo(LocalTime.of(23, 59, 59, 1));
        assertThat(row.getValue("clock").type().toString()).isEqualTo("TIME");
        assertThat(row.getInt("doubled")).isEqualTo(84);
        assertThat(row.getValue("doubled").type().toString()).isEqualTo("INTEGER");
        assertThat(row.getLong("widened")).isEqualTo(84);
        assertThat(row.getValue("widened").type().toString()).isEqualTo("BIGINT");
        assertThat(row.isNull("no_int")).isTrue();
        assertThatThrownBy(() -> row.getInt("no_int")).isInstanceOf(IllegalStateException.class);
        assertThat(row.getLong("doubled")).isEqualTo(84);
        assertThatThrownBy(() -> row.getInt("b")).isInstanceOf(ColumnTypeMismatchException.class)
                .hasMessageContaining("column 'b' is BIGINT");
        assertThatThrownBy(() -> row.getTime("ts")).isInstanceOf(ColumnTypeMismatchException.class);
        // The CLI's table and JSON printers on the same real values.
        assertThat(CellText.of(row.getValue("clock"))).isEqualTo("12:34:56.789000000");
        assertThat(CellText.of(row.getValue("doubled"))).isEqualTo("84");
        assertThat(CellText.isNumeric(row.getValue("doubled").type())).isTrue();
        assertThat(CellText.isNumeric(row.getValue("clock").type())).isFalse();
        assertThat(JsonValues.of(row.getValue("clock")).toString()).isEqualTo("\"12:34:56.789000000\"");
        assertThat(JsonValues.of(row.getValue("doubled")).toString()).isEqualTo("84");
        assertThat(JsonValues.of(row.getValue("no_int")).isNull()).isTrue();

        // NULL: of a typed column (a multi-measure record has no measure_value::double) and untyped.
        assertThat(row.isNull("absent")).isTrue();
        assertThatThrownBy(() -> row.getDouble("absent")).isInstanceOf(IllegalStateException.class);
        assertThat(row.isNull("nothing")).isTrue();
        assertThat(row.getValue("nothing").type().toString()).isEqualTo("UNKNOWN");
        assertThat(row.getString("nothing")).isNull();
        assertThat(row.isNull("d")).isFalse();

        assertThatThrownBy(() -> row.getDouble("b")).isInstanceOf(ColumnTypeMismatchException.class)
                .hasMessageContaining("column 'b' is BIGINT");
        assertThatThrownBy(() -> row.getString("time")).isInstanceOf(ColumnTypeMismatchException.class);

        Row series = client.query("""
                SELECT device, CREATE_TIME_SERIES(time, measure_value::double) AS temps
                FROM typed.readings WHERE measure_name = 'temp' GROUP BY device""").stream().toList().getFirst();
        List<TimeSeriesPoint> points = series.getTimeSeries("temps");
        assertThat(points).extracting(TimeSeriesPoint::time)
                .containsExactly(at, at.plusSeconds(1), at.plusSeconds(2));
        assertThat(points).extracting(point -> point.value().getDouble()).containsExactly(20.25, 21.25, 22.25);
        assertThat(IntStream.range(0, points.size()).mapToObj(i -> points.get(i).value().type().toString()))
                .containsOnly("DOUBLE");
    }

    private static MeasureValue measure(String name, String value, MeasureValueType type) {
        return MeasureValue.newBuilder().setName(name).setValue(value).setType(type).build();
    }
}
