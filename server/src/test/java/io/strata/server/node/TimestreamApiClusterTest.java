package io.strata.server.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.timestreamquery.TimestreamQueryClient;
import software.amazon.awssdk.services.timestreamwrite.TimestreamWriteClient;
import software.amazon.awssdk.services.timestreamwrite.model.AccessDeniedException;
import software.amazon.awssdk.services.timestreamwrite.model.ConflictException;
import software.amazon.awssdk.services.timestreamwrite.model.Database;
import software.amazon.awssdk.services.timestreamwrite.model.Dimension;
import software.amazon.awssdk.services.timestreamwrite.model.MeasureValue;
import software.amazon.awssdk.services.timestreamwrite.model.MeasureValueType;
import software.amazon.awssdk.services.timestreamwrite.model.Record;
import software.amazon.awssdk.services.timestreamwrite.model.RejectedRecord;
import software.amazon.awssdk.services.timestreamwrite.model.RejectedRecordsException;
import software.amazon.awssdk.services.timestreamwrite.model.ResourceNotFoundException;
import software.amazon.awssdk.services.timestreamwrite.model.Table;
import software.amazon.awssdk.services.timestreamwrite.model.Tag;
import software.amazon.awssdk.services.timestreamwrite.model.TimeUnit;
import software.amazon.awssdk.services.timestreamwrite.model.ValidationException;
import software.amazon.awssdk.services.timestreamwrite.model.WriteRecordsResponse;

/**
 * The real AWS SDK v2 clients against the Timestream HTTP endpoints of a three-node cluster (real
 * ZooKeeper, Ratis, Chronicle): every implemented operation through different nodes (queries answer
 * what another node wrote), errors as the SDK's typed exceptions, and SigV4 checked on nodes a and b
 * (configured access keys) but not on c.
 */
class TimestreamApiClusterTest {
    static final String ACCESS_KEY = "AKIDSTRATATEST";
    static final String SECRET = "strata-test-secret";

    @TempDir
    static Path directory;

    static TestCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = new TestCluster(directory,
                (ordinal, config) -> ordinal < 2 ? config.withAccessKeys(Map.of(ACCESS_KEY, SECRET)) : config);
        cluster.awaitReady();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void databasesTablesAndTagsThroughDifferentNodes() {
        try (TimestreamWriteClient a = write(0, SECRET);
             TimestreamWriteClient b = write(1, SECRET);
             TimestreamWriteClient c = write(2, "any-secret-c-does-not-check")) {
            Database created = a.createDatabase(request -> request.databaseName("fleet")
                    .tags(Tag.builder().key("team").value("ops").build())).database();
            assertThat(created.arn()).endsWith(":database/fleet");

            assertThat(b.describeDatabase(request -> request.databaseName("fleet")).database().arn())
                    .isEqualTo(created.arn());
            assertThat(c.listDatabases(request -> { }).databases()).extracting(Database::databaseName)
                    .contains("fleet");
            assertThat(b.updateDatabase(request -> request.databaseName("fleet").kmsKeyId("my-key"))
                    .database().kmsKeyId()).isEqualTo("my-key");

            Table table = c.createTable(request -> request.databaseName("fleet").tableName("trucks")
                    .retentionProperties(retention -> retention.memoryStoreRetentionPeriodInHours(24L)
                            .magneticStoreRetentionPeriodInDays(30L))).table();
            assertThat(a.describeTable(request -> request.databaseName("fleet").tableName("trucks")).table().arn())
                    .isEqualTo(table.arn());
            assertThat(b.listTables(request -> request.databaseName("fleet")).tables()).extracting(Table::tableName)
                    .containsExactly("trucks");
            Table updated = a.updateTable(request -> request.databaseName("fleet").tableName("trucks")
                    .retentionProperties(retention -> retention.memoryStoreRetentionPeriodInHours(48L)
                            .magneticStoreRetentionPeriodInDays(60L))).table();
            assertThat(updated.retentionProperties().memoryStoreRetentionPeriodInHours()).isEqualTo(48L);
            assertThat(c.describeTable(request -> request.databaseName("fleet").tableName("trucks"))
                    .table().retentionProperties().magneticStoreRetentionPeriodInDays()).isEqualTo(60L);

            b.tagResource(request -> request.resourceARN(table.arn()).tags(Tag.builder().key("env").value("test").build(),
                    Tag.builder().key("owner").value("strata").build()));
            c.untagResource(request -> request.resourceARN(table.arn()).tagKeys("owner"));
            assertThat(a.listTagsForResource(request -> request.resourceARN(table.arn())).tags())
                    .containsExactly(Tag.builder().key("env").value("test").build());
            assertThat(c.listTagsForResource(request -> request.resourceARN(created.arn())).tags())
                    .containsExactly(Tag.builder().key("team").value("ops").build());

            ConflictException twice = catchThrowableOfType(ConflictException.class,
                    () -> b.createTable(request -> request.databaseName("fleet").tableName("trucks")));
            assertThat(twice.statusCode()).isEqualTo(409);
            ValidationException notEmpty = catchThrowableOfType(ValidationException.class,
                    () -> a.deleteDatabase(request -> request.databaseName("fleet")));
            assertThat(notEmpty.statusCode()).isEqualTo(400);

            b.deleteTable(request -> request.databaseName("fleet").tableName("trucks"));
            assertThat(catchThrowableOfType(ResourceNotFoundException.class,
                    () -> c.describeTable(request -> request.databaseName("fleet").tableName("trucks"))).statusCode())
                    .isEqualTo(404);
            c.deleteDatabase(request -> request.databaseName("fleet"));
            assertThat(catchThrowableOfType(ResourceNotFoundException.class,
                    () -> a.describeDatabase(request -> request.databaseName("fleet")))).isNotNull();
        }
    }

    @Test
    void describeEndpointsAnswersTheNodeItself() {
        for (int ordinal = 0; ordinal < 3; ordinal++) {
            int node = ordinal;
            try (TimestreamWriteClient client = write(node, SECRET)) {
                assertThat(client.describeEndpoints(request -> { }).endpoints())
                        .singleElement()
                        .satisfies(endpoint -> assertThat(endpoint.address())
                                .isEqualTo("http://" + cluster.config(node).httpAddress()));
            }
        }
    }

    @Test
    void writesWithCommonAttributesAndMultiMeasuresAreStoredOnEveryReplica() {
        long now = Instant.now().toEpochMilli();
        try (TimestreamWriteClient a = write(0, SECRET); TimestreamWriteClient c = write(2, "x")) {
            a.createDatabase(request -> request.databaseName("plant"));
            a.createTable(request -> request.databaseName("plant").tableName("sensors"));

            List<Record> single = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                long time = now - i * 1_000;
                single.add(Record.builder().dimensions(dimension("sensor", "s-" + (i % 3)))
                        .time(Long.toString(time)).measureValue(Double.toString(20.5 + i)).build());
            }
            WriteRecordsResponse common = c.writeRecords(request -> request.databaseName("plant").tableName("sensors")
                    .commonAttributes(Record.builder().dimensions(dimension("site", "north"))
                            .measureName("temperature").measureValueType(MeasureValueType.DOUBLE)
                            .timeUnit(TimeUnit.MILLISECONDS).build())
                    .records(single));
            assertThat(common.recordsIngested().total()).isEqualTo(10);
            assertThat(common.recordsIngested().memoryStore()).isEqualTo(10);

            List<Record> multi = List.of(
                    Record.builder().dimensions(dimension("sensor", "s-0"), dimension("site", "south"))
                            .measureName("reading").measureValueType(MeasureValueType.MULTI)
                            .measureValues(measure("temperature", "21.5", MeasureValueType.DOUBLE),
                                    measure("status", "ok", MeasureValueType.VARCHAR),
                                    measure("count", "7", MeasureValueType.BIGINT))
                            .time(Long.toString(now)).timeUnit(TimeUnit.MILLISECONDS).build(),
                    Record.builder().dimensions(dimension("sensor", "s-1"), dimension("site", "south"))
                            .measureName("reading").measureValueType(MeasureValueType.MULTI)
                            .measureValues(measure("temperature", "19.0", MeasureValueType.DOUBLE),
                                    measure("status", "low", MeasureValueType.VARCHAR),
                                    measure("count", "3", MeasureValueType.BIGINT))
                            .time(Long.toString(now * 1_000)).timeUnit(TimeUnit.MICROSECONDS).build());
            assertThat(a.writeRecords(request -> request.databaseName("plant").tableName("sensors").records(multi))
                    .recordsIngested().total()).isEqualTo(2);

            List<ReplicaRows.Row> rows = cluster.awaitIdenticalReplicas("plant", "sensors", 12, 0, 1, 2);
            assertThat(rows).hasSize(12);
        }
    }

    @Test
    void queriesThroughAnyNodeAnswerWhatWasWrittenThroughAnother() {
        long now = Instant.now().toEpochMilli();
        try (TimestreamWriteClient a = write(0, SECRET)) {
            a.createDatabase(request -> request.databaseName("queried"));
            a.createTable(request -> request.databaseName("queried").tableName("temperatures"));
            List<Record> records = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                records.add(Record.builder().dimensions(dimension("room", "room-" + i)).measureName("celsius")
                        .measureValueType(MeasureValueType.DOUBLE).measureValue(Double.toString(18.25 + i))
                        .time(Long.toString(now - i)).build());
            }
            a.writeRecords(request -> request.databaseName("queried").tableName("temperatures").records(records));
        }
        for (int node = 1; node < 3; node++) {
            try (TimestreamQueryClient query = query(node, SECRET)) {
                var answer = query.query(request -> request.queryString(
                        "SELECT room, measure_value::double FROM \"queried\".\"temperatures\" ORDER BY room"));
                assertThat(answer.columnInfo()).extracting(column -> column.name())
                        .containsExactly("room", "measure_value::double");
                assertThat(answer.rows()).extracting(row -> row.data().get(0).scalarValue() + "="
                                + row.data().get(1).scalarValue())
                        .containsExactly("room-0=18.25", "room-1=19.25", "room-2=20.25", "room-3=21.25",
                                "room-4=22.25", "room-5=23.25");
                var total = query.query(request -> request.queryString(
                        "SELECT count(*), sum(measure_value::double) FROM \"queried\".\"temperatures\""));
                assertThat(total.rows()).singleElement().satisfies(row -> {
                    assertThat(row.data().get(0).scalarValue()).isEqualTo("6");
                    assertThat(Double.parseDouble(row.data().get(1).scalarValue())).isEqualTo(124.5);
                });
            }
        }
    }

    @Test
    void theSdkPaginatorReadsEveryRowOnceAndInOrder() {
        long now = Instant.now().toEpochMilli();
        try (TimestreamWriteClient a = write(0, SECRET)) {
            a.createDatabase(request -> request.databaseName("paged"));
            a.createTable(request -> request.databaseName("paged").tableName("readings"));
            for (int batch = 0; batch < 3; batch++) {
                List<Record> records = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    int n = batch * 100 + i;
                    records.add(Record.builder().dimensions(dimension("meter", String.format("m-%03d", n)))
                            .measureName("kwh").measureValueType(MeasureValueType.BIGINT)
                            .measureValue(Integer.toString(n)).time(Long.toString(now - n)).build());
                }
                a.writeRecords(request -> request.databaseName("paged").tableName("readings").records(records));
            }
        }
        try (TimestreamQueryClient query = query(2, SECRET)) {
            List<String> meters = new ArrayList<>();
            int[] pages = {0};
            query.queryPaginator(request -> request.maxRows(40).queryString(
                            "SELECT meter FROM \"paged\".\"readings\" ORDER BY meter"))
                    .forEach(page -> {
                        pages[0]++;
                        page.rows().forEach(row -> meters.add(row.data().get(0).scalarValue()));
                    });
            List<String> expected = new ArrayList<>();
            for (int n = 0; n < 300; n++) {
                expected.add(String.format("m-%03d", n));
            }
            assertThat(meters).containsExactlyElementsOf(expected);
            assertThat(pages[0]).isGreaterThanOrEqualTo(300 / 40);
        }
    }

    @Test
    void prepareQueryDescribesColumnsAndCancelQueryAnswers() {
        long now = Instant.now().toEpochMilli();
        try (TimestreamWriteClient a = write(0, SECRET)) {
            a.createDatabase(request -> request.databaseName("cancelled"));
            a.createTable(request -> request.databaseName("cancelled").tableName("readings"));
            List<Record> records = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                records.add(Record.builder().dimensions(dimension("meter", "m-" + i)).measureName("kwh")
                        .measureValueType(MeasureValueType.BIGINT).measureValue(Integer.toString(i))
                        .time(Long.toString(now - i)).build());
            }
            a.writeRecords(request -> request.databaseName("cancelled").tableName("readings").records(records));
        }
        try (TimestreamQueryClient query = query(1, SECRET)) {
            var prepared = query.prepareQuery(request -> request.validateOnly(true)
                    .queryString("SELECT meter, measure_value::bigint FROM \"cancelled\".\"readings\""));
            assertThat(prepared.columns()).extracting(column -> column.name())
                    .containsExactly("meter", "measure_value::bigint");

            var first = query.query(request -> request.maxRows(5)
                    .queryString("SELECT meter FROM \"cancelled\".\"readings\" ORDER BY meter"));
            assertThat(first.nextToken()).isNotBlank();
            // The result is complete on the coordinator by now: cancelling answers without an error and
            // the finished query's later pages stay readable (pinned here; Timestream's docs do not say).
            var cancelled = query.cancelQuery(request -> request.queryId(first.queryId()));
            assertThat(cancelled.sdkHttpResponse().isSuccessful()).isTrue();
            var second = query.query(request -> request.maxRows(5).nextToken(first.nextToken())
                    .queryString("SELECT meter FROM \"cancelled\".\"readings\" ORDER BY meter"));
            assertThat(second.queryId()).isEqualTo(first.queryId());
        }
    }

    @Test
    void rejectedRecordsArriveWithIndexReasonAndExistingVersion() {
        long now = Instant.now().toEpochMilli();
        try (TimestreamWriteClient b = write(1, SECRET)) {
            b.createDatabase(request -> request.databaseName("grid"));
            b.createTable(request -> request.databaseName("grid").tableName("meters"));
            Record first = Record.builder().dimensions(dimension("meter", "m-1")).measureName("kwh")
                    .measureValueType(MeasureValueType.DOUBLE).measureValue("1.5").time(Long.toString(now))
                    .version(3L).build();
            b.writeRecords(request -> request.databaseName("grid").tableName("meters").records(first));

            Record conflicting = first.toBuilder().measureValue("2.5").build();
            Record fresh = first.toBuilder().dimensions(dimension("meter", "m-2")).build();
            Record tooOld = first.toBuilder().dimensions(dimension("meter", "m-3"))
                    .time(Long.toString(now - Duration.ofDays(400).toMillis())).build();
            RejectedRecordsException rejected = catchThrowableOfType(RejectedRecordsException.class,
                    () -> b.writeRecords(request -> request.databaseName("grid").tableName("meters")
                            .records(fresh, conflicting, tooOld)));

            assertThat(rejected.statusCode()).isEqualTo(419);
            assertThat(rejected.rejectedRecords()).extracting(RejectedRecord::recordIndex).containsExactly(1, 2);
            RejectedRecord conflict = rejected.rejectedRecords().getFirst();
            assertThat(conflict.reason()).startsWith("A record already exists with the same time");
            assertThat(conflict.existingVersion()).isEqualTo(3L);
            assertThat(rejected.rejectedRecords().get(1).reason())
                    .startsWith("The record timestamp is outside the time range");
            assertThat(rejected.rejectedRecords().get(1).existingVersion()).isNull();

            cluster.awaitIdenticalReplicas("grid", "meters", 2, 0, 1, 2);
        }
    }

    @Test
    void errorsArriveAsTypedSdkExceptions() {
        try (TimestreamWriteClient a = write(0, SECRET); TimestreamQueryClient query = query(2, "x")) {
            ResourceNotFoundException missing = catchThrowableOfType(ResourceNotFoundException.class,
                    () -> a.writeRecords(request -> request.databaseName("nowhere").tableName("nothing")
                            .records(Record.builder().dimensions(dimension("d", "v")).measureName("m")
                                    .measureValue("1").measureValueType(MeasureValueType.BIGINT)
                                    .time(Long.toString(Instant.now().toEpochMilli())).build())));
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");

            ValidationException invalid = catchThrowableOfType(ValidationException.class,
                    () -> a.createDatabase(request -> request.databaseName("x")));
            assertThat(invalid.statusCode()).isEqualTo(400);
            assertThat(invalid.getMessage()).isNotBlank();

            software.amazon.awssdk.services.timestreamquery.model.ValidationException badSql = catchThrowableOfType(
                    software.amazon.awssdk.services.timestreamquery.model.ValidationException.class,
                    () -> query.query(request -> request.queryString("SELEC nothing")));
            assertThat(badSql.statusCode()).isEqualTo(400);
        }
    }

    @Test
    void nodesWithAccessKeysRefuseWrongSignaturesAndNodesWithoutAcceptAny() {
        for (int node = 0; node < 2; node++) {
            try (TimestreamWriteClient wrongSecret = write(node, "not-the-secret");
                 TimestreamWriteClient unknownKey = client(node, "AKIDUNKNOWN", SECRET)) {
                AccessDeniedException denied = catchThrowableOfType(AccessDeniedException.class,
                        () -> wrongSecret.listDatabases(request -> { }));
                assertThat(denied.statusCode()).isEqualTo(403);
                assertThat(catchThrowableOfType(AccessDeniedException.class,
                        () -> unknownKey.listDatabases(request -> { })).statusCode()).isEqualTo(403);
            }
            try (TimestreamWriteClient signed = write(node, SECRET)) {
                assertThat(signed.listDatabases(request -> { }).sdkHttpResponse().statusCode()).isEqualTo(200);
            }
        }
        try (TimestreamWriteClient anything = client(2, "AKIDUNKNOWN", "whatever")) {
            assertThat(anything.listDatabases(request -> { }).sdkHttpResponse().statusCode()).isEqualTo(200);
        }
    }

    static TimestreamWriteClient write(int node, String secret) {
        return client(node, ACCESS_KEY, secret);
    }

    static TimestreamWriteClient client(int node, String accessKey, String secret) {
        return TimestreamWriteClient.builder()
                .endpointOverride(URI.create("http://" + cluster.config(node).httpAddress()))
                .endpointDiscoveryEnabled(false)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
                .overrideConfiguration(configuration -> configuration.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(Duration.ofSeconds(60)))
                .build();
    }

    static TimestreamQueryClient query(int node, String secret) {
        return TimestreamQueryClient.builder()
                .endpointOverride(URI.create("http://" + cluster.config(node).httpAddress()))
                .endpointDiscoveryEnabled(false)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, secret)))
                .overrideConfiguration(configuration -> configuration.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    static Dimension dimension(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }

    static MeasureValue measure(String name, String value, MeasureValueType type) {
        return MeasureValue.builder().name(name).value(value).type(type).build();
    }
}
