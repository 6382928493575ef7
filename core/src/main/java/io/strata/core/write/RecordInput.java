package io.strata.core.write;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A record of a WriteRecords request exactly as a client sent it, before any validation: every
 * field may be null (absent), lists may contain nulls, enums and numbers are still strings. The
 * gRPC API and the HTTP JSON endpoint both map their input to this; {@link WriteRecordsValidator}
 * turns it into a {@link io.strata.core.model.Record} or a reason. Also the shape of
 * {@link CommonAttributes}.
 */
public record RecordInput(
        List<DimensionInput> dimensions,
        String measureName,
        String measureValue,
        String measureValueType,
        List<MeasureValueInput> measureValues,
        String time,
        String timeUnit,
        Long version) {
    /** A record with no field set. */
    public static final RecordInput EMPTY = new RecordInput(null, null, null, null, null, null, null, null);

    public RecordInput {
        dimensions = copyKeepingNulls(dimensions);
        measureValues = copyKeepingNulls(measureValues);
    }

    public static Builder builder() {
        return new Builder(EMPTY);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    private static <T> List<T> copyKeepingNulls(List<T> list) {
        // List.copyOf refuses null elements, but a client may send them and must get a
        // ValidationException for it, not a NullPointerException.
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** Builds a RecordInput field by field. Not thread-safe. */
    public static final class Builder {
        private List<DimensionInput> dimensions;
        private String measureName;
        private String measureValue;
        private String measureValueType;
        private List<MeasureValueInput> measureValues;
        private String time;
        private String timeUnit;
        private Long version;

        private Builder(RecordInput from) {
            dimensions = from.dimensions;
            measureName = from.measureName;
            measureValue = from.measureValue;
            measureValueType = from.measureValueType;
            measureValues = from.measureValues;
            time = from.time;
            timeUnit = from.timeUnit;
            version = from.version;
        }

        public Builder dimensions(List<DimensionInput> dimensions) {
            this.dimensions = dimensions;
            return this;
        }

        public Builder dimensions(DimensionInput... dimensions) {
            return dimensions(List.of(dimensions));
        }

        public Builder measureName(String measureName) {
            this.measureName = measureName;
            return this;
        }

        public Builder measureValue(String measureValue) {
            this.measureValue = measureValue;
            return this;
        }

        public Builder measureValueType(String measureValueType) {
            this.measureValueType = measureValueType;
            return this;
        }

        public Builder measureValues(List<MeasureValueInput> measureValues) {
            this.measureValues = measureValues;
            return this;
        }

        public Builder measureValues(MeasureValueInput... measureValues) {
            return measureValues(List.of(measureValues));
        }

        public Builder time(String time) {
            this.time = time;
            return this;
        }

        public Builder timeUnit(String timeUnit) {
            this.timeUnit = timeUnit;
            return this;
        }

        public Builder version(Long version) {
            this.version = version;
            return this;
        }

        public RecordInput build() {
            return new RecordInput(dimensions, measureName, measureValue, measureValueType, measureValues, time,
                    timeUnit, version);
        }
    }
}
