package io.strata.server.node;

import io.grpc.StatusRuntimeException;
import io.strata.api.v1.Dimension;
import io.strata.api.v1.ErrorDetail;
import io.strata.api.v1.MeasureValueType;
import io.strata.api.v1.Record;
import io.strata.api.v1.TimeUnit;
import io.strata.api.v1.WriteRecordsRequest;
import io.strata.coordinator.api.GrpcErrors;
import java.util.ArrayList;
import java.util.List;

/** Requests and error reading shared by the cluster tests. */
final class Requests {
    private Requests() {}

    /** {@code count} cpu records of hosts {@code first..first+count-1}, at {@code timeMillis}. */
    static WriteRecordsRequest cpuRecords(String database, String table, int first, int count, long timeMillis) {
        List<Record> records = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            records.add(Record.newBuilder()
                    .addDimensions(Dimension.newBuilder().setName("host").setValue("host-" + i))
                    .addDimensions(Dimension.newBuilder().setName("region").setValue("r" + (i % 3)))
                    .setMeasureName("cpu")
                    .setMeasureValue(Double.toString(i + 0.5))
                    .setMeasureValueType(MeasureValueType.MEASURE_VALUE_TYPE_DOUBLE)
                    .setTime(Long.toString(timeMillis))
                    .setTimeUnit(TimeUnit.TIME_UNIT_MILLISECONDS)
                    .build());
        }
        return WriteRecordsRequest.newBuilder().setDatabaseName(database).setTableName(table).addAllRecords(records).build();
    }

    static ErrorDetail detail(StatusRuntimeException failure) {
        return failure.getTrailers().get(GrpcErrors.ERROR_DETAIL_KEY);
    }
}
