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
import io.strata.api.v1.DescribeClusterRequest;
import io.strata.api.v1.DescribeClusterResponse;
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
import io.strata.http.timestream.AdminOperations;
import io.strata.core.error.ServiceUnavailableException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The public AdminService: a thin gRPC adapter over the node's {@link AdminOperations} engine, which
 * the Timestream HTTP endpoint calls too. Calls block a gRPC executor thread on ZooKeeper; errors
 * are answered through {@link GrpcErrors}. DescribeEndpoints is answered here with this node's gRPC
 * address (the HTTP endpoint answers its own). DescribeCluster (Strata's own) is answered by the
 * node's cluster view given at construction.
 */
public final class AdminGrpcService extends AdminServiceGrpc.AdminServiceImplBase {
    /** Minutes a client may cache DescribeEndpoints' answer, as Timestream answers. */
    static final long ENDPOINT_CACHE_MINUTES = 1440;

    private final AdminOperations admin;
    private final String advertisedAddress;
    private final Supplier<DescribeClusterResponse> clusterStatus;

    /** A service that answers DescribeCluster with ServiceUnavailableException (no cluster view). */
    public AdminGrpcService(AdminOperations admin, String advertisedAddress) {
        this(admin, advertisedAddress, () -> {
            throw new ServiceUnavailableException("This endpoint does not report the cluster's status.");
        });
    }

    /**
     * @param advertisedAddress {@code host:port} of this node's gRPC API, for DescribeEndpoints
     * @param clusterStatus answers DescribeCluster (blocking, on a gRPC executor thread)
     */
    public AdminGrpcService(AdminOperations admin, String advertisedAddress,
            Supplier<DescribeClusterResponse> clusterStatus) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.advertisedAddress = Objects.requireNonNull(advertisedAddress, "advertisedAddress");
        this.clusterStatus = Objects.requireNonNull(clusterStatus, "clusterStatus");
    }

    @Override
    public void describeCluster(DescribeClusterRequest request, StreamObserver<DescribeClusterResponse> observer) {
        GrpcErrors.answer(observer, clusterStatus::get);
    }

    @Override
    public void createDatabase(CreateDatabaseRequest request, StreamObserver<CreateDatabaseResponse> observer) {
        GrpcErrors.answer(observer, () -> admin.createDatabase(request));
    }

    @Override
    public void describeDatabase(DescribeDatabaseRequest request, StreamObserver<DescribeDatabaseResponse> observer) {
        GrpcErrors.answer(observer, () -> admin.describeDatabase(request));
    }

    @Override
    public void listDatabases(ListDatabasesRequest request, StreamObserver<ListDatabasesResponse> observer) {
        GrpcErrors.answer(observer, () -> admin.listDatabases(request));
    }

    @Override
    public void updateDatabase(UpdateDatabaseRequest request, StreamObserver<UpdateDatabaseResponse> observer) {
        GrpcErrors.answer(observer, () -> admin.updateDatabase(request));
    }

    @Override
    public void deleteDatabase(DeleteDatabaseRequest request, StreamObserver<DeleteDatabaseResponse> observer) {
        GrpcErrors.answer(observer, () -> admin.deleteDatabase(request));
    }

    @Override
    public void createTable(CreateTableRequest request, StreamObserver<CreateTableResponse> observer) {
        GrpcErrors.answer(observer, () -> admin.createTable(request));
    }

    @Override
    public void describeTable(DescribeTableRequest request, StreamObserver<DescribeTableResponse> observer) {
        GrpcErrors.answer(observer, () -> admin.describeTable(request));
    }

    @Override
    public void listTables(ListTablesRequest request, StreamObserver<ListTablesResponse> observer) {
        GrpcErrors.answer(observer, () -> admin.listTables(request));
    }

    @Override
    public void updateTable(UpdateTableRequest request, StreamObserver<UpdateTableResponse> observer) {
        GrpcErrors.answer(observer, () -> admin.updateTable(request));
    }

    @Override
    public void deleteTable(DeleteTableRequest request, StreamObserver<DeleteTableResponse> observer) {
        GrpcErrors.answer(observer, () -> admin.deleteTable(request));
    }

    @Override
    public void tagResource(TagResourceRequest request, StreamObserver<TagResourceResponse> observer) {
        GrpcErrors.answer(observer, () -> admin.tagResource(request));
    }

    @Override
    public void untagResource(UntagResourceRequest request, StreamObserver<UntagResourceResponse> observer) {
        GrpcErrors.answer(observer, () -> admin.untagResource(request));
    }

    @Override
    public void listTagsForResource(ListTagsForResourceRequest request, StreamObserver<ListTagsForResourceResponse> observer) {
        GrpcErrors.answer(observer, () -> admin.listTagsForResource(request));
    }

    @Override
    public void describeEndpoints(DescribeEndpointsRequest request, StreamObserver<DescribeEndpointsResponse> observer) {
        GrpcErrors.answer(observer, () -> DescribeEndpointsResponse.newBuilder()
                .addEndpoints(Endpoint.newBuilder().setAddress(advertisedAddress)
                        .setCachePeriodInMinutes(ENDPOINT_CACHE_MINUTES))
                .build());
    }
}
