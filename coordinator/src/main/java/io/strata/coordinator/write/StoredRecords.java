package io.strata.coordinator.write;

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
import io.strata.internal.v1.MultiMeasure.Builder;
import io.strata.internal.v1.NamedValue;
import io.strata.internal.v1.StoredDimension;
import io.strata.internal.v1.StoredRecord;
import io.strata.internal.v1.TypedValue;

/** A validated core {@link Record} as the shard command carries it ({@link StoredRecord}). */
final class StoredRecords {
    private StoredRecords() {}

    static StoredRecord of(int requestIndex, Record record) {
        StoredRecord.Builder stored = StoredRecord.newBuilder()
                .setMeasureName(record.measureName().value())
                .setTimeNanos(record.time())
                .setVersion(record.version())
                .setRequestIndex(requestIndex);
        // SeriesKey keeps dimensions sorted by name in UTF-8 byte order, as StoredRecord requires.
        for (Dimension dimension : record.dimensions()) {
            stored.addDimensions(StoredDimension.newBuilder().setName(dimension.name()).setValue(dimension.value()));
        }
        switch (record.measure()) {
            case MeasureValue value -> stored.setValue(typed(value));
            case MultiMeasure multi -> {
                Builder values = stored.getMultiBuilder();
                for (MeasureAttribute attribute : multi.attributes()) {
                    values.addValues(NamedValue.newBuilder().setName(attribute.name()).setValue(typed(attribute.value())));
                }
            }
        }
        return stored.build();
    }

    private static TypedValue typed(MeasureValue value) {
        return switch (value) {
            case DoubleValue number -> TypedValue.newBuilder().setDoubleValue(number.value()).build();
            case BigintValue number -> TypedValue.newBuilder().setBigintValue(number.value()).build();
            case VarcharValue text -> TypedValue.newBuilder().setVarcharValue(text.value()).build();
            case BooleanValue flag -> TypedValue.newBuilder().setBooleanValue(flag.value()).build();
            case TimestampValue instant -> TypedValue.newBuilder().setTimestampNanos(instant.epochNanos()).build();
        };
    }
}
