package io.strata.http.timestream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.api.v1.Record;
import io.strata.api.v1.RecordsIngested;
import io.strata.api.v1.WriteRecordsRequest;
import io.strata.api.v1.WriteRecordsResponse;

/** The JSON encoding of {@code timestream-write}'s WriteRecords (WriteService). */
public final class WriteJsonCodec {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    public static final OperationCodec<WriteRecordsRequest, WriteRecordsResponse> WRITE_RECORDS =
            new OperationCodec<>(members -> {
                WriteRecordsRequest.Builder builder = WriteRecordsRequest.newBuilder();
                members.string("DatabaseName").ifPresent(builder::setDatabaseName);
                members.string("TableName").ifPresent(builder::setTableName);
                members.structure("CommonAttributes")
                        .ifPresent(common -> builder.setCommonAttributes(RecordJson.record(common)));
                for (RequestMembers record : members.structures("Records")) {
                    builder.addRecords(RecordJson.record(record));
                }
                return builder.build();
            }, WriteJsonCodec::response);

    private WriteJsonCodec() {
    }

    /**
     * The request body a Timestream client would send for {@code request}: the inverse of
     * {@code WRITE_RECORDS.request}, for clients and tools that speak JSON to Timestream.
     */
    public static ObjectNode requestJson(WriteRecordsRequest request) {
        ObjectNode json = JSON.objectNode()
                .put("DatabaseName", request.getDatabaseName())
                .put("TableName", request.getTableName());
        if (request.hasCommonAttributes()) {
            json.set("CommonAttributes", RecordJson.json(request.getCommonAttributes()));
        }
        ArrayNode records = json.putArray("Records");
        for (Record record : request.getRecordsList()) {
            records.add(RecordJson.json(record));
        }
        return json;
    }

    private static ObjectNode response(WriteRecordsResponse response) {
        ObjectNode json = JSON.objectNode();
        if (response.hasRecordsIngested()) {
            RecordsIngested ingested = response.getRecordsIngested();
            json.putObject("RecordsIngested")
                    .put("Total", ingested.getTotal())
                    .put("MemoryStore", ingested.getMemoryStore())
                    .put("MagneticStore", ingested.getMagneticStore());
        }
        return json;
    }
}
