package io.strata.core.wire;

import io.strata.api.v1.DimensionValueType;
import io.strata.api.v1.WriteRecordsRequest;
import io.strata.core.model.BigintValue;
import io.strata.core.model.BooleanValue;
import io.strata.core.model.Dimension;
import io.strata.core.model.DoubleValue;
import io.strata.core.model.MeasureAttribute;
import io.strata.core.model.MeasureValue;
import io.strata.core.model.MultiMeasure;
import io.strata.core.model.Record;
import io.strata.core.model.TimestampValue;
import io.strata.core.model.VarcharValue;
import io.strata.core.write.CommonAttributes;
import io.strata.core.write.DimensionInput;
import io.strata.core.write.MeasureValueInput;
import io.strata.core.write.RecordInput;
import io.strata.core.write.WriteRecordsInput;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps the public API's records (protobuf {@code strata.v1}) to the wire-shaped {@link RecordInput}
 * the validator judges, and validated domain {@link Record}s back to protobuf.
 *
 * <p>Inbound, nothing is judged here: an absent member stays absent (null), an enum the client set
 * to a value this server does not know stays visible as {@code UNRECOGNIZED} so that the validator
 * answers Timestream's "Member must satisfy enum value set" instead of guessing. Outbound, a record
 * is written in its <em>canonical form</em>: dimensions and attributes sorted by name, time and
 * TIMESTAMP attributes in NANOSECONDS, the type and version explicit, values in the text each type
 * prints. Stateless and thread-safe.
 */
public final class WireRecords {
    private static final String UNRECOGNIZED = "UNRECOGNIZED";

    private WireRecords() {
    }

    /** The request as the validator takes it. */
    public static WriteRecordsInput toInput(WriteRecordsRequest request) {
        List<RecordInput> records = new ArrayList<>(request.getRecordsCount());
        for (io.strata.api.v1.Record record : request.getRecordsList()) {
            records.add(toInput(record));
        }
        CommonAttributes common = request.hasCommonAttributes()
                ? new CommonAttributes(toInput(request.getCommonAttributes()))
                : CommonAttributes.NONE;
        return new WriteRecordsInput(request.getDatabaseName(), request.getTableName(), common, records);
    }

    /** One record as the client sent it; absent members are null. */
    public static RecordInput toInput(io.strata.api.v1.Record record) {
        List<DimensionInput> dimensions = null;
        if (record.getDimensionsCount() > 0) {
            dimensions = new ArrayList<>(record.getDimensionsCount());
            for (io.strata.api.v1.Dimension dimension : record.getDimensionsList()) {
                dimensions.add(new DimensionInput(dimension.getName(), dimension.getValue(),
                        dimensionValueType(dimension.getDimensionValueType())));
            }
        }
        List<MeasureValueInput> measureValues = null;
        if (record.getMeasureValuesCount() > 0) {
            measureValues = new ArrayList<>(record.getMeasureValuesCount());
            for (io.strata.api.v1.MeasureValue value : record.getMeasureValuesList()) {
                measureValues.add(new MeasureValueInput(value.getName(), value.getValue(), measureValueType(value.getType())));
            }
        }
        return new RecordInput(
                dimensions,
                record.hasMeasureName() ? record.getMeasureName() : null,
                record.hasMeasureValue() ? record.getMeasureValue() : null,
                measureValueType(record.getMeasureValueType()),
                measureValues,
                record.hasTime() ? record.getTime() : null,
                timeUnit(record.getTimeUnit()),
                record.hasVersion() ? record.getVersion() : null);
    }

    /** A validated record in canonical protobuf form (see the class comment). */
    public static io.strata.api.v1.Record toWire(Record record) {
        var builder = io.strata.api.v1.Record.newBuilder()
                .setMeasureName(record.measureName().value())
                .setTime(Long.toString(record.time()))
                .setTimeUnit(io.strata.api.v1.TimeUnit.TIME_UNIT_NANOSECONDS)
                .setVersion(record.version());
        for (Dimension dimension : record.dimensions()) {
            builder.addDimensions(io.strata.api.v1.Dimension.newBuilder()
                    .setName(dimension.name())
                    .setValue(dimension.value())
                    .setDimensionValueType(DimensionValueType.DIMENSION_VALUE_TYPE_VARCHAR));
        }
        switch (record.measure()) {
            case MeasureValue value -> builder
                    .setMeasureValueType(wireType(value))
                    .setMeasureValue(value.text());
            case MultiMeasure multi -> {
                builder.setMeasureValueType(io.strata.api.v1.MeasureValueType.MEASURE_VALUE_TYPE_MULTI);
                for (MeasureAttribute attribute : multi.attributes()) {
                    builder.addMeasureValues(io.strata.api.v1.MeasureValue.newBuilder()
                            .setName(attribute.name())
                            .setValue(attribute.value().text())
                            .setType(wireType(attribute.value())));
                }
            }
        }
        return builder.build();
    }

    private static io.strata.api.v1.MeasureValueType wireType(MeasureValue value) {
        return switch (value) {
            case DoubleValue ignored -> io.strata.api.v1.MeasureValueType.MEASURE_VALUE_TYPE_DOUBLE;
            case BigintValue ignored -> io.strata.api.v1.MeasureValueType.MEASURE_VALUE_TYPE_BIGINT;
            case VarcharValue ignored -> io.strata.api.v1.MeasureValueType.MEASURE_VALUE_TYPE_VARCHAR;
            case BooleanValue ignored -> io.strata.api.v1.MeasureValueType.MEASURE_VALUE_TYPE_BOOLEAN;
            case TimestampValue ignored -> io.strata.api.v1.MeasureValueType.MEASURE_VALUE_TYPE_TIMESTAMP;
        };
    }

    private static String measureValueType(io.strata.api.v1.MeasureValueType type) {
        return switch (type) {
            case MEASURE_VALUE_TYPE_UNSPECIFIED -> null;
            case UNRECOGNIZED -> UNRECOGNIZED;
            default -> type.name().substring("MEASURE_VALUE_TYPE_".length());
        };
    }

    private static String timeUnit(io.strata.api.v1.TimeUnit unit) {
        return switch (unit) {
            case TIME_UNIT_UNSPECIFIED -> null;
            case UNRECOGNIZED -> UNRECOGNIZED;
            default -> unit.name().substring("TIME_UNIT_".length());
        };
    }

    private static String dimensionValueType(DimensionValueType type) {
        return switch (type) {
            case DIMENSION_VALUE_TYPE_UNSPECIFIED -> null;
            case UNRECOGNIZED -> UNRECOGNIZED;
            default -> type.name().substring("DIMENSION_VALUE_TYPE_".length());
        };
    }
}
