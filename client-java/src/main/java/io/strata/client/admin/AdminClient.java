package io.strata.client.admin;

import io.strata.api.v1.AdminServiceGrpc;
import io.strata.api.v1.CreateDatabaseRequest;
import io.strata.api.v1.CreateTableRequest;
import io.strata.api.v1.Database;
import io.strata.api.v1.DeleteDatabaseRequest;
import io.strata.api.v1.DeleteTableRequest;
import io.strata.api.v1.DescribeClusterRequest;
import io.strata.api.v1.DescribeClusterResponse;
import io.strata.api.v1.DescribeDatabaseRequest;
import io.strata.api.v1.DescribeTableRequest;
import io.strata.api.v1.ListDatabasesRequest;
import io.strata.api.v1.ListDatabasesResponse;
import io.strata.api.v1.ListTablesRequest;
import io.strata.api.v1.ListTablesResponse;
import io.strata.api.v1.ListTagsForResourceRequest;
import io.strata.api.v1.Table;
import io.strata.api.v1.Tag;
import io.strata.api.v1.TagResourceRequest;
import io.strata.api.v1.UntagResourceRequest;
import io.strata.api.v1.UpdateDatabaseRequest;
import io.strata.api.v1.UpdateTableRequest;
import io.strata.client.transport.Blocking;
import io.strata.client.transport.RetryPolicy;
import io.strata.client.transport.RetryingCaller;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Databases, tables and tags: blocking, typed methods over {@code strata.v1.AdminService}, in
 * Timestream's shapes (the generated {@code io.strata.api.v1} messages).
 *
 * <p>Thread-safe. Every method blocks until the call ends and throws a
 * {@link io.strata.client.error.StrataClientException} on failure (e.g. {@code ConflictException}
 * when a database exists). Retryable failures are retried with the client's policy; because a
 * retried create or delete may have succeeded the first time, a retry can end in
 * {@code ConflictException} (create) or {@code ResourceNotFoundException} (delete).
 */
public final class AdminClient {
    private final RetryingCaller caller;
    private final RetryPolicy policy;

    /**
     * @param caller sends the calls
     * @param policy retries of every admin call
     */
    public AdminClient(RetryingCaller caller, RetryPolicy policy) {
        this.caller = Objects.requireNonNull(caller, "caller");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Creates a database with a service-managed key and no tags. */
    public Database createDatabase(String databaseName) {
        return createDatabase(CreateDatabaseRequest.newBuilder().setDatabaseName(databaseName).build());
    }

    /** Creates a database (KMS key, tags as given in the request). */
    public Database createDatabase(CreateDatabaseRequest request) {
        return Blocking.await(caller.call(AdminServiceGrpc.getCreateDatabaseMethod(), request, policy)).getDatabase();
    }

    /** The database named {@code databaseName}. */
    public Database describeDatabase(String databaseName) {
        DescribeDatabaseRequest request = DescribeDatabaseRequest.newBuilder().setDatabaseName(databaseName).build();
        return Blocking.await(caller.call(AdminServiceGrpc.getDescribeDatabaseMethod(), request, policy)).getDatabase();
    }

    /** Every database, in name order (all pages). */
    public List<Database> listDatabases() {
        List<Database> databases = new ArrayList<>();
        String nextToken = null;
        do {
            ListDatabasesRequest.Builder request = ListDatabasesRequest.newBuilder();
            if (nextToken != null) {
                request.setNextToken(nextToken);
            }
            ListDatabasesResponse page = Blocking.await(caller.call(AdminServiceGrpc.getListDatabasesMethod(), request.build(), policy));
            databases.addAll(page.getDatabasesList());
            nextToken = page.hasNextToken() ? page.getNextToken() : null;
        } while (nextToken != null);
        return databases;
    }

    /** Sets the database's KMS key; the same key is a no-op. */
    public Database updateDatabase(String databaseName, String kmsKeyId) {
        UpdateDatabaseRequest request = UpdateDatabaseRequest.newBuilder().setDatabaseName(databaseName).setKmsKeyId(kmsKeyId).build();
        return Blocking.await(caller.call(AdminServiceGrpc.getUpdateDatabaseMethod(), request, policy)).getDatabase();
    }

    /** Deletes an empty database. */
    public void deleteDatabase(String databaseName) {
        DeleteDatabaseRequest request = DeleteDatabaseRequest.newBuilder().setDatabaseName(databaseName).build();
        Blocking.await(caller.call(AdminServiceGrpc.getDeleteDatabaseMethod(), request, policy));
    }

    /** Creates a table with the default retention, schema and magnetic-store settings. */
    public Table createTable(String databaseName, String tableName) {
        return createTable(CreateTableRequest.newBuilder().setDatabaseName(databaseName).setTableName(tableName).build());
    }

    /** Creates a table (retention, schema, magnetic-store writes, tags as given in the request). */
    public Table createTable(CreateTableRequest request) {
        return Blocking.await(caller.call(AdminServiceGrpc.getCreateTableMethod(), request, policy)).getTable();
    }

    /** The table {@code tableName} of database {@code databaseName}. */
    public Table describeTable(String databaseName, String tableName) {
        DescribeTableRequest request = DescribeTableRequest.newBuilder().setDatabaseName(databaseName).setTableName(tableName).build();
        return Blocking.await(caller.call(AdminServiceGrpc.getDescribeTableMethod(), request, policy)).getTable();
    }

    /** Every table of {@code databaseName} in name order (all pages); {@code null} lists all databases' tables. */
    public List<Table> listTables(String databaseName) {
        List<Table> tables = new ArrayList<>();
        String nextToken = null;
        do {
            ListTablesRequest.Builder request = ListTablesRequest.newBuilder();
            if (databaseName != null) {
                request.setDatabaseName(databaseName);
            }
            if (nextToken != null) {
                request.setNextToken(nextToken);
            }
            ListTablesResponse page = Blocking.await(caller.call(AdminServiceGrpc.getListTablesMethod(), request.build(), policy));
            tables.addAll(page.getTablesList());
            nextToken = page.hasNextToken() ? page.getNextToken() : null;
        } while (nextToken != null);
        return tables;
    }

    /** Changes retention, magnetic-store writes or partition-key enforcement; absent members stay. */
    public Table updateTable(UpdateTableRequest request) {
        return Blocking.await(caller.call(AdminServiceGrpc.getUpdateTableMethod(), request, policy)).getTable();
    }

    /** Deletes a table and its data, irreversibly. */
    public void deleteTable(String databaseName, String tableName) {
        DeleteTableRequest request = DeleteTableRequest.newBuilder().setDatabaseName(databaseName).setTableName(tableName).build();
        Blocking.await(caller.call(AdminServiceGrpc.getDeleteTableMethod(), request, policy));
    }

    /** Adds or replaces tags (key to value) on the database or table with ARN {@code resourceArn}. */
    public void tagResource(String resourceArn, Map<String, String> tags) {
        TagResourceRequest.Builder request = TagResourceRequest.newBuilder().setResourceArn(resourceArn);
        tags.forEach((key, value) -> request.addTags(Tag.newBuilder().setKey(key).setValue(value)));
        Blocking.await(caller.call(AdminServiceGrpc.getTagResourceMethod(), request.build(), policy));
    }

    /** Removes the tags with the given keys; unknown keys are ignored. */
    public void untagResource(String resourceArn, Collection<String> tagKeys) {
        UntagResourceRequest request = UntagResourceRequest.newBuilder().setResourceArn(resourceArn).addAllTagKeys(tagKeys).build();
        Blocking.await(caller.call(AdminServiceGrpc.getUntagResourceMethod(), request, policy));
    }

    /** The tags of the database or table with ARN {@code resourceArn}, in key order. */
    public List<Tag> listTagsForResource(String resourceArn) {
        ListTagsForResourceRequest request = ListTagsForResourceRequest.newBuilder().setResourceArn(resourceArn).build();
        return Blocking.await(caller.call(AdminServiceGrpc.getListTagsForResourceMethod(), request, policy)).getTagsList();
    }

    /**
     * The cluster's nodes and Raft groups (leaders, each peer's commit and applied index and lag) as
     * the node that answers sees them: Strata's own call, for {@code strata admin cluster status}.
     */
    public DescribeClusterResponse describeCluster() {
        return Blocking.await(caller.call(AdminServiceGrpc.getDescribeClusterMethod(),
                DescribeClusterRequest.getDefaultInstance(), policy));
    }
}
