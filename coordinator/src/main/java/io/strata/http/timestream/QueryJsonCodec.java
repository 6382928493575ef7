package io.strata.http.timestream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.api.v1.CancelQueryRequest;
import io.strata.api.v1.CancelQueryResponse;
import io.strata.api.v1.ParameterMapping;
import io.strata.api.v1.PrepareQueryRequest;
import io.strata.api.v1.PrepareQueryResponse;
import io.strata.api.v1.QueryRequest;
import io.strata.api.v1.QueryResponse;
import io.strata.api.v1.SelectColumn;

/**
 * The JSON encoding of {@code timestream-query}'s Query, CancelQuery and PrepareQuery
 * (QueryService). {@code QueryInsights} is not part of strata.v1 and is ignored like any unknown
 * member.
 */
public final class QueryJsonCodec {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    public static final OperationCodec<QueryRequest, QueryResponse> QUERY = new OperationCodec<>(members -> {
        QueryRequest.Builder builder = QueryRequest.newBuilder();
        members.string("QueryString").ifPresent(builder::setQueryString);
        members.string("ClientToken").ifPresent(builder::setClientToken);
        members.string("NextToken").ifPresent(builder::setNextToken);
        members.intValue("MaxRows").ifPresent(builder::setMaxRows);
        return builder.build();
    }, response -> {
        ObjectNode json = JSON.objectNode().put("QueryId", response.getQueryId());
        if (response.hasNextToken()) {
            json.put("NextToken", response.getNextToken());
        }
        // Rows and ColumnInfo are required members: present even when empty.
        json.set("Rows", QueryResultJson.rows(response.getRowsList()));
        json.set("ColumnInfo", QueryResultJson.columns(response.getColumnInfoList()));
        if (response.hasQueryStatus()) {
            json.set("QueryStatus", QueryResultJson.queryStatus(response.getQueryStatus()));
        }
        return json;
    });

    public static final OperationCodec<CancelQueryRequest, CancelQueryResponse> CANCEL_QUERY =
            new OperationCodec<>(members -> {
                CancelQueryRequest.Builder builder = CancelQueryRequest.newBuilder();
                members.string("QueryId").ifPresent(builder::setQueryId);
                return builder.build();
            }, response -> {
                ObjectNode json = JSON.objectNode();
                if (response.hasCancellationMessage()) {
                    json.put("CancellationMessage", response.getCancellationMessage());
                }
                return json;
            });

    public static final OperationCodec<PrepareQueryRequest, PrepareQueryResponse> PREPARE_QUERY =
            new OperationCodec<>(members -> {
                PrepareQueryRequest.Builder builder = PrepareQueryRequest.newBuilder();
                members.string("QueryString").ifPresent(builder::setQueryString);
                members.booleanValue("ValidateOnly").ifPresent(builder::setValidateOnly);
                return builder.build();
            }, QueryJsonCodec::prepareResponse);

    private QueryJsonCodec() {
    }

    private static ObjectNode prepareResponse(PrepareQueryResponse response) {
        ObjectNode json = JSON.objectNode().put("QueryString", response.getQueryString());
        ArrayNode columns = json.putArray("Columns");
        for (SelectColumn column : response.getColumnsList()) {
            ObjectNode columnJson = columns.addObject();
            if (column.hasName()) {
                columnJson.put("Name", column.getName());
            }
            if (column.hasType()) {
                columnJson.set("Type", QueryResultJson.type(column.getType()));
            }
            if (column.hasDatabaseName()) {
                columnJson.put("DatabaseName", column.getDatabaseName());
            }
            if (column.hasTableName()) {
                columnJson.put("TableName", column.getTableName());
            }
            if (column.hasAliased()) {
                columnJson.put("Aliased", column.getAliased());
            }
        }
        ArrayNode parameters = json.putArray("Parameters");
        for (ParameterMapping parameter : response.getParametersList()) {
            parameters.addObject()
                    .put("Name", parameter.getName())
                    .set("Type", QueryResultJson.type(parameter.getType()));
        }
        return json;
    }
}
