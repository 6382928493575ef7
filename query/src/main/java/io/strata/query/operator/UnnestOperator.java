package io.strata.query.operator;

import io.strata.core.batch.ColumnBatch;
import io.strata.core.batch.ColumnVector;
import io.strata.query.expression.SqlType;
import io.strata.query.expression.VectorBuilder;
import io.strata.query.expression.Vectors;
import io.strata.query.function.timeseries.TimeSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code CROSS JOIN UNNEST(collection)}: for each input row, one output row per element of the
 * array or time series in the collection channel — the input row's columns repeated, then the
 * element's columns (the element itself, a row element's fields, or a point's time and value).
 * Elements keep their order (a time series by time). One output batch per input batch.
 */
public final class UnnestOperator implements Operator {
    private final Operator source;
    private final List<SqlType> sourceTypes;
    private final int channel;
    private final List<SqlType> elementTypes;
    private final OperatorContext context;
    private int[] positions = new int[64];

    public UnnestOperator(Operator source, List<SqlType> sourceTypes, int channel, List<SqlType> elementTypes,
                          OperatorContext context) {
        this.source = source;
        this.sourceTypes = List.copyOf(sourceTypes);
        this.channel = channel;
        this.elementTypes = List.copyOf(elementTypes);
        this.context = context;
    }

    @Override
    public ColumnBatch next() {
        ColumnBatch batch;
        do {
            batch = source.next();
            if (batch == null) {
                return null;
            }
            context.checkRunning();
        } while (batch.rowCount() == 0);
        ColumnVector collections = batch.column(channel);
        List<VectorBuilder> elements = new ArrayList<>(elementTypes.size());
        for (SqlType type : elementTypes) {
            elements.add(new VectorBuilder(type, batch.rowCount()));
        }
        int count = 0;
        for (int row = 0; row < batch.rowCount(); row++) {
            Object collection = Vectors.value(collections, row);
            switch (collection) {
                case null -> { }
                case TimeSeries series -> {
                    for (int point = 0; point < series.size(); point++) {
                        position(count++, row);
                        elements.get(0).appendLong(series.time(point));
                        elements.get(1).appendObject(series.value(point));
                    }
                }
                case List<?> array -> {
                    boolean rows = elementTypes.size() > 1 || sourceTypes.get(channel).elementType().kind() == SqlType.Kind.ROW;
                    for (Object element : array) {
                        position(count++, row);
                        if (rows) {
                            for (int field = 0; field < elements.size(); field++) {
                                elements.get(field).appendObject(element == null ? null : ((List<?>) element).get(field));
                            }
                        } else {
                            elements.getFirst().appendObject(element);
                        }
                    }
                }
                default -> throw new IllegalStateException("UNNEST of " + collection.getClass().getSimpleName());
            }
        }
        List<ColumnVector> columns = new ArrayList<>(sourceTypes.size() + elementTypes.size());
        for (int column = 0; column < sourceTypes.size(); column++) {
            columns.add(Vectors.gather(batch.column(column), sourceTypes.get(column), positions, count));
        }
        for (VectorBuilder element : elements) {
            columns.add(element.build());
        }
        return Vectors.batch(count, columns);
    }

    private void position(int index, int row) {
        if (index == positions.length) {
            positions = Arrays.copyOf(positions, index * 2);
        }
        positions[index] = row;
    }

    @Override
    public void close() {
        source.close();
    }
}
