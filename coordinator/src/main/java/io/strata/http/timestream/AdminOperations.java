package io.strata.http.timestream;

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

/**
 * The engine's catalog and tagging operations (strata.v1 AdminService, without DescribeEndpoints,
 * which each API answers with its own address). The gRPC service and the HTTP endpoint call the
 * same implementation, so a request means the same over both.
 *
 * <p><b>Threading:</b> called concurrently from gRPC executor threads and HTTP worker threads;
 * implementations are thread-safe and may block (on ZooKeeper).
 *
 * <p><b>Ordering:</b> none between calls. A call's effect is visible to every later call on any
 * node once it returns; concurrent changes to one resource: first writer wins.
 *
 * <p><b>Idempotence:</b> Describe/List are read-only. A retried Create answers ConflictException,
 * a retried Delete ResourceNotFoundException (clients treat both as the first call's success);
 * Update, Tag and Untag converge to the same state when repeated.
 *
 * <p><b>Errors:</b> {@link io.strata.core.error.StrataException}s with Timestream's names
 * (ValidationException, ConflictException, ResourceNotFoundException,
 * ServiceQuotaExceededException ...); the requests arrive unvalidated beyond JSON types and enum
 * strings, so the implementation validates every member.
 */
public interface AdminOperations {
    CreateDatabaseResponse createDatabase(CreateDatabaseRequest request);

    DescribeDatabaseResponse describeDatabase(DescribeDatabaseRequest request);

    ListDatabasesResponse listDatabases(ListDatabasesRequest request);

    UpdateDatabaseResponse updateDatabase(UpdateDatabaseRequest request);

    DeleteDatabaseResponse deleteDatabase(DeleteDatabaseRequest request);

    CreateTableResponse createTable(CreateTableRequest request);

    DescribeTableResponse describeTable(DescribeTableRequest request);

    ListTablesResponse listTables(ListTablesRequest request);

    UpdateTableResponse updateTable(UpdateTableRequest request);

    DeleteTableResponse deleteTable(DeleteTableRequest request);

    /** Tags a database or table, named by its ARN. */
    TagResourceResponse tagResource(TagResourceRequest request);

    /** Removes tags from a database or table, named by its ARN. */
    UntagResourceResponse untagResource(UntagResourceRequest request);

    /** The tags of a database or table, named by its ARN. */
    ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request);
}
