package io.strata.server.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.strata.api.v1.AdminServiceGrpc.AdminServiceBlockingStub;
import io.strata.api.v1.CreateDatabaseRequest;
import io.strata.api.v1.CreateTableRequest;
import io.strata.api.v1.Database;
import io.strata.api.v1.DeleteDatabaseRequest;
import io.strata.api.v1.DeleteTableRequest;
import io.strata.api.v1.DescribeDatabaseRequest;
import io.strata.api.v1.DescribeTableRequest;
import io.strata.api.v1.ListDatabasesRequest;
import io.strata.api.v1.ListDatabasesResponse;
import io.strata.api.v1.ListTablesRequest;
import io.strata.api.v1.ListTagsForResourceRequest;
import io.strata.api.v1.PartitionKey;
import io.strata.api.v1.PartitionKeyEnforcementLevel;
import io.strata.api.v1.PartitionKeyType;
import io.strata.api.v1.RetentionProperties;
import io.strata.api.v1.Schema;
import io.strata.api.v1.Table;
import io.strata.api.v1.TableStatus;
import io.strata.api.v1.Tag;
import io.strata.api.v1.TagResourceRequest;
import io.strata.api.v1.UntagResourceRequest;
import io.strata.api.v1.UpdateDatabaseRequest;
import io.strata.api.v1.UpdateTableRequest;
import io.strata.api.v1.WriteRecordsRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin API through gRPC on a three-node cluster: Timestream's semantics and error names. */
class AdminApiTest {
    @TempDir
    static Path data;
    private static TestCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = new TestCluster(data);
        cluster.awaitReady();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        cluster.close();
    }

    @Test
    void databaseLifecycleWithTimestreamErrors() {
        AdminServiceBlockingStub admin = cluster.admin(0);
        Database created = admin.createDatabase(CreateDatabaseRequest.newBuilder().setDatabaseName("lifecycle_db")
                .addTags(Tag.newBuilder().setKey("team").setValue("ops")).build()).getDatabase();
        assertThat(created.getArn()).isEqualTo("arn:aws:timestream:us-east-1:000000000000:database/lifecycle_db");
        assertThat(created.getTableCount()).isZero();
        assertThat(created.hasKmsKeyId()).isFalse();

        assertError(() -> admin.createDatabase(CreateDatabaseRequest.newBuilder().setDatabaseName("lifecycle_db").build()),
                Status.Code.ALREADY_EXISTS, "ConflictException");
        assertError(() -> admin.createDatabase(CreateDatabaseRequest.newBuilder().setDatabaseName("x!").build()),
                Status.Code.INVALID_ARGUMENT, "ValidationException");
        assertError(() -> cluster.admin(1).describeDatabase(DescribeDatabaseRequest.newBuilder()
                .setDatabaseName("no_such_db").build()), Status.Code.NOT_FOUND, "ResourceNotFoundException");

        Database updated = cluster.admin(1).updateDatabase(UpdateDatabaseRequest.newBuilder()
                .setDatabaseName("lifecycle_db").setKmsKeyId("key-1").build()).getDatabase();
        assertThat(updated.getKmsKeyId()).isEqualTo("key-1");
        assertThat(cluster.admin(2).describeDatabase(DescribeDatabaseRequest.newBuilder()
                .setDatabaseName("lifecycle_db").build()).getDatabase().getKmsKeyId()).isEqualTo("key-1");

        admin.createTable(CreateTableRequest.newBuilder().setDatabaseName("lifecycle_db").setTableName("table_one").build());
        assertError(() -> admin.deleteDatabase(DeleteDatabaseRequest.newBuilder().setDatabaseName("lifecycle_db").build()),
                Status.Code.INVALID_ARGUMENT, "ValidationException");
        admin.deleteTable(DeleteTableRequest.newBuilder().setDatabaseName("lifecycle_db").setTableName("table_one").build());
        admin.deleteDatabase(DeleteDatabaseRequest.newBuilder().setDatabaseName("lifecycle_db").build());
        assertError(() -> admin.deleteDatabase(DeleteDatabaseRequest.newBuilder().setDatabaseName("lifecycle_db").build()),
                Status.Code.NOT_FOUND, "ResourceNotFoundException");
    }

    @Test
    void listDatabasesPagesInNameOrder() {
        AdminServiceBlockingStub admin = cluster.admin(2);
        for (int i = 0; i < 5; i++) {
            admin.createDatabase(CreateDatabaseRequest.newBuilder().setDatabaseName("page_db_" + i).build());
        }
        List<String> names = new ArrayList<>();
        ListDatabasesResponse page = admin.listDatabases(ListDatabasesRequest.newBuilder().setMaxResults(2).build());
        while (true) {
            assertThat(page.getDatabasesCount()).isLessThanOrEqualTo(2);
            page.getDatabasesList().forEach(database -> names.add(database.getDatabaseName()));
            if (!page.hasNextToken()) {
                break;
            }
            page = admin.listDatabases(ListDatabasesRequest.newBuilder().setMaxResults(2)
                    .setNextToken(page.getNextToken()).build());
        }
        assertThat(names).containsSubsequence("page_db_0", "page_db_1", "page_db_2", "page_db_3", "page_db_4");
        assertThat(names).isSorted();
        assertError(() -> admin.listDatabases(ListDatabasesRequest.newBuilder().setMaxResults(21).build()),
                Status.Code.INVALID_ARGUMENT, "ValidationException");
    }

    @Test
    void tablesHaveTimestreamDefaultsAndOnlyEnforcementCanChange() {
        AdminServiceBlockingStub admin = cluster.admin(1);
        admin.createDatabase(CreateDatabaseRequest.newBuilder().setDatabaseName("table_db").build());
        assertError(() -> admin.createTable(CreateTableRequest.newBuilder().setDatabaseName("missing_db")
                .setTableName("some_table").build()), Status.Code.NOT_FOUND, "ResourceNotFoundException");

        Table table = admin.createTable(CreateTableRequest.newBuilder().setDatabaseName("table_db")
                .setTableName("defaults").build()).getTable();
        assertThat(table.getArn()).isEqualTo("arn:aws:timestream:us-east-1:000000000000:database/table_db/table/defaults");
        assertThat(table.getTableStatus()).isEqualTo(TableStatus.TABLE_STATUS_ACTIVE);
        assertThat(table.getRetentionProperties().getMemoryStoreRetentionPeriodInHours()).isEqualTo(6);
        assertThat(table.getRetentionProperties().getMagneticStoreRetentionPeriodInDays()).isEqualTo(73000);
        assertThat(table.getMagneticStoreWriteProperties().getEnableMagneticStoreWrites()).isFalse();
        assertThat(table.getSchema().getCompositePartitionKeyList()).extracting(PartitionKey::getType)
                .containsExactly(PartitionKeyType.PARTITION_KEY_TYPE_MEASURE);

        Schema byHost = Schema.newBuilder().addCompositePartitionKey(PartitionKey.newBuilder()
                .setType(PartitionKeyType.PARTITION_KEY_TYPE_DIMENSION).setName("host")
                .setEnforcementInRecord(PartitionKeyEnforcementLevel.PARTITION_KEY_ENFORCEMENT_LEVEL_OPTIONAL)).build();
        admin.createTable(CreateTableRequest.newBuilder().setDatabaseName("table_db").setTableName("keyed")
                .setSchema(byHost)
                .setRetentionProperties(RetentionProperties.newBuilder().setMemoryStoreRetentionPeriodInHours(24)
                        .setMagneticStoreRetentionPeriodInDays(365)).build());
        assertError(() -> admin.createTable(CreateTableRequest.newBuilder().setDatabaseName("table_db")
                .setTableName("bad_retention").setRetentionProperties(RetentionProperties.newBuilder()
                        .setMemoryStoreRetentionPeriodInHours(8767).setMagneticStoreRetentionPeriodInDays(1)).build()),
                Status.Code.INVALID_ARGUMENT, "ValidationException");

        Schema required = byHost.toBuilder().setCompositePartitionKey(0, byHost.getCompositePartitionKey(0).toBuilder()
                .setEnforcementInRecord(PartitionKeyEnforcementLevel.PARTITION_KEY_ENFORCEMENT_LEVEL_REQUIRED)).build();
        Table updated = cluster.admin(2).updateTable(UpdateTableRequest.newBuilder().setDatabaseName("table_db")
                .setTableName("keyed").setSchema(required).build()).getTable();
        assertThat(updated.getSchema()).isEqualTo(required);
        assertThat(updated.getRetentionProperties().getMemoryStoreRetentionPeriodInHours()).isEqualTo(24);

        Schema otherDimension = Schema.newBuilder().addCompositePartitionKey(required.getCompositePartitionKey(0)
                .toBuilder().setName("region")).build();
        assertError(() -> admin.updateTable(UpdateTableRequest.newBuilder().setDatabaseName("table_db")
                .setTableName("keyed").setSchema(otherDimension).build()), Status.Code.INVALID_ARGUMENT,
                "ValidationException");

        // REQUIRED enforcement rejects a record without the key dimension, per record.
        WriteRecordsRequest withoutHost = Requests.cpuRecords("table_db", "keyed", 0, 1, System.currentTimeMillis())
                .toBuilder().setRecords(0, Requests.cpuRecords("table_db", "keyed", 0, 1, System.currentTimeMillis())
                        .getRecords(0).toBuilder().removeDimensions(0)).build();
        StatusRuntimeException rejected = catchThrowableOfType(StatusRuntimeException.class,
                () -> cluster.writes(0).writeRecords(withoutHost));
        assertThat(Requests.detail(rejected).getErrorName()).isEqualTo("RejectedRecordsException");
        assertThat(Requests.detail(rejected).getRejectedRecordsList()).singleElement()
                .satisfies(record -> assertThat(record.getReason()).contains("host"));

        assertThat(admin.listTables(ListTablesRequest.newBuilder().setDatabaseName("table_db").build()).getTablesList())
                .extracting(Table::getTableName).containsExactly("defaults", "keyed");
        assertThat(admin.describeTable(DescribeTableRequest.newBuilder().setDatabaseName("table_db")
                .setTableName("keyed").build()).getTable().getSchema()).isEqualTo(required);
    }

    @Test
    void tagsByArn() {
        AdminServiceBlockingStub admin = cluster.admin(0);
        admin.createDatabase(CreateDatabaseRequest.newBuilder().setDatabaseName("tag_db").build());
        String tableArn = admin.createTable(CreateTableRequest.newBuilder().setDatabaseName("tag_db")
                .setTableName("tagged").build()).getTable().getArn();
        admin.tagResource(TagResourceRequest.newBuilder().setResourceArn(tableArn)
                .addTags(Tag.newBuilder().setKey("b").setValue("2"))
                .addTags(Tag.newBuilder().setKey("a").setValue("1")).build());
        admin.tagResource(TagResourceRequest.newBuilder().setResourceArn(tableArn)
                .addTags(Tag.newBuilder().setKey("a").setValue("one")).build());
        admin.untagResource(UntagResourceRequest.newBuilder().setResourceArn(tableArn).addTagKeys("b")
                .addTagKeys("never-there").build());
        assertThat(cluster.admin(1).listTagsForResource(ListTagsForResourceRequest.newBuilder()
                .setResourceArn(tableArn).build()).getTagsList())
                .containsExactly(Tag.newBuilder().setKey("a").setValue("one").build());
        assertError(() -> admin.listTagsForResource(ListTagsForResourceRequest.newBuilder()
                .setResourceArn("arn:aws:timestream:us-east-1:000000000000:database/no_such_db").build()),
                Status.Code.NOT_FOUND, "ResourceNotFoundException");
        assertError(() -> admin.listTagsForResource(ListTagsForResourceRequest.newBuilder()
                .setResourceArn("not-an-arn").build()), Status.Code.INVALID_ARGUMENT, "ValidationException");
    }

    private static void assertError(Supplier<?> call, Status.Code code, String errorName) {
        StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class, call::get);
        assertThat(failure).as("expected %s", errorName).isNotNull();
        assertThat(failure.getStatus().getCode()).isEqualTo(code);
        assertThat(Requests.detail(failure).getErrorName()).isEqualTo(errorName);
        assertThat(Requests.detail(failure).getMessage()).isNotBlank();
    }
}
