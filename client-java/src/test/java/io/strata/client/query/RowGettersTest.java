package io.strata.client.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.stub.StreamObserver;
import io.strata.api.v1.ColumnInfo;
import io.strata.api.v1.ColumnInfoList;
import io.strata.api.v1.Datum;
import io.strata.api.v1.DatumList;
import io.strata.api.v1.QueryRequest;
import io.strata.api.v1.QueryResponse;
import io.strata.api.v1.QueryServiceGrpc;
import io.strata.api.v1.ScalarType;
import io.strata.api.v1.TimeSeriesDataPoint;
import io.strata.api.v1.TimeSeriesDataPointList;
import io.strata.api.v1.Type;
import io.strata.client.StrataClient;
import io.strata.client.testing.InProcessNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every column type reads as its Java type, NULLs read as NULL, and a wrong getter says what is wrong. */
class RowGettersTest {
    private static InProcessNode node;
    private static StrataClient client;
    private static List<Row> rows;

    @BeforeAll
    static void query() {
        node = InProcessNode.start(new OnePageQueryService());
        client = InProcessNode.clientFor(node).build();
        rows = client.query("SELECT * FROM everything").stream().toList();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        client.close();
        node.close();
    }

    @Test
    void scalarColumnsReadAsTheirJavaTypesByNameAndIndex() {
        Row row = rows.get(0);
        assertThat(row.getString("city")).isEqualTo("Seattle");
        assertThat(row.getString(0)).isEqualTo("Seattle");
        assertThat(row.getLong("count")).isEqualTo(Long.MAX_VALUE);
        assertThat(row.getInt("small")).isEqualTo(-42);
        assertThat(row.getLong("small")).as("an INTEGER widens to long").isEqualTo(-42L);
        assertThat(row.getDouble("avg_temp")).isEqualTo(1.6554878837710001E9);
        assertThat(row.getBoolean("ok")).isTrue();
        assertThat(row.getBoolean(5)).isFalse();
        assertThat(row.getInstant("time")).isEqualTo(Instant.parse("2019-12-04T19:00:00.123456789Z"));
        assertThat(row.getInstant("time").getNano()).isEqualTo(123_456_789);
        assertThat(row.getDate("day")).isEqualTo(LocalDate.of(2022, 7, 7));
        assertThat(row.getTime("clock")).isEqualTo(LocalTime.of(17, 41, 52, 827_000_000));
        assertThat(row.getDayToSecondInterval("elapsed")).isEqualTo(Duration.ofNanos(42_800_000));
        assertThat(row.getDayToSecondInterval("back")).isEqualTo(Duration.ofDays(-1).minusHours(2).minusMinutes(3).minusSeconds(4).minusMillis(500));
        assertThat(row.getYearToMonthInterval("span")).isEqualTo(Period.of(1, 2, 0));
        assertThat(row.getText("time")).isEqualTo("2019-12-04 19:00:00.123456789");
        assertThat(row.getText("count")).isEqualTo("9223372036854775807");
    }

    @Test
    void arraysRowsAndTimeSeriesReadAsTypedValues() {
        Row row = rows.get(0);
        List<Value> readings = row.getArray("readings");
        assertThat(readings).hasSize(2);
        assertThat(readings.get(0).getDouble()).isEqualTo(1.5);
        assertThat(readings.get(1).isNull()).isTrue();
        assertThat(row.getArray("tags")).extracting(Value::getString).containsExactly("a", "b");

        Row location = row.getRow("location");
        assertThat(location.getDouble("lat")).isEqualTo(47.6);
        assertThat(location.getString(1)).isEqualTo("Space Needle");
        assertThat(location.columns()).extracting(Column::name).containsExactly("lat", "name");

        List<TimeSeriesPoint> series = row.getTimeSeries("series");
        assertThat(series).extracting(TimeSeriesPoint::time)
                .containsExactly(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:00.000000001Z"));
        assertThat(series).extracting(point -> point.value().getDouble()).containsExactly(20.5, 21.0);

        assertThat(row.getArray("matrix").get(1).getArray()).extracting(Value::getLong).containsExactly(3L, 4L);
    }

    @Test
    void columnsCarryTheirTypes() {
        Row row = rows.get(0);
        assertThat(row.columns()).extracting(column -> column.type().toString()).containsExactly(
                "VARCHAR", "BIGINT", "INTEGER", "DOUBLE", "BOOLEAN", "BOOLEAN", "TIMESTAMP", "DATE", "TIME",
                "INTERVAL_DAY_TO_SECOND", "INTERVAL_DAY_TO_SECOND", "INTERVAL_YEAR_TO_MONTH",
                "array(VARCHAR)", "array(DOUBLE)", "array(array(BIGINT))", "row(lat DOUBLE, name VARCHAR)",
                "timeseries(DOUBLE)", "UNKNOWN");
        assertThat(row.columns().get(13).type()).isEqualTo(new ColumnType.ArrayOf(new ColumnType.Scalar(ScalarType.SCALAR_TYPE_DOUBLE)));
    }

    @Test
    void nullsReadAsNullInEveryColumnType() {
        Row row = rows.get(1);
        for (int index = 0; index < row.size(); index++) {
            assertThat(row.isNull(index)).as(row.columns().get(index).name()).isTrue();
        }
        assertThat(row.getString("city")).isNull();
        assertThat(row.getInstant("time")).isNull();
        assertThat(row.getDate("day")).isNull();
        assertThat(row.getTime("clock")).isNull();
        assertThat(row.getDayToSecondInterval("elapsed")).isNull();
        assertThat(row.getYearToMonthInterval("span")).isNull();
        assertThat(row.getArray("tags")).isNull();
        assertThat(row.getRow("location")).isNull();
        assertThat(row.getTimeSeries("series")).isNull();
        assertThat(rows.get(0).isNull("nothing")).isTrue();
        assertThat(rows.get(0).isNull("city")).isFalse();
        // A bare NULL (type UNKNOWN) reads as NULL through any getter, as SQL's NULL stands for any type.
        Row first = rows.get(0);
        assertThat(first.getString("nothing")).isNull();
        assertThat(first.getInstant("nothing")).isNull();
        assertThat(first.getArray("nothing")).isNull();
        assertThat(first.getRow("nothing")).isNull();
        assertThat(first.getTimeSeries("nothing")).isNull();
        assertThat(first.getText("nothing")).isNull();
        assertThatThrownBy(() -> first.getDouble("nothing")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is NULL");
        assertThatThrownBy(() -> row.getLong("count"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("column 'count' (BIGINT) is NULL, which getLong cannot return; check isNull first");
    }

    @Test
    void aWrongGetterNamesTheColumnAndItsRealType() {
        Row row = rows.get(0);
        assertThatThrownBy(() -> row.getDouble("count"))
                .isInstanceOfSatisfying(ColumnTypeMismatchException.class, error -> {
                    assertThat(error.column()).isEqualTo("count");
                    assertThat(error.actualType()).isEqualTo(new ColumnType.Scalar(ScalarType.SCALAR_TYPE_BIGINT));
                })
                .hasMessage("column 'count' is BIGINT, but getDouble reads DOUBLE");
        assertThatThrownBy(() -> row.getInstant("day")).hasMessage("column 'day' is DATE, but getInstant reads TIMESTAMP");
        assertThatThrownBy(() -> row.getLong("avg_temp")).hasMessage("column 'avg_temp' is DOUBLE, but getLong reads BIGINT or INTEGER");
        assertThatThrownBy(() -> row.getString("tags")).hasMessage("column 'tags' is array(VARCHAR), but getString reads VARCHAR");
        assertThatThrownBy(() -> row.getArray("city")).hasMessage("column 'city' is VARCHAR, but getArray reads an array type");
        assertThatThrownBy(() -> row.getRow("location").getString("lat"))
                .hasMessage("column 'location.lat' is DOUBLE, but getString reads VARCHAR");
        assertThatThrownBy(() -> row.getArray("readings").get(0).getLong())
                .hasMessage("column 'readings[0]' is DOUBLE, but getLong reads BIGINT or INTEGER");
        assertThatThrownBy(() -> row.getTimeSeries("city")).isInstanceOf(ColumnTypeMismatchException.class);
        assertThatThrownBy(() -> row.getString("town"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no column named 'town'; the columns are [city, count");
    }

    private static final class OnePageQueryService extends QueryServiceGrpc.QueryServiceImplBase {
        @Override
        public void query(QueryRequest request, StreamObserver<QueryResponse> responses) {
            QueryResponse.Builder page = QueryResponse.newBuilder().setQueryId("q2")
                    .addColumnInfo(scalar("city", ScalarType.SCALAR_TYPE_VARCHAR))
                    .addColumnInfo(scalar("count", ScalarType.SCALAR_TYPE_BIGINT))
                    .addColumnInfo(scalar("small", ScalarType.SCALAR_TYPE_INTEGER))
                    .addColumnInfo(scalar("avg_temp", ScalarType.SCALAR_TYPE_DOUBLE))
                    .addColumnInfo(scalar("ok", ScalarType.SCALAR_TYPE_BOOLEAN))
                    .addColumnInfo(scalar("not_ok", ScalarType.SCALAR_TYPE_BOOLEAN))
                    .addColumnInfo(scalar("time", ScalarType.SCALAR_TYPE_TIMESTAMP))
                    .addColumnInfo(scalar("day", ScalarType.SCALAR_TYPE_DATE))
                    .addColumnInfo(scalar("clock", ScalarType.SCALAR_TYPE_TIME))
                    .addColumnInfo(scalar("elapsed", ScalarType.SCALAR_TYPE_INTERVAL_DAY_TO_SECOND))
                    .addColumnInfo(scalar("back", ScalarType.SCALAR_TYPE_INTERVAL_DAY_TO_SECOND))
                    .addColumnInfo(scalar("span", ScalarType.SCALAR_TYPE_INTERVAL_YEAR_TO_MONTH))
                    .addColumnInfo(named("tags", array(scalarType(ScalarType.SCALAR_TYPE_VARCHAR))))
                    .addColumnInfo(named("readings", array(scalarType(ScalarType.SCALAR_TYPE_DOUBLE))))
                    .addColumnInfo(named("matrix", array(array(scalarType(ScalarType.SCALAR_TYPE_BIGINT)))))
                    .addColumnInfo(named("location", Type.newBuilder().setRowColumnInfo(ColumnInfoList.newBuilder()
                            .addColumnInfo(scalar("lat", ScalarType.SCALAR_TYPE_DOUBLE))
                            .addColumnInfo(scalar("name", ScalarType.SCALAR_TYPE_VARCHAR))).build()))
                    .addColumnInfo(named("series", Type.newBuilder().setTimeSeriesMeasureValueColumnInfo(
                            ColumnInfo.newBuilder().setType(scalarType(ScalarType.SCALAR_TYPE_DOUBLE))).build()))
                    .addColumnInfo(scalar("nothing", ScalarType.SCALAR_TYPE_UNKNOWN));
            page.addRowsBuilder()
                    .addData(text("Seattle")).addData(text("9223372036854775807")).addData(text("-42"))
                    .addData(text("1.6554878837710001E9")).addData(text("true")).addData(text("false"))
                    .addData(text("2019-12-04 19:00:00.123456789")).addData(text("2022-07-07")).addData(text("17:41:52.827000000"))
                    .addData(text("0 00:00:00.042800000")).addData(text("-1 02:03:04.500000000")).addData(text("1-2"))
                    .addData(list(text("a"), text("b")))
                    .addData(list(text("1.5"), nullDatum()))
                    .addData(list(list(text("1"), text("2")), list(text("3"), text("4"))))
                    .addData(Datum.newBuilder().setRowValue(io.strata.api.v1.Row.newBuilder().addData(text("47.6")).addData(text("Space Needle"))))
                    .addData(Datum.newBuilder().setTimeSeriesValue(TimeSeriesDataPointList.newBuilder()
                            .addDataPoints(TimeSeriesDataPoint.newBuilder().setTime("2024-01-01 00:00:00.000000000").setValue(text("20.5")))
                            .addDataPoints(TimeSeriesDataPoint.newBuilder().setTime("2024-01-01 00:00:00.000000001").setValue(text("21.0")))))
                    .addData(nullDatum());
            io.strata.api.v1.Row.Builder nulls = page.addRowsBuilder();
            for (int index = 0; index < page.getColumnInfoCount(); index++) {
                nulls.addData(nullDatum());
            }
            responses.onNext(page.build());
            responses.onCompleted();
        }

        private static Datum text(String value) {
            return Datum.newBuilder().setScalarValue(value).build();
        }

        private static Datum nullDatum() {
            return Datum.newBuilder().setNullValue(true).build();
        }

        private static Datum list(Datum... elements) {
            return Datum.newBuilder().setArrayValue(DatumList.newBuilder().addAllData(List.of(elements))).build();
        }

        private static Type scalarType(ScalarType type) {
            return Type.newBuilder().setScalarType(type).build();
        }

        private static Type array(Type element) {
            return Type.newBuilder().setArrayColumnInfo(ColumnInfo.newBuilder().setType(element)).build();
        }

        private static ColumnInfo scalar(String name, ScalarType type) {
            return named(name, scalarType(type));
        }

        private static ColumnInfo named(String name, Type type) {
            return ColumnInfo.newBuilder().setName(name).setType(type).build();
        }
    }
}
