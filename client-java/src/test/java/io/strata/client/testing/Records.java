package io.strata.client.testing;

import io.strata.api.v1.Dimension;
import io.strata.api.v1.MeasureValueType;
import io.strata.api.v1.Record;

/** Records for tests: one sensor reading, identified by its {@code id} dimension. */
public final class Records {
    private Records() {}

    public static Record reading(int id) {
        return Record.newBuilder()
                .addDimensions(Dimension.newBuilder().setName("id").setValue(Integer.toString(id)))
                .addDimensions(Dimension.newBuilder().setName("region").setValue("eu-west-1"))
                .setMeasureName("temperature")
                .setMeasureValue(Double.toString(20 + id % 10))
                .setMeasureValueType(MeasureValueType.MEASURE_VALUE_TYPE_DOUBLE)
                .setTime(Long.toString(1_700_000_000_000L + id))
                .build();
    }
}
