package io.strata.core.model;

/** What a record measures: one typed {@link MeasureValue}, or a {@link MultiMeasure}. */
public sealed interface Measure permits MeasureValue, MultiMeasure {
    MeasureValueType type();

    /** Bytes this measure adds to a record's size (Timestream's metering formula, spec §1.6). */
    int sizeInBytes();
}
