package io.strata.http.timestream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.api.v1.Dimension;
import io.strata.api.v1.DimensionValueType;
import io.strata.api.v1.MeasureValue;
import io.strata.api.v1.MeasureValueType;
import io.strata.api.v1.Record;
import io.strata.api.v1.TimeUnit;

/**
 * Timestream's {@code Record} (also the shape of {@code CommonAttributes}) in JSON, both ways.
 * Presence is kept exactly: a member absent in JSON is unset in the message and an unset member
 * is not written, because CommonAttributes merging and validation tell "not given" from "empty"
 * (see records.proto). Stateless and thread-safe.
 */
final class RecordJson {
    static final TimestreamEnum<MeasureValueType> MEASURE_VALUE_TYPE =
            TimestreamEnum.of(MeasureValueType.getDescriptor(), MeasureValueType::valueOf);
    static final TimestreamEnum<TimeUnit> TIME_UNIT = TimestreamEnum.of(TimeUnit.getDescriptor(), TimeUnit::valueOf);
    static final TimestreamEnum<DimensionValueType> DIMENSION_VALUE_TYPE =
            TimestreamEnum.of(DimensionValueType.getDescriptor(), DimensionValueType::valueOf);

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private RecordJson() {
    }

    static Record record(RequestMembers members) {
        Record.Builder builder = Record.newBuilder();
        for (RequestMembers dimension : members.structures("Dimensions")) {
            Dimension.Builder dimensionBuilder = Dimension.newBuilder();
            dimension.string("Name").ifPresent(dimensionBuilder::setName);
            dimension.string("Value").ifPresent(dimensionBuilder::setValue);
            dimension.enumValue("DimensionValueType", DIMENSION_VALUE_TYPE)
                    .ifPresent(dimensionBuilder::setDimensionValueType);
            builder.addDimensions(dimensionBuilder);
        }
        members.string("MeasureName").ifPresent(builder::setMeasureName);
        members.string("MeasureValue").ifPresent(builder::setMeasureValue);
        members.enumValue("MeasureValueType", MEASURE_VALUE_TYPE).ifPresent(builder::setMeasureValueType);
        members.string("Time").ifPresent(builder::setTime);
        members.enumValue("TimeUnit", TIME_UNIT).ifPresent(builder::setTimeUnit);
        members.longValue("Version").ifPresent(builder::setVersion);
        for (RequestMembers value : members.structures("MeasureValues")) {
            MeasureValue.Builder valueBuilder = MeasureValue.newBuilder();
            value.string("Name").ifPresent(valueBuilder::setName);
            value.string("Value").ifPresent(valueBuilder::setValue);
            value.enumValue("Type", MEASURE_VALUE_TYPE).ifPresent(valueBuilder::setType);
            builder.addMeasureValues(valueBuilder);
        }
        return builder.build();
    }

    static ObjectNode json(Record record) {
        ObjectNode json = JSON.objectNode();
        if (record.getDimensionsCount() > 0) {
            ArrayNode dimensions = json.putArray("Dimensions");
            for (Dimension dimension : record.getDimensionsList()) {
                ObjectNode dimensionJson = dimensions.addObject()
                        .put("Name", dimension.getName())
                        .put("Value", dimension.getValue());
                DIMENSION_VALUE_TYPE.name(dimension.getDimensionValueType())
                        .ifPresent(type -> dimensionJson.put("DimensionValueType", type));
            }
        }
        if (record.hasMeasureName()) {
            json.put("MeasureName", record.getMeasureName());
        }
        if (record.hasMeasureValue()) {
            json.put("MeasureValue", record.getMeasureValue());
        }
        MEASURE_VALUE_TYPE.name(record.getMeasureValueType()).ifPresent(type -> json.put("MeasureValueType", type));
        if (record.hasTime()) {
            json.put("Time", record.getTime());
        }
        TIME_UNIT.name(record.getTimeUnit()).ifPresent(unit -> json.put("TimeUnit", unit));
        if (record.hasVersion()) {
            json.put("Version", record.getVersion());
        }
        if (record.getMeasureValuesCount() > 0) {
            ArrayNode values = json.putArray("MeasureValues");
            for (MeasureValue value : record.getMeasureValuesList()) {
                ObjectNode valueJson = values.addObject()
                        .put("Name", value.getName())
                        .put("Value", value.getValue());
                MEASURE_VALUE_TYPE.name(value.getType()).ifPresent(type -> valueJson.put("Type", type));
            }
        }
        return json;
    }
}
