package io.strata.client.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.strata.api.v1.AdminServiceGrpc;
import io.strata.api.v1.ColumnInfo;
import io.strata.api.v1.CreateDatabaseRequest;
import io.strata.api.v1.CreateDatabaseResponse;
import io.strata.api.v1.CreateTableRequest;
import io.strata.api.v1.CreateTableResponse;
import io.strata.api.v1.Datum;
import io.strata.api.v1.QueryRequest;
import io.strata.api.v1.QueryResponse;
import io.strata.api.v1.QueryServiceGrpc;
import io.strata.api.v1.Record;
import io.strata.api.v1.ScalarType;
import io.strata.api.v1.Table;
import io.strata.api.v1.Type;
import io.strata.client.StrataClient;
import io.strata.client.testing.InProcessNode;
import io.strata.client.testing.RecordingWriteService;
import io.strata.client.testing.ServerErrors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The example of docs/client-java.md compiles, runs against a test node, and is the one the page shows. */
class QuickStartTest {
    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSSSS");

    @Test
    void theExampleWritesEveryReadingAndPrintsOneLinePerDevice() throws InterruptedException {
        RecordingWriteService writes = new RecordingWriteService(1, (call, request) -> null);
        List<Record> stored = new CopyOnWriteArrayList<>();
        try (writes;
                InProcessNode node = InProcessNode.start(new ExistingDatabaseService(), writes, new AveragingQueryService(writes));
                StrataClient client = InProcessNode.clientFor(node).build()) {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();

            QuickStart.run(client, NOW, new PrintStream(printed, true, StandardCharsets.UTF_8));

            writes.requests().forEach(request -> stored.addAll(request.getRecordsList()));
            assertThat(stored).as("three devices, 60 readings each, each sent once").hasSize(180);
            assertThat(writes.storedById()).hasSize(180);
            assertThat(printed.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                    "dev-1 avg=22.00 last=2026-01-15T09:59:59Z",
                    "dev-2 avg=22.00 last=2026-01-15T09:59:59Z",
                    "dev-3 avg=22.00 last=2026-01-15T09:59:59Z",
                    "records not stored: 0");
        }
    }

    @Test
    void theDocumentationShowsThisExampleVerbatim() throws IOException {
        String example = Files.readString(Path.of("src/test/java/io/strata/client/example/QuickStart.java"));
        String page = Files.readString(Path.of("../docs/client-java.md"));

        assertThat(page).contains("```java\n" + example + "```");
    }

    /** Admin double: the database exists already (the example tolerates that); tables are created. */
    private static final class ExistingDatabaseService extends AdminServiceGrpc.AdminServiceImplBase {
        @Override
        public void createDatabase(CreateDatabaseRequest request, StreamObserver<CreateDatabaseResponse> responses) {
            responses.onError(ServerErrors.error(Status.Code.ALREADY_EXISTS, "ConflictException", 409, "The database iot already exists."));
        }

        @Override
        public void createTable(CreateTableRequest request, StreamObserver<CreateTableResponse> responses) {
            responses.onNext(CreateTableResponse.newBuilder()
                    .setTable(Table.newBuilder().setDatabaseName(request.getDatabaseName()).setTableName(request.getTableName())).build());
            responses.onCompleted();
        }
    }

    /** Query double: answers any query with each device's average and latest time over the records written. */
    private static final class AveragingQueryService extends QueryServiceGrpc.QueryServiceImplBase {
        private final RecordingWriteService writes;

        AveragingQueryService(RecordingWriteService writes) {
            this.writes = writes;
        }

        @Override
        public void query(QueryRequest request, StreamObserver<QueryResponse> responses) {
            Map<String, double[]> byDevice = new TreeMap<>();
            writes.requests().forEach(write -> write.getRecordsList().forEach(record -> {
                double[] sumCountLast = byDevice.computeIfAbsent(record.getDimensions(0).getValue(), device -> new double[3]);
                sumCountLast[0] += Double.parseDouble(record.getMeasureValue());
                sumCountLast[1]++;
                sumCountLast[2] = Math.max(sumCountLast[2], Long.parseLong(record.getTime()));
            }));
            QueryResponse.Builder page = QueryResponse.newBuilder().setQueryId("q")
                    .addColumnInfo(column("device", ScalarType.SCALAR_TYPE_VARCHAR))
                    .addColumnInfo(column("avg_temp", ScalarType.SCALAR_TYPE_DOUBLE))
                    .addColumnInfo(column("last_seen", ScalarType.SCALAR_TYPE_TIMESTAMP));
            byDevice.forEach((device, sumCountLast) -> page.addRowsBuilder()
                    .addData(Datum.newBuilder().setScalarValue(device))
                    .addData(Datum.newBuilder().setScalarValue(Double.toString(sumCountLast[0] / sumCountLast[1])))
                    .addData(Datum.newBuilder().setScalarValue(LocalDateTime.ofInstant(
                            Instant.ofEpochMilli((long) sumCountLast[2]), ZoneOffset.UTC).format(TIMESTAMP))));
            responses.onNext(page.build());
            responses.onCompleted();
        }

        private static ColumnInfo column(String name, ScalarType type) {
            return ColumnInfo.newBuilder().setName(name).setType(Type.newBuilder().setScalarType(type)).build();
        }
    }
}
