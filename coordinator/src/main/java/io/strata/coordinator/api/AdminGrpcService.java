package io.strata.coordinator.api;

import io.grpc.stub.StreamObserver;
import io.strata.api.v1.AdminServiceGrpc;
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
import io.strata.api.v1.DescribeEndpointsRequest;
import io.strata.api.v1.DescribeEndpointsResponse;
import io.strata.api.v1.DescribeTableRequest;
import io.strata.api.v1.DescribeTableResponse;
import io.strata.api.v1.Endpoint;
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
import java.util.Objects;

/**
 * The public AdminService over the catalog. Calls block a gRPC executor thread on ZooKeeper;
 * errors are answered through {@link GrpcErrors}.
 */
public final class AdminGrpcService extends AdminServiceGrpc.AdminServiceImplBase {
    /** Minutes a client may cache DescribeEndpoints' answer, as Timestream answers. */
    static final long ENDPOINT_CACHE_MINUTES = 1440;

    private final DatabaseCatalog databases;
    private final TableCatalog tables;
    private final ResourceTags tags;
    private final String advertisedAddress;

    /** @param advertisedAddress {@code host:port} of this node's gRPC API, for DescribeEndpoints */
    public AdminGrpcService(DatabaseCatalog databases, TableCatalog tables, ResourceTags tags, String advertisedAddress) {
        this.databases = Objects.requireNonNull(databases, "databases");
        this.tables = Objects.requireNonNull(tables, "tables");
        this.tags = Objects.requireNonNull(tags, "tags");
        this.advertisedAddress = Objects.requireNonNull(advertisedAddress, "advertisedAddress");
    }

    @Override
    public void createDatabase(CreateDatabaseRequest request, StreamObserver<CreateDatabaseResponse> observer) {
        GrpcErrors.answer(observer, () -> CreateDatabaseResponse.newBuilder().setDatabase(databases.create(request)).build());
    }

    @Override
    public void describeDatabase(DescribeDatabaseRequest request, StreamObserver<DescribeDatabaseResponse> observer) {
        GrpcErrors.answer(observer, () -> DescribeDatabaseResponse.newBuilder()
                .setDatabase(databases.describe(request.getDatabaseName())).build());
    }

    @Override
    public void listDatabases(ListDatabasesRequest request, StreamObserver<ListDatabasesResponse> observer) {
        GrpcErrors.answer(observer, () -> databases.list(request));
    }

    @Override
    public void updateDatabase(UpdateDatabaseRequest request, StreamObserver<UpdateDatabaseResponse> observer) {
        GrpcErrors.answer(observer, () -> UpdateDatabaseResponse.newBuilder().setDatabase(databases.update(request)).build());
    }

    @Override
    public void deleteDatabase(DeleteDatabaseRequest request, StreamObserver<DeleteDatabaseResponse> observer) {
        GrpcErrors.answer(observer, () -> {
            databases.delete(request.getDatabaseName());
            return DeleteDatabaseResponse.getDefaultInstance();
        });
    }

    @Override
    public void createTable(CreateTableRequest request, StreamObserver<CreateTableResponse> observer) {
        GrpcErrors.answer(observer, () -> CreateTableResponse.newBuilder().setTable(tables.create(request)).build());
    }

    @Override
    public void describeTable(DescribeTableRequest request, StreamObserver<DescribeTableResponse> observer) {
        GrpcErrors.answer(observer, () -> DescribeTableResponse.newBuilder()
                .setTable(tables.describe(request.getDatabaseName(), request.getTableName())).build());
    }

    @Override
    public void listTables(ListTablesRequest request, StreamObserver<ListTablesResponse> observer) {
        GrpcErrors.answer(observer, () -> tables.list(request));
    }

    @Override
    public void updateTable(UpdateTableRequest request, StreamObserver<UpdateTableResponse> observer) {
        GrpcErrors.answer(observer, () -> UpdateTableResponse.newBuilder().setTable(tables.update(request)).build());
    }

    @Override
    public void deleteTable(DeleteTableRequest request, StreamObserver<DeleteTableResponse> observer) {
        GrpcErrors.answer(observer, () -> {
            tables.delete(request.getDatabaseName(), request.getTableName());
            return DeleteTableResponse.getDefaultInstance();
        });
    }

    @Override
    public void tagResource(TagResourceRequest request, StreamObserver<TagResourceResponse> observer) {
        GrpcErrors.answer(observer, () -> {
            tags.tag(request.getResourceArn(), request.getTagsList());
            return TagResourceResponse.getDefaultInstance();
        });
    }

    @Override
    public void untagResource(UntagResourceRequest request, StreamObserver<UntagResourceResponse> observer) {
        GrpcErrors.answer(observer, () -> {
            tags.untag(request.getResourceArn(), request.getTagKeysList());
            return UntagResourceResponse.getDefaultInstance();
        });
    }

    @Override
    public void listTagsForResource(ListTagsForResourceRequest request,
                                    StreamObserver<ListTagsForResourceResponse> observer) {
        GrpcErrors.answer(observer, () -> ListTagsForResourceResponse.newBuilder()
                .addAllTags(tags.list(request.getResourceArn())).build());
    }

    @Override
    public void describeEndpoints(DescribeEndpointsRequest request, StreamObserver<DescribeEndpointsResponse> observer) {
        GrpcErrors.answer(observer, () -> DescribeEndpointsResponse.newBuilder()
                .addEndpoints(Endpoint.newBuilder().setAddress(advertisedAddress)
                        .setCachePeriodInMinutes(ENDPOINT_CACHE_MINUTES))
                .build());
    }
}
