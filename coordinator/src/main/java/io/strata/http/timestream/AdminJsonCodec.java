package io.strata.http.timestream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Message;
import io.strata.api.v1.CreateDatabaseRequest;
import io.strata.api.v1.CreateDatabaseResponse;
import io.strata.api.v1.CreateTableRequest;
import io.strata.api.v1.CreateTableResponse;
import io.strata.api.v1.Database;
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
import io.strata.api.v1.Table;
import io.strata.api.v1.TagResourceRequest;
import io.strata.api.v1.TagResourceResponse;
import io.strata.api.v1.UntagResourceRequest;
import io.strata.api.v1.UntagResourceResponse;
import io.strata.api.v1.UpdateDatabaseRequest;
import io.strata.api.v1.UpdateDatabaseResponse;
import io.strata.api.v1.UpdateTableRequest;
import io.strata.api.v1.UpdateTableResponse;

/**
 * The JSON encoding of {@code timestream-write}'s catalog and tagging operations (AdminService).
 * Required members that are absent stay at the proto default: the engine's validation judges
 * them, the same for gRPC and HTTP.
 */
public final class AdminJsonCodec {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    public static final OperationCodec<CreateDatabaseRequest, CreateDatabaseResponse> CREATE_DATABASE =
            new OperationCodec<>(members -> {
                CreateDatabaseRequest.Builder builder = CreateDatabaseRequest.newBuilder();
                members.string("DatabaseName").ifPresent(builder::setDatabaseName);
                members.string("KmsKeyId").ifPresent(builder::setKmsKeyId);
                builder.addAllTags(CatalogJson.tags(members));
                return builder.build();
            }, response -> database(response.hasDatabase(), response.getDatabase()));

    public static final OperationCodec<DescribeDatabaseRequest, DescribeDatabaseResponse> DESCRIBE_DATABASE =
            new OperationCodec<>(members -> {
                DescribeDatabaseRequest.Builder builder = DescribeDatabaseRequest.newBuilder();
                members.string("DatabaseName").ifPresent(builder::setDatabaseName);
                return builder.build();
            }, response -> database(response.hasDatabase(), response.getDatabase()));

    public static final OperationCodec<ListDatabasesRequest, ListDatabasesResponse> LIST_DATABASES =
            new OperationCodec<>(members -> {
                ListDatabasesRequest.Builder builder = ListDatabasesRequest.newBuilder();
                members.string("NextToken").ifPresent(builder::setNextToken);
                members.intValue("MaxResults").ifPresent(builder::setMaxResults);
                return builder.build();
            }, response -> {
                ObjectNode json = JSON.objectNode();
                ArrayNode databases = json.putArray("Databases");
                for (Database database : response.getDatabasesList()) {
                    databases.add(CatalogJson.database(database));
                }
                if (response.hasNextToken()) {
                    json.put("NextToken", response.getNextToken());
                }
                return json;
            });

    public static final OperationCodec<UpdateDatabaseRequest, UpdateDatabaseResponse> UPDATE_DATABASE =
            new OperationCodec<>(members -> {
                UpdateDatabaseRequest.Builder builder = UpdateDatabaseRequest.newBuilder();
                members.string("DatabaseName").ifPresent(builder::setDatabaseName);
                members.string("KmsKeyId").ifPresent(builder::setKmsKeyId);
                return builder.build();
            }, response -> database(response.hasDatabase(), response.getDatabase()));

    public static final OperationCodec<DeleteDatabaseRequest, DeleteDatabaseResponse> DELETE_DATABASE =
            new OperationCodec<>(members -> {
                DeleteDatabaseRequest.Builder builder = DeleteDatabaseRequest.newBuilder();
                members.string("DatabaseName").ifPresent(builder::setDatabaseName);
                return builder.build();
            }, AdminJsonCodec::empty);

    public static final OperationCodec<CreateTableRequest, CreateTableResponse> CREATE_TABLE =
            new OperationCodec<>(members -> {
                CreateTableRequest.Builder builder = CreateTableRequest.newBuilder();
                members.string("DatabaseName").ifPresent(builder::setDatabaseName);
                members.string("TableName").ifPresent(builder::setTableName);
                members.structure("RetentionProperties")
                        .ifPresent(retention -> builder.setRetentionProperties(CatalogJson.retentionProperties(retention)));
                builder.addAllTags(CatalogJson.tags(members));
                members.structure("MagneticStoreWriteProperties").ifPresent(properties ->
                        builder.setMagneticStoreWriteProperties(CatalogJson.magneticStoreWriteProperties(properties)));
                members.structure("Schema").ifPresent(schema -> builder.setSchema(CatalogJson.schema(schema)));
                return builder.build();
            }, response -> table(response.hasTable(), response.getTable()));

    public static final OperationCodec<DescribeTableRequest, DescribeTableResponse> DESCRIBE_TABLE =
            new OperationCodec<>(members -> {
                DescribeTableRequest.Builder builder = DescribeTableRequest.newBuilder();
                members.string("DatabaseName").ifPresent(builder::setDatabaseName);
                members.string("TableName").ifPresent(builder::setTableName);
                return builder.build();
            }, response -> table(response.hasTable(), response.getTable()));

    public static final OperationCodec<ListTablesRequest, ListTablesResponse> LIST_TABLES =
            new OperationCodec<>(members -> {
                ListTablesRequest.Builder builder = ListTablesRequest.newBuilder();
                members.string("DatabaseName").ifPresent(builder::setDatabaseName);
                members.string("NextToken").ifPresent(builder::setNextToken);
                members.intValue("MaxResults").ifPresent(builder::setMaxResults);
                return builder.build();
            }, response -> {
                ObjectNode json = JSON.objectNode();
                ArrayNode tables = json.putArray("Tables");
                for (Table table : response.getTablesList()) {
                    tables.add(CatalogJson.table(table));
                }
                if (response.hasNextToken()) {
                    json.put("NextToken", response.getNextToken());
                }
                return json;
            });

    public static final OperationCodec<UpdateTableRequest, UpdateTableResponse> UPDATE_TABLE =
            new OperationCodec<>(members -> {
                UpdateTableRequest.Builder builder = UpdateTableRequest.newBuilder();
                members.string("DatabaseName").ifPresent(builder::setDatabaseName);
                members.string("TableName").ifPresent(builder::setTableName);
                members.structure("RetentionProperties")
                        .ifPresent(retention -> builder.setRetentionProperties(CatalogJson.retentionProperties(retention)));
                members.structure("MagneticStoreWriteProperties").ifPresent(properties ->
                        builder.setMagneticStoreWriteProperties(CatalogJson.magneticStoreWriteProperties(properties)));
                members.structure("Schema").ifPresent(schema -> builder.setSchema(CatalogJson.schema(schema)));
                return builder.build();
            }, response -> table(response.hasTable(), response.getTable()));

    public static final OperationCodec<DeleteTableRequest, DeleteTableResponse> DELETE_TABLE =
            new OperationCodec<>(members -> {
                DeleteTableRequest.Builder builder = DeleteTableRequest.newBuilder();
                members.string("DatabaseName").ifPresent(builder::setDatabaseName);
                members.string("TableName").ifPresent(builder::setTableName);
                return builder.build();
            }, AdminJsonCodec::empty);

    public static final OperationCodec<TagResourceRequest, TagResourceResponse> TAG_RESOURCE =
            new OperationCodec<>(members -> {
                TagResourceRequest.Builder builder = TagResourceRequest.newBuilder();
                members.string("ResourceARN").ifPresent(builder::setResourceArn);
                builder.addAllTags(CatalogJson.tags(members));
                return builder.build();
            }, AdminJsonCodec::empty);

    public static final OperationCodec<UntagResourceRequest, UntagResourceResponse> UNTAG_RESOURCE =
            new OperationCodec<>(members -> {
                UntagResourceRequest.Builder builder = UntagResourceRequest.newBuilder();
                members.string("ResourceARN").ifPresent(builder::setResourceArn);
                builder.addAllTagKeys(members.strings("TagKeys"));
                return builder.build();
            }, AdminJsonCodec::empty);

    public static final OperationCodec<ListTagsForResourceRequest, ListTagsForResourceResponse> LIST_TAGS_FOR_RESOURCE =
            new OperationCodec<>(members -> {
                ListTagsForResourceRequest.Builder builder = ListTagsForResourceRequest.newBuilder();
                members.string("ResourceARN").ifPresent(builder::setResourceArn);
                return builder.build();
            }, response -> {
                ObjectNode json = JSON.objectNode();
                json.set("Tags", CatalogJson.tags(response.getTagsList()));
                return json;
            });

    private AdminJsonCodec() {
    }

    private static ObjectNode database(boolean present, Database database) {
        ObjectNode json = JSON.objectNode();
        if (present) {
            json.set("Database", CatalogJson.database(database));
        }
        return json;
    }

    private static ObjectNode table(boolean present, Table table) {
        ObjectNode json = JSON.objectNode();
        if (present) {
            json.set("Table", CatalogJson.table(table));
        }
        return json;
    }

    /** Operations without output answer {@code {}}. */
    private static ObjectNode empty(Message ignored) {
        return JSON.objectNode();
    }
}
