package io.strata.cli.testing;

import com.google.protobuf.Timestamp;
import io.grpc.stub.StreamObserver;
import io.strata.api.v1.AdminServiceGrpc;
import io.strata.api.v1.CreateDatabaseRequest;
import io.strata.api.v1.CreateDatabaseResponse;
import io.strata.api.v1.CreateTableRequest;
import io.strata.api.v1.CreateTableResponse;
import io.strata.api.v1.Database;
import io.strata.api.v1.DeleteTableRequest;
import io.strata.api.v1.DeleteTableResponse;
import io.strata.api.v1.DescribeDatabaseRequest;
import io.strata.api.v1.DescribeDatabaseResponse;
import io.strata.api.v1.DescribeTableRequest;
import io.strata.api.v1.DescribeTableResponse;
import io.strata.api.v1.ListDatabasesRequest;
import io.strata.api.v1.ListDatabasesResponse;
import io.strata.api.v1.ListTablesRequest;
import io.strata.api.v1.ListTablesResponse;
import io.strata.api.v1.MagneticStoreWriteProperties;
import io.strata.api.v1.PartitionKey;
import io.strata.api.v1.PartitionKeyType;
import io.strata.api.v1.RetentionProperties;
import io.strata.api.v1.Schema;
import io.strata.api.v1.Table;
import io.strata.api.v1.TableStatus;
import io.strata.api.v1.UpdateTableRequest;
import io.strata.api.v1.UpdateTableResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * AdminService over a map: databases and tables as created, with Timestream's defaults, a fixed
 * creation time, and Timestream's errors for duplicates and missing resources. Records the create
 * and update requests it received.
 */
public final class CatalogAdminService extends AdminServiceGrpc.AdminServiceImplBase {
    /** 2024-05-01T12:00:00Z, the creation time of everything. */
    public static final Timestamp CREATED = Timestamp.newBuilder().setSeconds(1_714_564_800L).build();

    private final Map<String, Database> databases = new ConcurrentSkipListMap<>();
    private final Map<String, Table> tables = new ConcurrentSkipListMap<>();
    private final List<Object> requests = new CopyOnWriteArrayList<>();

    /** The create and update requests received, in order. */
    public List<Object> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void createDatabase(CreateDatabaseRequest request, StreamObserver<CreateDatabaseResponse> observer) {
        requests.add(request);
        String name = request.getDatabaseName();
        if (databases.containsKey(name)) {
            observer.onError(ServerErrors.conflict("A database with name " + name + " already exists."));
            return;
        }
        Database.Builder database = Database.newBuilder().setArn("arn:aws:timestream:local:000000000000:database/" + name)
                .setDatabaseName(name).setCreationTime(CREATED).setLastUpdatedTime(CREATED);
        if (request.hasKmsKeyId()) {
            database.setKmsKeyId(request.getKmsKeyId());
        }
        databases.put(name, database.build());
        observer.onNext(CreateDatabaseResponse.newBuilder().setDatabase(databases.get(name)).build());
        observer.onCompleted();
    }

    @Override
    public void describeDatabase(DescribeDatabaseRequest request, StreamObserver<DescribeDatabaseResponse> observer) {
        Database database = databases.get(request.getDatabaseName());
        if (database == null) {
            observer.onError(ServerErrors.notFound("The database " + request.getDatabaseName() + " does not exist."));
            return;
        }
        observer.onNext(DescribeDatabaseResponse.newBuilder().setDatabase(withTableCount(database)).build());
        observer.onCompleted();
    }

    @Override
    public void listDatabases(ListDatabasesRequest request, StreamObserver<ListDatabasesResponse> observer) {
        observer.onNext(ListDatabasesResponse.newBuilder()
                .addAllDatabases(databases.values().stream().map(this::withTableCount).toList()).build());
        observer.onCompleted();
    }

    @Override
    public void createTable(CreateTableRequest request, StreamObserver<CreateTableResponse> observer) {
        requests.add(request);
        if (!databases.containsKey(request.getDatabaseName())) {
            observer.onError(ServerErrors.notFound("The database " + request.getDatabaseName() + " does not exist."));
            return;
        }
        String key = request.getDatabaseName() + "." + request.getTableName();
        if (tables.containsKey(key)) {
            observer.onError(ServerErrors.conflict("A table with name " + request.getTableName() + " already exists."));
            return;
        }
        Table table = Table.newBuilder()
                .setArn("arn:aws:timestream:local:000000000000:database/" + request.getDatabaseName() + "/table/" + request.getTableName())
                .setTableName(request.getTableName()).setDatabaseName(request.getDatabaseName())
                .setTableStatus(TableStatus.TABLE_STATUS_ACTIVE)
                .setRetentionProperties(request.hasRetentionProperties() ? request.getRetentionProperties()
                        : RetentionProperties.newBuilder().setMemoryStoreRetentionPeriodInHours(6).setMagneticStoreRetentionPeriodInDays(73000).build())
                .setCreationTime(CREATED).setLastUpdatedTime(CREATED)
                .setMagneticStoreWriteProperties(request.hasMagneticStoreWriteProperties() ? request.getMagneticStoreWriteProperties()
                        : MagneticStoreWriteProperties.newBuilder().setEnableMagneticStoreWrites(false).build())
                .setSchema(request.hasSchema() ? request.getSchema() : Schema.newBuilder()
                        .addCompositePartitionKey(PartitionKey.newBuilder().setType(PartitionKeyType.PARTITION_KEY_TYPE_MEASURE)).build())
                .build();
        tables.put(key, table);
        observer.onNext(CreateTableResponse.newBuilder().setTable(table).build());
        observer.onCompleted();
    }

    @Override
    public void describeTable(DescribeTableRequest request, StreamObserver<DescribeTableResponse> observer) {
        Table table = tables.get(request.getDatabaseName() + "." + request.getTableName());
        if (table == null) {
            observer.onError(ServerErrors.notFound("The table " + request.getTableName() + " does not exist."));
            return;
        }
        observer.onNext(DescribeTableResponse.newBuilder().setTable(table).build());
        observer.onCompleted();
    }

    @Override
    public void listTables(ListTablesRequest request, StreamObserver<ListTablesResponse> observer) {
        observer.onNext(ListTablesResponse.newBuilder().addAllTables(tables.values().stream()
                .filter(table -> !request.hasDatabaseName() || table.getDatabaseName().equals(request.getDatabaseName())).toList()).build());
        observer.onCompleted();
    }

    @Override
    public void updateTable(UpdateTableRequest request, StreamObserver<UpdateTableResponse> observer) {
        requests.add(request);
        String key = request.getDatabaseName() + "." + request.getTableName();
        Table table = tables.get(key);
        if (table == null) {
            observer.onError(ServerErrors.notFound("The table " + request.getTableName() + " does not exist."));
            return;
        }
        Table.Builder updated = table.toBuilder();
        if (request.hasRetentionProperties()) {
            updated.setRetentionProperties(request.getRetentionProperties());
        }
        if (request.hasMagneticStoreWriteProperties()) {
            updated.setMagneticStoreWriteProperties(request.getMagneticStoreWriteProperties());
        }
        if (request.hasSchema()) {
            updated.setSchema(request.getSchema());
        }
        tables.put(key, updated.build());
        observer.onNext(UpdateTableResponse.newBuilder().setTable(tables.get(key)).build());
        observer.onCompleted();
    }

    @Override
    public void deleteTable(DeleteTableRequest request, StreamObserver<DeleteTableResponse> observer) {
        if (tables.remove(request.getDatabaseName() + "." + request.getTableName()) == null) {
            observer.onError(ServerErrors.notFound("The table " + request.getTableName() + " does not exist."));
            return;
        }
        observer.onNext(DeleteTableResponse.getDefaultInstance());
        observer.onCompleted();
    }

    private Database withTableCount(Database database) {
        long count = tables.values().stream().filter(table -> table.getDatabaseName().equals(database.getDatabaseName())).count();
        return database.toBuilder().setTableCount(count).build();
    }
}
