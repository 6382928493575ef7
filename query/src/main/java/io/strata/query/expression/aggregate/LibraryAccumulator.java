package io.strata.query.expression.aggregate;

import io.strata.core.batch.ColumnVector;
import io.strata.core.batch.VarcharVector;
import io.strata.query.expression.CompositeValues;
import io.strata.query.expression.SqlType;
import io.strata.query.expression.VectorBuilder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs an accumulator of the function library ({@code array_agg}, {@code create_time_series})
 * as an engine {@link GroupedAccumulator}. The partial state of a group is the library's bytes,
 * carried in a VARCHAR one char per byte (ISO-8859-1 maps bytes to chars one to one), so it crosses
 * shards like every other partial state. Not thread-safe.
 */
final class LibraryAccumulator implements GroupedAccumulator {
    private final io.strata.query.function.aggregate.GroupedAccumulator library;
    private final SqlType outputType;
    private long partialBytes;

    LibraryAccumulator(io.strata.query.function.aggregate.GroupedAccumulator library, SqlType outputType) {
        this.library = library;
        this.outputType = outputType;
    }

    @Override
    public void addInput(int[] groupIds, int groupCount, ColumnVector[] arguments, int rowCount) {
        library.ensureGroupCount(groupCount);
        library.add(groupIds, arguments, rowCount);
        partialBytes += 16L * rowCount;
    }

    @Override
    public void addIntermediate(int[] groupIds, int groupCount, ColumnVector[] states, int rowCount) {
        library.ensureGroupCount(groupCount);
        VarcharVector partials = (VarcharVector) states[0];
        for (int row = 0; row < rowCount; row++) {
            if (!partials.isNull(row)) {
                String partial = partials.get(row);
                library.mergePartial(groupIds[row], partial.getBytes(StandardCharsets.ISO_8859_1));
                partialBytes += partial.length();
            }
        }
    }

    @Override
    public List<ColumnVector> intermediate(int groupCount) {
        library.ensureGroupCount(groupCount);
        VarcharVector.Builder out = new VarcharVector.Builder(groupCount);
        for (int group = 0; group < groupCount; group++) {
            out.append(new String(library.serializePartial(group), StandardCharsets.ISO_8859_1));
        }
        return List.of(out.build());
    }

    @Override
    public ColumnVector result(int groupCount) {
        library.ensureGroupCount(groupCount);
        VectorBuilder out = new VectorBuilder(outputType, groupCount);
        for (int group = 0; group < groupCount; group++) {
            Object value = library.finalResult(group);
            out.appendObject(value instanceof List<?> list ? CompositeValues.list(list) : value);
        }
        return out.build();
    }

    @Override
    public long estimatedBytes() {
        return partialBytes;
    }
}
