package io.strata.http.timestream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Timestamp;
import io.strata.api.v1.CreateDatabaseRequest;
import io.strata.api.v1.CreateDatabaseResponse;
import io.strata.api.v1.CreateTableRequest;
import io.strata.api.v1.CreateTableResponse;
import io.strata.api.v1.Database;
import io.strata.api.v1.DeleteDatabaseRequest;
import io.strata.api.v1.DeleteTableRequest;
import io.strata.api.v1.DescribeDatabaseRequest;
import io.strata.api.v1.DescribeDatabaseResponse;
import io.strata.api.v1.DescribeTableRequest;
import io.strata.api.v1.DescribeTableResponse;
import io.strata.api.v1.ListDatabasesRequest;
import io.strata.api.v1.ListDatabasesResponse;
import io.strata.api.v1.ListTablesRequest;
import io.strata.api.v1.ListTablesResponse;
import io.strata.api.v1.ListTagsForResourceRequest;
import io.strata.api.v1.ListTagsForResourceResponse;
import io.strata.api.v1.MagneticStoreRejectedDataLocation;
import io.strata.api.v1.MagneticStoreWriteProperties;
import io.strata.api.v1.PartitionKey;
import io.strata.api.v1.PartitionKeyEnforcementLevel;
import io.strata.api.v1.PartitionKeyType;
import io.strata.api.v1.RetentionProperties;
import io.strata.api.v1.S3Configuration;
import io.strata.api.v1.S3EncryptionOption;
import io.strata.api.v1.Schema;
import io.strata.api.v1.Table;
import io.strata.api.v1.TableStatus;
import io.strata.api.v1.Tag;
import io.strata.api.v1.TagResourceRequest;
import io.strata.api.v1.UntagResourceRequest;
import io.strata.api.v1.UpdateDatabaseRequest;
import io.strata.api.v1.UpdateDatabaseResponse;
import io.strata.api.v1.UpdateTableRequest;
import io.strata.api.v1.UpdateTableResponse;
import io.strata.core.error.ConflictException;
import io.strata.core.error.ResourceNotFoundException;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.timestreamwrite.TimestreamWriteClient;

/**
 * Every catalog and tagging operation through the real SDK v2 write client: the engine receives
 * exactly the strata.v1 message the SDK call means, and the SDK decodes every member of the
 * engine's answer with its value (timestamps included).
 */
class AdminOperationsOverHttpTest {
    private static final Timestamp CREATED = Timestamp.newBuilder().setSeconds(1_700_000_000L).setNanos(123_000_000).build();
    private static final Timestamp UPDATED = Timestamp.newBuilder().setSeconds(1_700_003_600L).build();
    private static final Database DATABASE = Database.newBuilder()
            .setArn("arn:aws:timestream:us-east-1:000000000000:database/metrics")
            .setDatabaseName("metrics")
            .setTableCount(7)
            .setKmsKeyId("alias/metrics-key")
            .setCreationTime(CREATED)
            .setLastUpdatedTime(UPDATED)
            .build();
    private static final Table TABLE = Table.newBuilder()
            .setArn("arn:aws:timestream:us-east-1:000000000000:database/metrics/table/cpu")
            .setTableName("cpu")
            .setDatabaseName("metrics")
            .setTableStatus(TableStatus.TABLE_STATUS_ACTIVE)
            .setRetentionProperties(RetentionProperties.newBuilder()
                    .setMemoryStoreRetentionPeriodInHours(24).setMagneticStoreRetentionPeriodInDays(3650))
            .setCreationTime(CREATED)
            .setLastUpdatedTime(UPDATED)
            .setMagneticStoreWriteProperties(MagneticStoreWriteProperties.newBuilder()
                    .setEnableMagneticStoreWrites(true)
                    .setMagneticStoreRejectedDataLocation(MagneticStoreRejectedDataLocation.newBuilder()
                            .setS3Configuration(S3Configuration.newBuilder()
                                    .setBucketName("rejected-bucket")
                                    .setObjectKeyPrefix("cpu/")
                                    .setEncryptionOption(S3EncryptionOption.S3_ENCRYPTION_OPTION_SSE_KMS)
                                    .setKmsKeyId("alias/reports"))))
            .setSchema(Schema.newBuilder().addCompositePartitionKey(PartitionKey.newBuilder()
                    .setType(PartitionKeyType.PARTITION_KEY_TYPE_DIMENSION)
                    .setName("host")
                    .setEnforcementInRecord(PartitionKeyEnforcementLevel.PARTITION_KEY_ENFORCEMENT_LEVEL_REQUIRED)))
            .build();

    private static TimestreamEndpoint endpoint;
    private static TimestreamWriteClient client;

    @BeforeAll
    static void start() {
        endpoint = new TimestreamEndpoint();
        client = endpoint.write;
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
    void createDatabaseSendsNameKeyAndTagsAndDecodesTheDatabase() {
        endpoint.engine.answer(CreateDatabaseResponse.newBuilder().setDatabase(DATABASE).build());

        var response = client.createDatabase(request -> request.databaseName("metrics").kmsKeyId("alias/metrics-key")
                .tags(tag -> tag.key("team").value("infra"), tag -> tag.key("empty").value("")));

        assertThat(endpoint.engine.last(CreateDatabaseRequest.class)).contains(CreateDatabaseRequest.newBuilder()
                .setDatabaseName("metrics").setKmsKeyId("alias/metrics-key")
                .addTags(tag("team", "infra")).addTags(tag("empty", ""))
                .build());
        assertDatabase(response.database());
    }

    @Test
    void createDatabaseWithoutKeyLeavesTheKeyAbsent() {
        client.createDatabase(request -> request.databaseName("metrics"));

        CreateDatabaseRequest received = endpoint.engine.last(CreateDatabaseRequest.class).orElseThrow();
        assertThat(received.hasKmsKeyId()).isFalse();
        assertThat(received.getTagsList()).isEmpty();
    }

    @Test
    void describeUpdateAndDeleteDatabase() {
        endpoint.engine.answer(DescribeDatabaseResponse.newBuilder().setDatabase(DATABASE).build());
        endpoint.engine.answer(UpdateDatabaseResponse.newBuilder().setDatabase(DATABASE).build());

        assertDatabase(client.describeDatabase(request -> request.databaseName("metrics")).database());
        assertDatabase(client.updateDatabase(request -> request.databaseName("metrics").kmsKeyId("alias/new")).database());
        client.deleteDatabase(request -> request.databaseName("metrics"));

        assertThat(endpoint.engine.last(DescribeDatabaseRequest.class))
                .contains(DescribeDatabaseRequest.newBuilder().setDatabaseName("metrics").build());
        assertThat(endpoint.engine.last(UpdateDatabaseRequest.class))
                .contains(UpdateDatabaseRequest.newBuilder().setDatabaseName("metrics").setKmsKeyId("alias/new").build());
        assertThat(endpoint.engine.last(DeleteDatabaseRequest.class))
                .contains(DeleteDatabaseRequest.newBuilder().setDatabaseName("metrics").build());
    }

    @Test
    void listDatabasesPassesPagingAndDecodesThePageAndItsToken() {
        endpoint.engine.answer(ListDatabasesResponse.newBuilder()
                .addDatabases(DATABASE)
                .addDatabases(Database.newBuilder().setArn("arn:other").setDatabaseName("other").setTableCount(0))
                .setNextToken("page-2")
                .build());

        var response = client.listDatabases(request -> request.maxResults(2).nextToken("page-1"));

        assertThat(endpoint.engine.last(ListDatabasesRequest.class))
                .contains(ListDatabasesRequest.newBuilder().setMaxResults(2).setNextToken("page-1").build());
        assertThat(response.databases()).hasSize(2);
        assertDatabase(response.databases().get(0));
        assertThat(response.databases().get(1).databaseName()).isEqualTo("other");
        assertThat(response.databases().get(1).kmsKeyId()).isNull();
        assertThat(response.databases().get(1).creationTime()).isNull();
        assertThat(response.nextToken()).isEqualTo("page-2");
    }

    @Test
    void listDatabasesWithoutPagingSendsNoPagingMembersAndTheLastPageHasNoToken() {
        var response = client.listDatabases(request -> { });

        ListDatabasesRequest received = endpoint.engine.last(ListDatabasesRequest.class).orElseThrow();
        assertThat(received.hasMaxResults()).isFalse();
        assertThat(received.hasNextToken()).isFalse();
        assertThat(response.databases()).isEmpty();
        assertThat(response.nextToken()).isNull();
    }

    @Test
    void createTableSendsEverySettingAndDecodesTheTable() {
        endpoint.engine.answer(CreateTableResponse.newBuilder().setTable(TABLE).build());

        var response = client.createTable(request -> request.databaseName("metrics").tableName("cpu")
                .retentionProperties(retention -> retention.memoryStoreRetentionPeriodInHours(24L)
                        .magneticStoreRetentionPeriodInDays(3650L))
                .magneticStoreWriteProperties(properties -> properties.enableMagneticStoreWrites(true)
                        .magneticStoreRejectedDataLocation(location -> location.s3Configuration(s3 -> s3
                                .bucketName("rejected-bucket").objectKeyPrefix("cpu/")
                                .encryptionOption("SSE_KMS").kmsKeyId("alias/reports"))))
                .schema(schema -> schema.compositePartitionKey(key -> key.type("DIMENSION").name("host")
                        .enforcementInRecord("REQUIRED")))
                .tags(tag -> tag.key("owner").value("ops")));

        assertThat(endpoint.engine.last(CreateTableRequest.class)).contains(CreateTableRequest.newBuilder()
                .setDatabaseName("metrics").setTableName("cpu")
                .setRetentionProperties(TABLE.getRetentionProperties())
                .setMagneticStoreWriteProperties(TABLE.getMagneticStoreWriteProperties())
                .setSchema(TABLE.getSchema())
                .addTags(tag("owner", "ops"))
                .build());
        assertTable(response.table());
    }

    @Test
    void createTableWithoutSettingsLeavesThemAbsentForTheEngineDefaults() {
        client.createTable(request -> request.databaseName("metrics").tableName("cpu"));

        CreateTableRequest received = endpoint.engine.last(CreateTableRequest.class).orElseThrow();
        assertThat(received.hasRetentionProperties()).isFalse();
        assertThat(received.hasMagneticStoreWriteProperties()).isFalse();
        assertThat(received.hasSchema()).isFalse();
    }

    @Test
    void describeListUpdateAndDeleteTable() {
        endpoint.engine.answer(DescribeTableResponse.newBuilder().setTable(TABLE).build());
        endpoint.engine.answer(UpdateTableResponse.newBuilder().setTable(TABLE).build());
        endpoint.engine.answer(ListTablesResponse.newBuilder().addTables(TABLE).setNextToken("more").build());

        assertTable(client.describeTable(request -> request.databaseName("metrics").tableName("cpu")).table());
        assertTable(client.updateTable(request -> request.databaseName("metrics").tableName("cpu")
                .retentionProperties(retention -> retention.memoryStoreRetentionPeriodInHours(1L)
                        .magneticStoreRetentionPeriodInDays(73000L))
                .magneticStoreWriteProperties(properties -> properties.enableMagneticStoreWrites(false))
                .schema(schema -> schema.compositePartitionKey(key -> key.type("DIMENSION").name("host")
                        .enforcementInRecord("OPTIONAL")))).table());
        var listed = client.listTables(request -> request.databaseName("metrics").maxResults(20));
        client.deleteTable(request -> request.databaseName("metrics").tableName("cpu"));

        assertThat(listed.tables()).hasSize(1);
        assertTable(listed.tables().get(0));
        assertThat(listed.nextToken()).isEqualTo("more");
        assertThat(endpoint.engine.last(DescribeTableRequest.class))
                .contains(DescribeTableRequest.newBuilder().setDatabaseName("metrics").setTableName("cpu").build());
        assertThat(endpoint.engine.last(UpdateTableRequest.class)).contains(UpdateTableRequest.newBuilder()
                .setDatabaseName("metrics").setTableName("cpu")
                .setRetentionProperties(RetentionProperties.newBuilder()
                        .setMemoryStoreRetentionPeriodInHours(1).setMagneticStoreRetentionPeriodInDays(73000))
                .setMagneticStoreWriteProperties(MagneticStoreWriteProperties.newBuilder().setEnableMagneticStoreWrites(false))
                .setSchema(Schema.newBuilder().addCompositePartitionKey(PartitionKey.newBuilder()
                        .setType(PartitionKeyType.PARTITION_KEY_TYPE_DIMENSION).setName("host")
                        .setEnforcementInRecord(PartitionKeyEnforcementLevel.PARTITION_KEY_ENFORCEMENT_LEVEL_OPTIONAL)))
                .build());
        assertThat(endpoint.engine.last(ListTablesRequest.class))
                .contains(ListTablesRequest.newBuilder().setDatabaseName("metrics").setMaxResults(20).build());
        assertThat(endpoint.engine.last(DeleteTableRequest.class))
                .contains(DeleteTableRequest.newBuilder().setDatabaseName("metrics").setTableName("cpu").build());
    }

    @Test
    void listTablesOfAllDatabasesSendsNoDatabaseName() {
        client.listTables(request -> { });

        assertThat(endpoint.engine.last(ListTablesRequest.class).orElseThrow().hasDatabaseName()).isFalse();
    }

    @Test
    void taggingOperationsReachTheEngineByTheResourceArn() {
        endpoint.engine.answer(ListTagsForResourceResponse.newBuilder()
                .addTags(tag("owner", "ops")).addTags(tag("tier", "")).build());

        client.tagResource(request -> request.resourceARN(TABLE.getArn())
                .tags(tag -> tag.key("owner").value("ops"), tag -> tag.key("tier").value("")));
        client.untagResource(request -> request.resourceARN(TABLE.getArn()).tagKeys("cost-center", "legacy"));
        var listed = client.listTagsForResource(request -> request.resourceARN(TABLE.getArn()));

        assertThat(endpoint.engine.last(TagResourceRequest.class)).contains(TagResourceRequest.newBuilder()
                .setResourceArn(TABLE.getArn()).addTags(tag("owner", "ops")).addTags(tag("tier", "")).build());
        assertThat(endpoint.engine.last(UntagResourceRequest.class)).contains(UntagResourceRequest.newBuilder()
                .setResourceArn(TABLE.getArn()).addTagKeys("cost-center").addTagKeys("legacy").build());
        assertThat(endpoint.engine.last(ListTagsForResourceRequest.class))
                .contains(ListTagsForResourceRequest.newBuilder().setResourceArn(TABLE.getArn()).build());
        assertThat(listed.tags()).extracting(tag -> tag.key() + "=" + tag.value()).containsExactly("owner=ops", "tier=");
    }

    @Test
    void theQueryApisTagCallsOnAScheduledQueryAnswerResourceNotFoundWithoutReachingTheEngine() {
        String scheduledQuery = "arn:aws:timestream:us-east-1:000000000000:scheduled-query/daily-rollup";

        var thrown = catchThrowableOfType(
                software.amazon.awssdk.services.timestreamquery.model.ResourceNotFoundException.class,
                () -> endpoint.query.listTagsForResource(request -> request.resourceARN(scheduledQuery)));

        assertThat(thrown.getMessage()).contains(scheduledQuery);
        assertThat(endpoint.engine.last(ListTagsForResourceRequest.class)).isEmpty();
    }

    @Test
    void theQueryApisTagCallsOnATableReachTheSameEngineAsTheWriteApis() {
        endpoint.query.tagResource(request -> request.resourceARN(TABLE.getArn()).tags(tag -> tag.key("k").value("v")));

        assertThat(endpoint.engine.last(TagResourceRequest.class)).contains(TagResourceRequest.newBuilder()
                .setResourceArn(TABLE.getArn()).addTags(tag("k", "v")).build());
    }

    @Test
    void engineErrorsReachTheSdkWithTheirNameAndMessage() {
        endpoint.engine.fail(new ConflictException("Database metrics already exists."));
        var conflict = catchThrowableOfType(
                software.amazon.awssdk.services.timestreamwrite.model.ConflictException.class,
                () -> client.createDatabase(request -> request.databaseName("metrics")));
        assertThat(conflict.awsErrorDetails().errorMessage()).isEqualTo("Database metrics already exists.");
        assertThat(conflict.statusCode()).isEqualTo(409);

        endpoint.engine.fail(new ResourceNotFoundException("The table cpu does not exist."));
        var notFound = catchThrowableOfType(
                software.amazon.awssdk.services.timestreamwrite.model.ResourceNotFoundException.class,
                () -> client.describeTable(request -> request.databaseName("metrics").tableName("cpu")));
        assertThat(notFound.awsErrorDetails().errorMessage()).isEqualTo("The table cpu does not exist.");
    }

    private static Tag tag(String key, String value) {
        return Tag.newBuilder().setKey(key).setValue(value).build();
    }

    private static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    private static void assertDatabase(software.amazon.awssdk.services.timestreamwrite.model.Database database) {
        assertThat(database.arn()).isEqualTo(DATABASE.getArn());
        assertThat(database.databaseName()).isEqualTo(DATABASE.getDatabaseName());
        assertThat(database.tableCount()).isEqualTo(DATABASE.getTableCount());
        assertThat(database.kmsKeyId()).isEqualTo(DATABASE.getKmsKeyId());
        assertThat(database.creationTime()).isEqualTo(instant(CREATED));
        assertThat(database.lastUpdatedTime()).isEqualTo(instant(UPDATED));
    }

    private static void assertTable(software.amazon.awssdk.services.timestreamwrite.model.Table table) {
        assertThat(table.arn()).isEqualTo(TABLE.getArn());
        assertThat(table.tableName()).isEqualTo("cpu");
        assertThat(table.databaseName()).isEqualTo("metrics");
        assertThat(table.tableStatusAsString()).isEqualTo("ACTIVE");
        assertThat(table.retentionProperties().memoryStoreRetentionPeriodInHours()).isEqualTo(24L);
        assertThat(table.retentionProperties().magneticStoreRetentionPeriodInDays()).isEqualTo(3650L);
        assertThat(table.creationTime()).isEqualTo(instant(CREATED));
        assertThat(table.lastUpdatedTime()).isEqualTo(instant(UPDATED));
        var magnetic = table.magneticStoreWriteProperties();
        assertThat(magnetic.enableMagneticStoreWrites()).isTrue();
        var s3 = magnetic.magneticStoreRejectedDataLocation().s3Configuration();
        assertThat(s3.bucketName()).isEqualTo("rejected-bucket");
        assertThat(s3.objectKeyPrefix()).isEqualTo("cpu/");
        assertThat(s3.encryptionOptionAsString()).isEqualTo("SSE_KMS");
        assertThat(s3.kmsKeyId()).isEqualTo("alias/reports");
        assertThat(table.schema().compositePartitionKey()).singleElement().satisfies(key -> {
            assertThat(key.typeAsString()).isEqualTo("DIMENSION");
            assertThat(key.name()).isEqualTo("host");
            assertThat(key.enforcementInRecordAsString()).isEqualTo("REQUIRED");
        });
    }
}
