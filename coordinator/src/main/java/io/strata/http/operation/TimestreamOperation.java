package io.strata.http.operation;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every operation of Timestream's write and query APIs (API version 2018-11-01). Both APIs share
 * the {@code X-Amz-Target} prefix, so DescribeEndpoints, TagResource, UntagResource and
 * ListTagsForResource appear once: their handler tells the two APIs apart by the resource ARN.
 */
public enum TimestreamOperation {
    // timestream-write
    CREATE_BATCH_LOAD_TASK("CreateBatchLoadTask"),
    CREATE_DATABASE("CreateDatabase"),
    CREATE_TABLE("CreateTable"),
    DELETE_DATABASE("DeleteDatabase"),
    DELETE_TABLE("DeleteTable"),
    DESCRIBE_BATCH_LOAD_TASK("DescribeBatchLoadTask"),
    DESCRIBE_DATABASE("DescribeDatabase"),
    DESCRIBE_TABLE("DescribeTable"),
    LIST_BATCH_LOAD_TASKS("ListBatchLoadTasks"),
    LIST_DATABASES("ListDatabases"),
    LIST_TABLES("ListTables"),
    RESUME_BATCH_LOAD_TASK("ResumeBatchLoadTask"),
    UPDATE_DATABASE("UpdateDatabase"),
    UPDATE_TABLE("UpdateTable"),
    WRITE_RECORDS("WriteRecords"),
    // both APIs
    DESCRIBE_ENDPOINTS("DescribeEndpoints"),
    LIST_TAGS_FOR_RESOURCE("ListTagsForResource"),
    TAG_RESOURCE("TagResource"),
    UNTAG_RESOURCE("UntagResource"),
    // timestream-query
    CANCEL_QUERY("CancelQuery"),
    CREATE_SCHEDULED_QUERY("CreateScheduledQuery"),
    DELETE_SCHEDULED_QUERY("DeleteScheduledQuery"),
    DESCRIBE_ACCOUNT_SETTINGS("DescribeAccountSettings"),
    DESCRIBE_SCHEDULED_QUERY("DescribeScheduledQuery"),
    EXECUTE_SCHEDULED_QUERY("ExecuteScheduledQuery"),
    LIST_SCHEDULED_QUERIES("ListScheduledQueries"),
    PREPARE_QUERY("PrepareQuery"),
    QUERY("Query"),
    UPDATE_ACCOUNT_SETTINGS("UpdateAccountSettings"),
    UPDATE_SCHEDULED_QUERY("UpdateScheduledQuery");

    private static final Map<String, TimestreamOperation> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(TimestreamOperation::operationName, Function.identity()));

    private final String operationName;

    TimestreamOperation(String operationName) {
        this.operationName = operationName;
    }

    /** The name after {@code Timestream_20181101.} in {@code X-Amz-Target}, e.g. {@code WriteRecords}. */
    public String operationName() {
        return operationName;
    }

    /** The operation called exactly {@code name} (case-sensitive, as the SDKs send it). */
    public static Optional<TimestreamOperation> fromOperationName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
