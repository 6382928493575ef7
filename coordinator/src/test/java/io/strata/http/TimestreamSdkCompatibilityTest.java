package io.strata.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.core.error.RejectedRecord;
import io.strata.core.error.StrataException;
import io.strata.http.operation.OperationHandler;
import io.strata.http.operation.OperationRegistry;
import io.strata.http.operation.OperationRequest;
import io.strata.http.operation.TimestreamOperation;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.timestreamquery.TimestreamQueryClient;
import software.amazon.awssdk.services.timestreamquery.model.ColumnInfo;
import software.amazon.awssdk.services.timestreamquery.model.QueryRequest;
import software.amazon.awssdk.services.timestreamquery.model.QueryResponse;
import software.amazon.awssdk.services.timestreamquery.model.Row;
import software.amazon.awssdk.services.timestreamquery.model.ScalarType;
import software.amazon.awssdk.services.timestreamwrite.TimestreamWriteClient;
import software.amazon.awssdk.services.timestreamwrite.model.Dimension;
import software.amazon.awssdk.services.timestreamwrite.model.Endpoint;
import software.amazon.awssdk.services.timestreamwrite.model.InternalServerException;
import software.amazon.awssdk.services.timestreamwrite.model.MeasureValue;
import software.amazon.awssdk.services.timestreamwrite.model.MeasureValueType;
import software.amazon.awssdk.services.timestreamwrite.model.Record;
import software.amazon.awssdk.services.timestreamwrite.model.RejectedRecordsException;
import software.amazon.awssdk.services.timestreamwrite.model.TimeUnit;
import software.amazon.awssdk.services.timestreamwrite.model.TimestreamWriteException;
import software.amazon.awssdk.services.timestreamwrite.model.WriteRecordsResponse;

/**
 * The real AWS SDK for Java v2 clients, pointed at the endpoint with an override, send what
 * Timestream expects and decode what the endpoint answers, errors included.
 */
class TimestreamSdkCompatibilityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicReference<OperationHandler> WRITE_RECORDS = new AtomicReference<>();
    private static final AtomicReference<OperationHandler> QUERY = new AtomicReference<>();

    private static TimestreamHttpServer server;
    private static TimestreamWriteClient write;
    private static TimestreamQueryClient query;

    @BeforeAll
    static void startServer() {
        OperationRegistry registry = OperationRegistry.builder()
                .register(TimestreamOperation.WRITE_RECORDS, request -> WRITE_RECORDS.get().handle(request))
                .register(TimestreamOperation.QUERY, request -> QUERY.get().handle(request))
                .build();
        server = TimestreamHttpServer.start(HttpEndpointConfig.defaults().withPort(0), registry, Clock.systemUTC());
        write = SdkClients.write(server, "AKIDANY", "any-secret");
        query = SdkClients.query(server, "AKIDANY", "any-secret");
    }

    @AfterAll
    static void stopServer() {
        write.close();
        query.close();
        server.close();
    }

    @BeforeEach
    void resetHandlers() {
        WRITE_RECORDS.set(request -> {
            throw new AssertionError("no WriteRecords handler set");
        });
        QUERY.set(request -> {
            throw new AssertionError("no Query handler set");
        });
    }

    @Test
    void writeRecordsReachesTheHandlerAsTheSdkSentItAndTheResponseDecodes() throws Exception {
        AtomicReference<OperationRequest> received = new AtomicReference<>();
        WRITE_RECORDS.set(request -> {
            received.set(request);
            return json("{\"RecordsIngested\":{\"Total\":2,\"MemoryStore\":1,\"MagneticStore\":1}}");
        });

        WriteRecordsResponse response = write.writeRecords(builder -> builder
                .databaseName("devops").tableName("hosts")
                .commonAttributes(Record.builder()
                        .dimensions(Dimension.builder().name("region").value("eu-west-1").build())
                        .time("1700000000000").timeUnit(TimeUnit.MILLISECONDS).build())
                .records(
                        Record.builder()
                                .dimensions(Dimension.builder().name("host").value("web-1").build())
                                .measureName("metrics").measureValueType(MeasureValueType.MULTI)
                                .measureValues(
                                        MeasureValue.builder().name("cpu").value("12.5").type(MeasureValueType.DOUBLE).build(),
                                        MeasureValue.builder().name("requests").value("42").type(MeasureValueType.BIGINT).build())
                                .version(3L).build(),
                        Record.builder().measureName("status").measureValue("degraded")
                                .measureValueType(MeasureValueType.VARCHAR).time("1700000001000").build()));

        assertThat(received.get().operation()).isEqualTo(TimestreamOperation.WRITE_RECORDS);
        assertThat(received.get().body()).isEqualTo(json("""
                {"DatabaseName":"devops","TableName":"hosts",
                 "CommonAttributes":{"Dimensions":[{"Name":"region","Value":"eu-west-1"}],
                                     "Time":"1700000000000","TimeUnit":"MILLISECONDS"},
                 "Records":[
                   {"Dimensions":[{"Name":"host","Value":"web-1"}],"MeasureName":"metrics","MeasureValueType":"MULTI",
                    "MeasureValues":[{"Name":"cpu","Value":"12.5","Type":"DOUBLE"},
                                     {"Name":"requests","Value":"42","Type":"BIGINT"}],
                    "Version":3},
                   {"MeasureName":"status","MeasureValue":"degraded","MeasureValueType":"VARCHAR","Time":"1700000001000"}]}
                """));
        assertThat(response.recordsIngested().total()).isEqualTo(2);
        assertThat(response.recordsIngested().memoryStore()).isEqualTo(1);
        assertThat(response.recordsIngested().magneticStore()).isEqualTo(1);
        assertThat(response.responseMetadata().requestId()).isEqualTo(received.get().requestId());
    }

    @Test
    void rejectedRecordsArriveWithIndexReasonAndExistingVersion() {
        WRITE_RECORDS.set(request -> {
            throw new io.strata.core.error.RejectedRecordsException(List.of(
                    RejectedRecord.withExistingVersion(2, "A record with a higher version already exists.", 7),
                    RejectedRecord.of(0, "The record timestamp is outside the time range of the data ingestion window.")));
        });

        RejectedRecordsException rejected = catchThrowableOfType(RejectedRecordsException.class, () ->
                write.writeRecords(builder -> builder.databaseName("devops").tableName("hosts").records(
                        oneRecord("1"), oneRecord("2"), oneRecord("3"))));

        assertThat(rejected.statusCode()).isEqualTo(419);
        assertThat(rejected.awsErrorDetails().errorMessage()).isEqualTo(io.strata.core.error.RejectedRecordsException.MESSAGE);
        assertThat(rejected.rejectedRecords()).hasSize(2);
        assertThat(rejected.rejectedRecords().get(0).recordIndex()).isZero();
        assertThat(rejected.rejectedRecords().get(0).reason())
                .isEqualTo("The record timestamp is outside the time range of the data ingestion window.");
        assertThat(rejected.rejectedRecords().get(0).existingVersion()).isNull();
        assertThat(rejected.rejectedRecords().get(1).recordIndex()).isEqualTo(2);
        assertThat(rejected.rejectedRecords().get(1).reason()).isEqualTo("A record with a higher version already exists.");
        assertThat(rejected.rejectedRecords().get(1).existingVersion()).isEqualTo(7L);
    }

    static Stream<Arguments> strataErrorsAndTheSdkTypes() {
        return Stream.of(
                Arguments.of(new io.strata.core.error.ValidationException("Invalid database name."),
                        software.amazon.awssdk.services.timestreamwrite.model.ValidationException.class, 400),
                Arguments.of(new io.strata.core.error.ResourceNotFoundException("The database devops does not exist."),
                        software.amazon.awssdk.services.timestreamwrite.model.ResourceNotFoundException.class, 404),
                Arguments.of(new io.strata.core.error.ConflictException("The table hosts already exists."),
                        software.amazon.awssdk.services.timestreamwrite.model.ConflictException.class, 409),
                Arguments.of(new io.strata.core.error.ThrottlingException("Slow down."),
                        software.amazon.awssdk.services.timestreamwrite.model.ThrottlingException.class, 429),
                Arguments.of(new io.strata.core.error.AccessDeniedException("Not allowed."),
                        software.amazon.awssdk.services.timestreamwrite.model.AccessDeniedException.class, 403),
                Arguments.of(new io.strata.core.error.ServiceQuotaExceededException("Too many tables."),
                        software.amazon.awssdk.services.timestreamwrite.model.ServiceQuotaExceededException.class, 402),
                Arguments.of(new io.strata.core.error.InternalServerException("Something broke."),
                        InternalServerException.class, 500));
    }

    @ParameterizedTest
    @MethodSource("strataErrorsAndTheSdkTypes")
    void strataErrorsArriveAsTheSdksTypedExceptions(StrataException thrown,
                                                     Class<? extends TimestreamWriteException> sdkType, int status) {
        WRITE_RECORDS.set(request -> {
            throw thrown;
        });

        TimestreamWriteException error = catchThrowableOfType(TimestreamWriteException.class, () ->
                write.writeRecords(builder -> builder.databaseName("devops").tableName("hosts").records(oneRecord("1"))));

        assertThat(error).isExactlyInstanceOf(sdkType);
        assertThat(error.statusCode()).isEqualTo(status);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo(thrown.errorName());
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo(thrown.getMessage());
    }

    @Test
    void anUnexpectedHandlerFailureIsAnInternalServerErrorWithoutItsStackTrace() {
        WRITE_RECORDS.set(request -> {
            throw new IllegalStateException("engine bug with a secret detail");
        });

        InternalServerException error = catchThrowableOfType(InternalServerException.class, () ->
                write.writeRecords(builder -> builder.databaseName("devops").tableName("hosts").records(oneRecord("1"))));

        assertThat(error.statusCode()).isEqualTo(500);
        String body = error.awsErrorDetails().rawResponse().asUtf8String();
        assertThat(body).doesNotContain("IllegalStateException", "secret detail", "at io.strata");
        assertThat(error.awsErrorDetails().errorMessage()).contains(error.requestId());
    }

    @Test
    void aTimestreamOperationWithoutAHandlerIsANonRetryableClientErrorNamingIt() {
        software.amazon.awssdk.services.timestreamwrite.model.ValidationException error = catchThrowableOfType(
                software.amazon.awssdk.services.timestreamwrite.model.ValidationException.class,
                () -> write.listDatabases(builder -> { }));

        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorMessage()).contains("ListDatabases").contains("not supported");

        software.amazon.awssdk.services.timestreamquery.model.ValidationException queryError = catchThrowableOfType(
                software.amazon.awssdk.services.timestreamquery.model.ValidationException.class,
                () -> query.describeAccountSettings(builder -> { }));
        assertThat(queryError.awsErrorDetails().errorMessage()).contains("DescribeAccountSettings");
    }

    @Test
    void describeEndpointsAnswersThisNodeWithItsSchemeAndACachePeriod() {
        List<Endpoint> endpoints = write.describeEndpoints(builder -> { }).endpoints();

        assertThat(endpoints).hasSize(1);
        assertThat(endpoints.getFirst().address()).isEqualTo("http://127.0.0.1:" + server.port());
        assertThat(endpoints.getFirst().cachePeriodInMinutes()).isEqualTo(1440L);
        assertThat(query.describeEndpoints(builder -> { }).endpoints().getFirst().address())
                .isEqualTo("http://127.0.0.1:" + server.port());
    }

    @Test
    void aQueryResponseWithRowsColumnsAndNextTokenDecodes() throws Exception {
        AtomicReference<JsonNode> received = new AtomicReference<>();
        QUERY.set(request -> {
            received.set(request.body());
            return json("""
                    {"QueryId":"q1","NextToken":"page-2",
                     "ColumnInfo":[{"Name":"host","Type":{"ScalarType":"VARCHAR"}},
                                   {"Name":"avg_cpu","Type":{"ScalarType":"DOUBLE"}}],
                     "Rows":[{"Data":[{"ScalarValue":"web-1"},{"ScalarValue":"12.5"}]},
                             {"Data":[{"ScalarValue":"web-2"},{"NullValue":true}]}],
                     "QueryStatus":{"ProgressPercentage":100.0,"CumulativeBytesScanned":2048,"CumulativeBytesMetered":10000000}}
                    """);
        });

        QueryResponse response = query.query(builder -> builder
                .queryString("SELECT host, avg(cpu) AS avg_cpu FROM devops.hosts GROUP BY host").maxRows(2));

        assertThat(received.get().path("QueryString").asText())
                .isEqualTo("SELECT host, avg(cpu) AS avg_cpu FROM devops.hosts GROUP BY host");
        assertThat(received.get().path("MaxRows").asInt()).isEqualTo(2);
        assertThat(response.queryId()).isEqualTo("q1");
        assertThat(response.nextToken()).isEqualTo("page-2");
        assertThat(response.columnInfo()).extracting(ColumnInfo::name).containsExactly("host", "avg_cpu");
        assertThat(response.columnInfo()).extracting(column -> column.type().scalarType())
                .containsExactly(ScalarType.VARCHAR, ScalarType.DOUBLE);
        assertThat(response.rows().get(0).data()).extracting(datum -> datum.scalarValue()).containsExactly("web-1", "12.5");
        assertThat(response.rows().get(1).data().get(1).nullValue()).isTrue();
        assertThat(response.queryStatus().cumulativeBytesScanned()).isEqualTo(2048L);
    }

    @Test
    void theSdkPaginatorFollowsNextTokenAcrossPages() throws Exception {
        List<JsonNode> received = new CopyOnWriteArrayList<>();
        QUERY.set(request -> {
            received.add(request.body());
            String token = request.body().path("NextToken").asText("");
            String page = switch (token) {
                case "" -> "{\"QueryId\":\"q2\",\"NextToken\":\"t-2\",\"ColumnInfo\":[{\"Name\":\"n\",\"Type\":{\"ScalarType\":\"BIGINT\"}}],"
                        + "\"Rows\":[{\"Data\":[{\"ScalarValue\":\"1\"}]},{\"Data\":[{\"ScalarValue\":\"2\"}]}]}";
                case "t-2" -> "{\"QueryId\":\"q2\",\"NextToken\":\"t-3\",\"ColumnInfo\":[{\"Name\":\"n\",\"Type\":{\"ScalarType\":\"BIGINT\"}}],"
                        + "\"Rows\":[]}";
                case "t-3" -> "{\"QueryId\":\"q2\",\"ColumnInfo\":[{\"Name\":\"n\",\"Type\":{\"ScalarType\":\"BIGINT\"}}],"
                        + "\"Rows\":[{\"Data\":[{\"ScalarValue\":\"3\"}]}]}";
                default -> throw new io.strata.core.error.ValidationException("Invalid NextToken " + token);
            };
            return json(page);
        });

        List<String> values = query.queryPaginator(QueryRequest.builder().queryString("SELECT n FROM t").build())
                .stream()
                .flatMap(response -> response.rows().stream())
                .map(Row::data)
                .map(data -> data.getFirst().scalarValue())
                .toList();

        assertThat(values).containsExactly("1", "2", "3");
        assertThat(received).extracting(body -> body.path("NextToken").asText(null)).containsExactly(null, "t-2", "t-3");
        assertThat(received).extracting(body -> body.path("QueryString").asText()).containsOnly("SELECT n FROM t");
    }

    private static Record oneRecord(String value) {
        return Record.builder().measureName("cpu").measureValue(value).measureValueType(MeasureValueType.DOUBLE)
                .time("1700000000000").build();
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
