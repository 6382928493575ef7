package io.strata.http.timestream;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.api.v1.CancelQueryRequest;
import io.strata.api.v1.CancelQueryResponse;
import io.strata.api.v1.ColumnInfo;
import io.strata.api.v1.ColumnInfoList;
import io.strata.api.v1.Datum;
import io.strata.api.v1.DatumList;
import io.strata.api.v1.ParameterMapping;
import io.strata.api.v1.PrepareQueryRequest;
import io.strata.api.v1.PrepareQueryResponse;
import io.strata.api.v1.QueryRequest;
import io.strata.api.v1.QueryResponse;
import io.strata.api.v1.QueryStatus;
import io.strata.api.v1.Row;
import io.strata.api.v1.ScalarType;
import io.strata.api.v1.SelectColumn;
import io.strata.api.v1.TimeSeriesDataPoint;
import io.strata.api.v1.TimeSeriesDataPointList;
import io.strata.api.v1.Type;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Query, CancelQuery and PrepareQuery through the real SDK v2 query client: requests arrive as
 * the exact strata.v1 messages, and nested results (time series of doubles, arrays, rows, NULLs)
 * decode in the SDK with their values.
 */
class QueryOperationsOverHttpTest {
    private static TimestreamEndpoint endpoint;

    @BeforeAll
    static void start() {
        endpoint = new TimestreamEndpoint();
    }

    @AfterAll
    static void stop() {
        endpoint.close();
    }

    @BeforeEach
    void reset() {
        endpoint.engine.reset();
    }

    @Test
    void queryPassesEveryMemberAndTheSdkDecodesNestedResults() {
        ColumnInfo host = column("host", scalar(ScalarType.SCALAR_TYPE_VARCHAR));
        ColumnInfo series = column("series", Type.newBuilder().setTimeSeriesMeasureValueColumnInfo(
                ColumnInfo.newBuilder().setType(scalar(ScalarType.SCALAR_TYPE_DOUBLE))).build());
        ColumnInfo tags = column("tags", Type.newBuilder().setArrayColumnInfo(
                ColumnInfo.newBuilder().setType(scalar(ScalarType.SCALAR_TYPE_BIGINT))).build());
        ColumnInfo pair = column("pair", Type.newBuilder().setRowColumnInfo(ColumnInfoList.newBuilder()
                .addColumnInfo(column("at", scalar(ScalarType.SCALAR_TYPE_TIMESTAMP)))
                .addColumnInfo(column("ok", scalar(ScalarType.SCALAR_TYPE_BOOLEAN)))).build());
        ColumnInfo missing = column("missing", scalar(ScalarType.SCALAR_TYPE_INTERVAL_DAY_TO_SECOND));
        Row row = Row.newBuilder()
                .addData(scalarDatum("h-1"))
                .addData(Datum.newBuilder().setTimeSeriesValue(TimeSeriesDataPointList.newBuilder()
                        .addDataPoints(point("2024-01-01 00:00:00.000000000", scalarDatum("1.5")))
                        .addDataPoints(point("2024-01-01 00:01:00.000000000", nullDatum()))))
                .addData(Datum.newBuilder().setArrayValue(DatumList.newBuilder()
                        .addData(scalarDatum("7")).addData(nullDatum()).addData(scalarDatum("9"))))
                .addData(Datum.newBuilder().setRowValue(Row.newBuilder()
                        .addData(scalarDatum("2024-01-01 00:00:00.123456789")).addData(scalarDatum("true"))))
                .addData(nullDatum())
                .build();
        endpoint.engine.answer(QueryResponse.newBuilder()
                .setQueryId("AEDQCANQ2BTZ7")
                .setNextToken("next-page")
                .addColumnInfo(host).addColumnInfo(series).addColumnInfo(tags).addColumnInfo(pair).addColumnInfo(missing)
                .addRows(row)
                .setQueryStatus(QueryStatus.newBuilder().setProgressPercentage(42.5)
                        .setCumulativeBytesScanned(10_485_760L).setCumulativeBytesMetered(10_485_760L))
                .build());
        String clientToken = "0123456789abcdef0123456789abcdef";

        var response = endpoint.query.query(request -> request.queryString("SELECT * FROM metrics.cpu")
                .clientToken(clientToken).nextToken("this-page").maxRows(250));

        assertThat(endpoint.engine.last(QueryRequest.class)).contains(QueryRequest.newBuilder()
                .setQueryString("SELECT * FROM metrics.cpu").setClientToken(clientToken)
                .setNextToken("this-page").setMaxRows(250).build());
        assertThat(response.queryId()).isEqualTo("AEDQCANQ2BTZ7");
        assertThat(response.nextToken()).isEqualTo("next-page");
        assertThat(response.queryStatus().progressPercentage()).isEqualTo(42.5);
        assertThat(response.queryStatus().cumulativeBytesScanned()).isEqualTo(10_485_760L);
        assertThat(response.queryStatus().cumulativeBytesMetered()).isEqualTo(10_485_760L);

        var columns = response.columnInfo();
        assertThat(columns).extracting(software.amazon.awssdk.services.timestreamquery.model.ColumnInfo::name)
                .containsExactly("host", "series", "tags", "pair", "missing");
        assertThat(columns.get(0).type().scalarTypeAsString()).isEqualTo("VARCHAR");
        assertThat(columns.get(1).type().timeSeriesMeasureValueColumnInfo().type().scalarTypeAsString()).isEqualTo("DOUBLE");
        assertThat(columns.get(1).type().timeSeriesMeasureValueColumnInfo().name()).isNull();
        assertThat(columns.get(2).type().arrayColumnInfo().type().scalarTypeAsString()).isEqualTo("BIGINT");
        assertThat(columns.get(3).type().rowColumnInfo())
                .extracting(column -> column.name() + ":" + column.type().scalarTypeAsString())
                .containsExactly("at:TIMESTAMP", "ok:BOOLEAN");
        assertThat(columns.get(4).type().scalarTypeAsString()).isEqualTo("INTERVAL_DAY_TO_SECOND");

        var data = response.rows().get(0).data();
        assertThat(data).hasSize(5);
        assertThat(data.get(0).scalarValue()).isEqualTo("h-1");
        assertThat(data.get(1).timeSeriesValue()).hasSize(2);
        assertThat(data.get(1).timeSeriesValue().get(0).time()).isEqualTo("2024-01-01 00:00:00.000000000");
        assertThat(data.get(1).timeSeriesValue().get(0).value().scalarValue()).isEqualTo("1.5");
        assertThat(data.get(1).timeSeriesValue().get(1).value().nullValue()).isTrue();
        assertThat(data.get(2).arrayValue()).extracting(datum -> datum.nullValue() != null ? "NULL" : datum.scalarValue())
                .containsExactly("7", "NULL", "9");
        assertThat(data.get(3).rowValue().data()).extracting(datum -> datum.scalarValue())
                .containsExactly("2024-01-01 00:00:00.123456789", "true");
        assertThat(data.get(4).nullValue()).isTrue();
        assertThat(data.get(4).scalarValue()).isNull();
    }

    @Test
    void theFirstPageOfAQueryWithoutOptionsSendsOnlyTheQueryStringAndAnEmptyLastPageDecodes() {
        endpoint.engine.answer(QueryResponse.newBuilder().setQueryId("Q1").build());

        var response = endpoint.query.query(request -> request.queryString("SELECT 1").clientToken(null));

        QueryRequest received = endpoint.engine.last(QueryRequest.class).orElseThrow();
        assertThat(received.getQueryString()).isEqualTo("SELECT 1");
        assertThat(received.hasNextToken()).isFalse();
        assertThat(received.hasMaxRows()).isFalse();
        assertThat(response.queryId()).isEqualTo("Q1");
        assertThat(response.rows()).isEmpty();
        assertThat(response.columnInfo()).isEmpty();
        assertThat(response.nextToken()).isNull();
        assertThat(response.queryStatus()).isNull();
    }

    @Test
    void cancelQuerySendsTheIdAndDecodesTheMessage() {
        endpoint.engine.answer(CancelQueryResponse.newBuilder()
                .setCancellationMessage("Query has already been cancelled.").build());

        var response = endpoint.query.cancelQuery(request -> request.queryId("AEDQCANQ2BTZ7"));

        assertThat(endpoint.engine.last(CancelQueryRequest.class))
                .contains(CancelQueryRequest.newBuilder().setQueryId("AEDQCANQ2BTZ7").build());
        assertThat(response.cancellationMessage()).isEqualTo("Query has already been cancelled.");
    }

    @Test
    void cancelQueryWithNothingToSayAnswersNoMessage() {
        var response = endpoint.query.cancelQuery(request -> request.queryId("Q1"));

        assertThat(response.cancellationMessage()).isNull();
    }

    @Test
    void prepareQueryDescribesColumnsAndParameters() {
        endpoint.engine.answer(PrepareQueryResponse.newBuilder()
                .setQueryString("SELECT host AS h, avg(usage) FROM metrics.cpu WHERE time > @scheduled_runtime")
                .addColumns(SelectColumn.newBuilder().setName("h").setType(scalar(ScalarType.SCALAR_TYPE_VARCHAR))
                        .setDatabaseName("metrics").setTableName("cpu").setAliased(true))
                .addColumns(SelectColumn.newBuilder().setName("_col1").setType(scalar(ScalarType.SCALAR_TYPE_DOUBLE))
                        .setAliased(false))
                .addParameters(ParameterMapping.newBuilder().setName("@scheduled_runtime")
                        .setType(scalar(ScalarType.SCALAR_TYPE_TIMESTAMP)))
                .build());

        var response = endpoint.query.prepareQuery(request -> request
                .queryString("SELECT host AS h, avg(usage) FROM metrics.cpu WHERE time > @scheduled_runtime")
                .validateOnly(true));

        assertThat(endpoint.engine.last(PrepareQueryRequest.class)).contains(PrepareQueryRequest.newBuilder()
                .setQueryString("SELECT host AS h, avg(usage) FROM metrics.cpu WHERE time > @scheduled_runtime")
                .setValidateOnly(true).build());
        assertThat(response.queryString()).contains("@scheduled_runtime");
        assertThat(response.columns()).hasSize(2);
        var first = response.columns().get(0);
        assertThat(first.name()).isEqualTo("h");
        assertThat(first.type().scalarTypeAsString()).isEqualTo("VARCHAR");
        assertThat(first.databaseName()).isEqualTo("metrics");
        assertThat(first.tableName()).isEqualTo("cpu");
        assertThat(first.aliased()).isTrue();
        var second = response.columns().get(1);
        assertThat(second.aliased()).isFalse();
        assertThat(second.databaseName()).isNull();
        assertThat(response.parameters()).singleElement().satisfies(parameter -> {
            assertThat(parameter.name()).isEqualTo("@scheduled_runtime");
            assertThat(parameter.type().scalarTypeAsString()).isEqualTo("TIMESTAMP");
        });
    }

    @Test
    void timeAndIntegerColumnsReachTheSdkAsTheirScalarTypesWithTimestreamText() {
        endpoint.engine.answer(QueryResponse.newBuilder()
                .setQueryId("AEDQCANQ2BTZ8")
                .addColumnInfo(column("clock", scalar(ScalarType.SCALAR_TYPE_TIME)))
                .addColumnInfo(column("count", scalar(ScalarType.SCALAR_TYPE_INTEGER)))
                .addRows(Row.newBuilder().addData(scalarDatum("17:41:52.827000000")).addData(scalarDatum("-2147483648")))
                .addRows(Row.newBuilder().addData(nullDatum()).addData(nullDatum()))
                .build());

        var response = endpoint.query.query(request -> request.queryString("SELECT clock, count FROM metrics.cpu"));

        assertThat(response.columnInfo()).extracting(column -> column.name() + ":" + column.type().scalarType())
                .containsExactly("clock:TIME", "count:INTEGER");
        assertThat(response.rows().get(0).data()).extracting(datum -> datum.scalarValue())
                .containsExactly("17:41:52.827000000", "-2147483648");
        assertThat(response.rows().get(1).data()).extracting(datum -> datum.nullValue()).containsExactly(true, true);
    }

    private static Type scalar(ScalarType type) {
        return Type.newBuilder().setScalarType(type).build();
    }

    private static ColumnInfo column(String name, Type type) {
        return ColumnInfo.newBuilder().setName(name).setType(type).build();
    }

    private static Datum scalarDatum(String text) {
        return Datum.newBuilder().setScalarValue(text).build();
    }

    private static Datum nullDatum() {
        return Datum.newBuilder().setNullValue(true).build();
    }

    private static TimeSeriesDataPoint point(String time, Datum value) {
        return TimeSeriesDataPoint.newBuilder().setTime(time).setValue(value).build();
    }
}
