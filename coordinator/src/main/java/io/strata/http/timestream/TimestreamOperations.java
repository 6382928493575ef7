package io.strata.http.timestream;

import io.strata.api.v1.ListTagsForResourceRequest;
import io.strata.api.v1.TagResourceRequest;
import io.strata.api.v1.UntagResourceRequest;
import io.strata.core.error.ResourceNotFoundException;
import io.strata.http.operation.OperationRegistry;
import io.strata.http.operation.TimestreamOperation;
import java.util.Objects;
import java.util.function.Function;

/**
 * Registers the engine's operations as the HTTP endpoint's handlers, each behind its JSON codec,
 * so the endpoint serves exactly what the gRPC services serve.
 *
 * <p>TagResource, UntagResource and ListTagsForResource have one target for both Timestream APIs,
 * so the ARN decides: the write API tags databases and tables, the query API scheduled queries.
 * Strata has no scheduled queries, so a scheduled-query ARN names a resource that does not exist;
 * every other ARN goes to {@link AdminOperations}, which judges it.
 */
public final class TimestreamOperations {
    /** The resource part of {@code arn:aws:timestream:<region>:<account>:scheduled-query/<name>}. */
    private static final String SCHEDULED_QUERY_RESOURCE = ":scheduled-query/";

    private TimestreamOperations() {
    }

    /** A registry serving every operation the engine implements. */
    public static OperationRegistry registry(AdminOperations admin, WriteOperations write, QueryOperations query) {
        OperationRegistry.Builder builder = OperationRegistry.builder();
        registerAdmin(builder, admin);
        registerWrite(builder, write);
        registerQuery(builder, query);
        return builder.build();
    }

    /** Databases, tables and tags of {@code timestream-write} (and tag calls of {@code timestream-query}). */
    public static OperationRegistry.Builder registerAdmin(OperationRegistry.Builder builder, AdminOperations admin) {
        Objects.requireNonNull(admin, "admin");
        return builder
                .register(TimestreamOperation.CREATE_DATABASE,
                        new ProtoOperationHandler<>(AdminJsonCodec.CREATE_DATABASE, admin::createDatabase))
                .register(TimestreamOperation.DESCRIBE_DATABASE,
                        new ProtoOperationHandler<>(AdminJsonCodec.DESCRIBE_DATABASE, admin::describeDatabase))
                .register(TimestreamOperation.LIST_DATABASES,
                        new ProtoOperationHandler<>(AdminJsonCodec.LIST_DATABASES, admin::listDatabases))
                .register(TimestreamOperation.UPDATE_DATABASE,
                        new ProtoOperationHandler<>(AdminJsonCodec.UPDATE_DATABASE, admin::updateDatabase))
                .register(TimestreamOperation.DELETE_DATABASE,
                        new ProtoOperationHandler<>(AdminJsonCodec.DELETE_DATABASE, admin::deleteDatabase))
                .register(TimestreamOperation.CREATE_TABLE,
                        new ProtoOperationHandler<>(AdminJsonCodec.CREATE_TABLE, admin::createTable))
                .register(TimestreamOperation.DESCRIBE_TABLE,
                        new ProtoOperationHandler<>(AdminJsonCodec.DESCRIBE_TABLE, admin::describeTable))
                .register(TimestreamOperation.LIST_TABLES,
                        new ProtoOperationHandler<>(AdminJsonCodec.LIST_TABLES, admin::listTables))
                .register(TimestreamOperation.UPDATE_TABLE,
                        new ProtoOperationHandler<>(AdminJsonCodec.UPDATE_TABLE, admin::updateTable))
                .register(TimestreamOperation.DELETE_TABLE,
                        new ProtoOperationHandler<>(AdminJsonCodec.DELETE_TABLE, admin::deleteTable))
                .register(TimestreamOperation.TAG_RESOURCE,
                        new ProtoOperationHandler<>(AdminJsonCodec.TAG_RESOURCE, byArn(
                                TagResourceRequest::getResourceArn, admin::tagResource)))
                .register(TimestreamOperation.UNTAG_RESOURCE,
                        new ProtoOperationHandler<>(AdminJsonCodec.UNTAG_RESOURCE, byArn(
                                UntagResourceRequest::getResourceArn, admin::untagResource)))
                .register(TimestreamOperation.LIST_TAGS_FOR_RESOURCE,
                        new ProtoOperationHandler<>(AdminJsonCodec.LIST_TAGS_FOR_RESOURCE, byArn(
                                ListTagsForResourceRequest::getResourceArn, admin::listTagsForResource)));
    }

    public static OperationRegistry.Builder registerWrite(OperationRegistry.Builder builder, WriteOperations write) {
        Objects.requireNonNull(write, "write");
        return builder.register(TimestreamOperation.WRITE_RECORDS,
                new ProtoOperationHandler<>(WriteJsonCodec.WRITE_RECORDS, write::writeRecords));
    }

    public static OperationRegistry.Builder registerQuery(OperationRegistry.Builder builder, QueryOperations query) {
        Objects.requireNonNull(query, "query");
        return builder
                .register(TimestreamOperation.QUERY, new ProtoOperationHandler<>(QueryJsonCodec.QUERY, query::query))
                .register(TimestreamOperation.CANCEL_QUERY,
                        new ProtoOperationHandler<>(QueryJsonCodec.CANCEL_QUERY, query::cancelQuery))
                .register(TimestreamOperation.PREPARE_QUERY,
                        new ProtoOperationHandler<>(QueryJsonCodec.PREPARE_QUERY, query::prepareQuery));
    }

    /** {@code operation} for database and table ARNs; ResourceNotFound for scheduled-query ARNs. */
    private static <Q, R> Function<Q, R> byArn(Function<Q, String> arnOf, Function<Q, R> operation) {
        return request -> {
            String arn = arnOf.apply(request);
            if (arn.contains(SCHEDULED_QUERY_RESOURCE)) {
                throw new ResourceNotFoundException("The scheduled query " + arn
                        + " does not exist: this Strata endpoint has no scheduled queries.");
            }
            return operation.apply(request);
        };
    }
}
