package io.strata.coordinator.engine;

import io.strata.api.v1.CreateDatabaseRequest;
import io.strata.api.v1.CreateDatabaseResponse;
import io.strata.api.v1.CreateTableRequest;
import io.strata.api.v1.CreateTableResponse;
import io.strata.api.v1.DeleteDatabaseRequest;
import io.strata.api.v1.DeleteDatabaseResponse;
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
import io.strata.api.v1.ListTagsForResourceRequest;
import io.strata.api.v1.ListTagsForResourceResponse;
import io.strata.api.v1.TagResourceRequest;
import io.strata.api.v1.TagResourceResponse;
import io.strata.api.v1.UntagResourceRequest;
import io.strata.api.v1.UntagResourceResponse;
import io.strata.api.v1.UpdateDatabaseRequest;
import io.strata.api.v1.UpdateDatabaseResponse;
import io.strata.api.v1.UpdateTableRequest;
import io.strata.api.v1.UpdateTableResponse;
import io.strata.coordinator.catalog.DatabaseCatalog;
import io.strata.coordinator.catalog.ResourceTags;
import io.strata.coordinator.catalog.TableCatalog;
import io.strata.http.timestream.AdminOperations;
import java.util.Objects;

/**
 * The catalog and tagging operations of one node, free of any transport: the gRPC AdminService and
 * the Timestream HTTP endpoint both call this object, so a request means the same over both.
 * Contract (threading, ordering, idempotence, errors): {@link AdminOperations}; every call may
 * block on ZooKeeper.
 */
public final class AdminEngine implements AdminOperations {
    private final DatabaseCatalog databases;
    private final TableCatalog tables;
    private final ResourceTags tags;

    public AdminEngine(DatabaseCatalog databases, TableCatalog tables, ResourceTags tags) {
        this.databases = Objects.requireNonNull(databases, "databases");
        this.tables = Objects.requireNonNull(tables, "tables");
        this.tags = Objects.requireNonNull(tags, "tags");
    }

    @Override
    public CreateDatabaseResponse createDatabase(CreateDatabaseRequest request) {
        return CreateDatabaseResponse.newBuilder().setDatabase(databases.create(request)).build();
    }

    @Override
    public DescribeDatabaseResponse describeDatabase(DescribeDatabaseRequest request) {
        return DescribeDatabaseResponse.newBuilder().setDatabase(databases.describe(request.getDatabaseName())).build();
    }

    @Override
    public ListDatabasesResponse listDatabases(ListDatabasesRequest request) {
        return databases.list(request);
    }

    @Override
    public UpdateDatabaseResponse updateDatabase(UpdateDatabaseRequest request) {
        return UpdateDatabaseResponse.newBuilder().setDatabase(databases.update(request)).build();
    }

    @Override
    public DeleteDatabaseResponse deleteDatabase(DeleteDatabaseRequest request) {
        databases.delete(request.getDatabaseName());
        return DeleteDatabaseResponse.getDefaultInstance();
    }

    @Override
    public CreateTableResponse createTable(CreateTableRequest request) {
        return CreateTableResponse.newBuilder().setTable(tables.create(request)).build();
    }

    @Override
    public DescribeTableResponse describeTable(DescribeTableRequest request) {
        return DescribeTableResponse.newBuilder()
                .setTable(tables.describe(request.getDatabaseName(), request.getTableName())).build();
    }

    @Override
    public ListTablesResponse listTables(ListTablesRequest request) {
        return tables.list(request);
    }

    @Override
    public UpdateTableResponse updateTable(UpdateTableRequest request) {
        return UpdateTableResponse.newBuilder().setTable(tables.update(request)).build();
    }

    @Override
    public DeleteTableResponse deleteTable(DeleteTableRequest request) {
        tables.delete(request.getDatabaseName(), request.getTableName());
        return DeleteTableResponse.getDefaultInstance();
    }

    @Override
    public TagResourceResponse tagResource(TagResourceRequest request) {
        tags.tag(request.getResourceArn(), request.getTagsList());
        return TagResourceResponse.getDefaultInstance();
    }

    @Override
    public UntagResourceResponse untagResource(UntagResourceRequest request) {
        tags.untag(request.getResourceArn(), request.getTagKeysList());
        return UntagResourceResponse.getDefaultInstance();
    }

    @Override
    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request) {
        return ListTagsForResourceResponse.newBuilder().addAllTags(tags.list(request.getResourceArn())).build();
    }
}
