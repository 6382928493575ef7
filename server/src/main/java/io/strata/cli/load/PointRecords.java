package io.strata.cli.load;

import io.strata.api.v1.Dimension;
import io.strata.api.v1.MeasureValue;
import io.strata.api.v1.MeasureValueType;
import io.strata.api.v1.Record;
import io.strata.api.v1.TimeUnit;
import io.strata.load.data.PointStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns the points of a {@link PointStream} into Timestream multi-measure records: the series'
 * dimensions, the stream's measure name, one DOUBLE measure value per field, the time in
 * milliseconds. Each series' dimensions are built once. Used by one thread.
 */
final class PointRecords {
    private final PointStream stream;
    private final List<List<Dimension>> dimensions;
    private final double[] values;

    PointRecords(PointStream stream) {
        this.stream = Objects.requireNonNull(stream, "stream");
        this.values = new double[stream.fields().size()];
        this.dimensions = new ArrayList<>(stream.seriesCount());
        for (int series = 0; series < stream.seriesCount(); series++) {
            List<Dimension> seriesDimensions = new ArrayList<>();
            stream.dimensions(series).forEach((name, value) ->
                    seriesDimensions.add(Dimension.newBuilder().setName(name).setValue(value).build()));
            dimensions.add(List.copyOf(seriesDimensions));
        }
    }

    /** The next point of series {@code series} as a record. */
    Record next(int series) {
        long nanos = stream.next(series, values);
        Record.Builder record = Record.newBuilder()
                .addAllDimensions(dimensions.get(series))
                .setMeasureName(stream.measureName())
                .setMeasureValueType(MeasureValueType.MEASURE_VALUE_TYPE_MULTI)
                .setTime(Long.toString(Math.floorDiv(nanos, 1_000_000L)))
                .setTimeUnit(TimeUnit.TIME_UNIT_MILLISECONDS);
        List<String> fields = stream.fields();
        for (int field = 0; field < values.length; field++) {
            record.addMeasureValues(MeasureValue.newBuilder().setName(fields.get(field))
                    .setValue(Double.toString(values[field])).setType(MeasureValueType.MEASURE_VALUE_TYPE_DOUBLE));
        }
        return record.build();
    }
}
