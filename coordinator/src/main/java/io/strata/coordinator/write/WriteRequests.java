package io.strata.coordinator.write;

import com.google.protobuf.ProtocolMessageEnum;
import io.strata.api.v1.Dimension;
import io.strata.api.v1.MeasureValue;
import io.strata.api.v1.Record;
import io.strata.api.v1.WriteRecordsRequest;
import io.strata.core.write.CommonAttributes;
import io.strata.core.write.DimensionInput;
import io.strata.core.write.MeasureValueInput;
import io.strata.core.write.RecordInput;
import io.strata.core.write.WriteRecordsInput;
import java.util.List;

/**
 * The gRPC WriteRecords request as core's raw input: absent members become null, enum values
 * become Timestream's names (the proto name without its prefix), and an unknown enum number is
 * passed through as its number, so the validator rejects it by name.
 */
final class WriteRequests {
    private WriteRequests() {}

    static WriteRecordsInput toInput(WriteRecordsRequest request) {
        CommonAttributes common = request.hasCommonAttributes()
                ? new CommonAttributes(record(request.getCommonAttributes()))
                : CommonAttributes.NONE;
        List<RecordInput> records = request.getRecordsList().stream().map(WriteRequests::record).toList();
        return new WriteRecordsInput(request.getDatabaseName(), request.getTableName(), common, records);
    }

    private static RecordInput record(Record record) {
        return new RecordInput(
                record.getDimensionsCount() == 0 ? null : record.getDimensionsList().stream()
                        .map(WriteRequests::dimension).toList(),
                record.hasMeasureName() ? record.getMeasureName() : null,
                record.hasMeasureValue() ? record.getMeasureValue() : null,
                enumName(record.getMeasureValueType(), "MEASURE_VALUE_TYPE_"),
                record.getMeasureValuesCount() == 0 ? null : record.getMeasureValuesList().stream()
                        .map(WriteRequests::measureValue).toList(),
                record.hasTime() ? record.getTime() : null,
                enumName(record.getTimeUnit(), "TIME_UNIT_"),
                record.hasVersion() ? record.getVersion() : null);
    }

    private static DimensionInput dimension(Dimension dimension) {
        return new DimensionInput(dimension.getName(), dimension.getValue(),
                enumName(dimension.getDimensionValueType(), "DIMENSION_VALUE_TYPE_"));
    }

    private static MeasureValueInput measureValue(MeasureValue value) {
        return new MeasureValueInput(value.getName(), value.getValue(), enumName(value.getType(), "MEASURE_VALUE_TYPE_"));
    }

    /** Timestream's name of an enum value, null when unset (0), the number when unknown. */
    private static String enumName(ProtocolMessageEnum value, String prefix) {
        Enum<?> constant = (Enum<?>) value;
        if (constant.name().equals("UNRECOGNIZED")) {
            return "UNRECOGNIZED";
        }
        if (value.getNumber() == 0) {
            return null;
        }
        return constant.name().substring(prefix.length());
    }
}
