package io.strata.query.operator;

import io.strata.core.batch.ColumnBatch;
import io.strata.core.batch.ColumnVector;
import io.strata.core.error.QueryExecutionException;
import io.strata.query.expression.FunctionResolver;
import io.strata.query.expression.SqlType;
import io.strata.query.expression.VectorBuilder;
import io.strata.query.expression.Vectors;
import io.strata.query.expression.aggregate.AggregateFunction;
import io.strata.query.expression.aggregate.GroupedAccumulator;
import io.strata.query.plan.SortKey;
import io.strata.query.plan.WindowCall;
import io.strata.query.plan.WindowFrame;
import io.strata.query.plan.WindowFrame.Bound;
import java.util.ArrayList;
import java.util.List;

/**
 * Window functions: sorts all rows by partition then order keys, and computes each call per
 * partition — ranking (row_number, rank, dense_rank, percent_rank, cume_dist, ntile), navigation
 * (lag, lead, first_value, last_value, nth_value) and aggregates over ROWS or RANGE frames. A frame
 * starting at UNBOUNDED PRECEDING is accumulated incrementally; other frames are recomputed per row.
 * Output: the input rows (in window order) plus one column per call.
 */
public final class WindowOperator implements Operator {
    private final Operator source;
    private final List<Integer> partitionChannels;
    private final List<SortKey> order;
    private final List<WindowCall> calls;
    private final List<SqlType> inputTypes;
    private final FunctionResolver functions;
    private final OperatorContext context;
    private List<ColumnBatch> output;
    private int outputIndex;

    public WindowOperator(Operator source, List<Integer> partitionChannels, List<SortKey> order, List<WindowCall> calls,
                          List<SqlType> inputTypes, FunctionResolver functions, OperatorContext context) {
        this.source = source;
        this.partitionChannels = List.copyOf(partitionChannels);
        this.order = List.copyOf(order);
        this.calls = List.copyOf(calls);
        this.inputTypes = List.copyOf(inputTypes);
        this.functions = functions;
        this.context = context;
    }

    @Override
    public ColumnBatch next() {
        if (output == null) {
            List<SqlType> types = new ArrayList<>(inputTypes);
            calls.forEach(call -> types.add(call.outputType()));
            output = Batches.slices(compute(), types, 4096);
        }
        return outputIndex < output.size() ? output.get(outputIndex++) : null;
    }

    private ColumnBatch compute() {
        ColumnBatch input = Batches.drain(source, inputTypes, context);
        List<SortKey> keys = new ArrayList<>();
        for (int channel : partitionChannels) {
            keys.add(new SortKey(channel, true, false));
        }
        keys.addAll(order);
        int rows = input.rowCount();
        int[] sorted = new RowOrdering(input, keys).sortedPositions(rows);
        ColumnBatch rowsInOrder = Vectors.gather(input, inputTypes, sorted, rows);
        RowOrdering partitionOrdering = new RowOrdering(rowsInOrder, keys.subList(0, partitionChannels.size()));
        RowOrdering peerOrdering = new RowOrdering(rowsInOrder, keys);
        List<ColumnVector> columns = new ArrayList<>(rowsInOrder.columns());
        for (WindowCall call : calls) {
            VectorBuilder out = new VectorBuilder(call.outputType(), rows);
            int start = 0;
            while (start < rows) {
                int end = start + 1;
                while (end < rows && partitionOrdering.compare(start, end) == 0) {
                    end++;
                }
                computePartition(call, rowsInOrder, peerOrdering, start, end, out);
                start = end;
            }
            columns.add(out.build());
        }
        return Vectors.batch(rows, columns);
    }

    private void computePartition(WindowCall call, ColumnBatch rows, RowOrdering peers, int start, int end, VectorBuilder out) {
        String name = call.name();
        int size = end - start;
        ColumnVector argument = call.argumentChannels().isEmpty() ? null : rows.column(call.argumentChannels().getFirst());
        switch (name) {
            case "row_number" -> {
                for (int row = start; row < end; row++) {
                    out.appendLong(row - start + 1);
                }
            }
            case "rank", "dense_rank", "percent_rank" -> {
                long rank = 1;
                long dense = 1;
                for (int row = start; row < end; row++) {
                    if (row > start && peers.compare(row - 1, row) != 0) {
                        rank = row - start + 1;
                        dense++;
                    }
                    switch (name) {
                        case "rank" -> out.appendLong(rank);
                        case "dense_rank" -> out.appendLong(dense);
                        default -> out.appendDouble(size == 1 ? 0.0 : (rank - 1) / (double) (size - 1));
                    }
                }
            }
            case "cume_dist" -> {
                for (int row = start; row < end; row++) {
                    out.appendDouble((peerGroupEnd(peers, row, end) - start) / (double) size);
                }
            }
            case "ntile" -> {
                long buckets = call.offset();
                for (int row = start; row < end; row++) {
                    long index = row - start;
                    long perBucket = size / buckets;
                    long remainder = size % buckets;
                    long bucket = index < remainder * (perBucket + 1)
                            ? index / (perBucket + 1)
                            : remainder + (index - remainder * (perBucket + 1)) / Math.max(1, perBucket);
                    out.appendLong(bucket + 1);
                }
            }
            case "lag", "lead" -> {
                ColumnVector defaults = call.argumentChannels().size() > 1 ? rows.column(call.argumentChannels().get(1)) : null;
                for (int row = start; row < end; row++) {
                    long target = name.equals("lag") ? row - call.offset() : row + call.offset();
                    if (target >= start && target < end) {
                        out.appendFrom(argument, (int) target);
                    } else if (defaults != null) {
                        out.appendFrom(defaults, row);
                    } else {
                        out.appendNull();
                    }
                }
            }
            case "first_value", "last_value", "nth_value" -> {
                for (int row = start; row < end; row++) {
                    int[] frame = frame(call.frame(), peers, row, start, end);
                    int target = switch (name) {
                        case "first_value" -> frame[0];
                        case "last_value" -> frame[1] - 1;
                        default -> frame[0] + (int) call.offset() - 1;
                    };
                    if (frame[0] < frame[1] && target >= frame[0] && target < frame[1]) {
                        out.appendFrom(argument, target);
                    } else {
                        out.appendNull();
                    }
                }
            }
            default -> aggregate(call, rows, peers, start, end, out);
        }
    }

    private void aggregate(WindowCall call, ColumnBatch rows, RowOrdering peers, int start, int end, VectorBuilder out) {
        AggregateFunction function = functions.resolveAggregate(call.name(), call.argumentTypes())
                .orElseThrow(() -> new QueryExecutionException("Unknown window function " + call.name()));
        ColumnVector[] arguments = new ColumnVector[call.argumentChannels().size()];
        for (int index = 0; index < arguments.length; index++) {
            arguments[index] = rows.column(call.argumentChannels().get(index));
        }
        int[] group = {0};
        if (call.frame().start() == Bound.UNBOUNDED_PRECEDING) {
            GroupedAccumulator accumulator = function.createAccumulator();
            int added = start;
            ColumnVector current = null;
            int currentEnd = -1;
            for (int row = start; row < end; row++) {
                int frameEnd = frame(call.frame(), peers, row, start, end)[1];
                while (added < frameEnd) {
                    accumulator.addInput(group, 1, slice(arguments, added), 1);
                    added++;
                }
                if (frameEnd != currentEnd) {
                    current = accumulator.result(1);
                    currentEnd = frameEnd;
                }
                if (frameEnd <= start) {
                    out.appendFrom(function.createAccumulator().result(1), 0);
                } else {
                    out.appendFrom(current, 0);
                }
            }
            return;
        }
        for (int row = start; row < end; row++) {
            int[] frame = frame(call.frame(), peers, row, start, end);
            GroupedAccumulator accumulator = function.createAccumulator();
            for (int member = frame[0]; member < frame[1]; member++) {
                accumulator.addInput(group, 1, slice(arguments, member), 1);
            }
            out.appendFrom(accumulator.result(1), 0);
        }
    }

    /** The arguments' values at one row, as one-row vectors. */
    private static ColumnVector[] slice(ColumnVector[] arguments, int row) {
        ColumnVector[] values = new ColumnVector[arguments.length];
        int[] position = {row};
        for (int index = 0; index < arguments.length; index++) {
            values[index] = Vectors.gather(arguments[index], SqlType.of(arguments[index].type()), position, 1);
        }
        return values;
    }

    /** {@code [first, last)} rows of the frame of {@code row}, clamped to the partition. */
    private static int[] frame(WindowFrame frame, RowOrdering peers, int row, int start, int end) {
        int first = bound(frame, frame.start(), frame.startOffset(), peers, row, start, end, true);
        int last = bound(frame, frame.end(), frame.endOffset(), peers, row, start, end, false);
        return new int[] {Math.max(start, first), Math.min(end, Math.max(last, Math.max(start, first)))};
    }

    private static int bound(WindowFrame frame, Bound bound, long offset, RowOrdering peers, int row, int start, int end,
                             boolean isStart) {
        return switch (bound) {
            case UNBOUNDED_PRECEDING -> start;
            case UNBOUNDED_FOLLOWING -> end;
            case CURRENT_ROW -> frame.rows()
                    ? (isStart ? row : row + 1)
                    : (isStart ? peerGroupStart(peers, row, start) : peerGroupEnd(peers, row, end));
            case PRECEDING -> {
                requireRows(frame);
                long target = row - offset;
                yield (int) Math.max(start - 1, isStart ? target : target + 1);
            }
            case FOLLOWING -> {
                requireRows(frame);
                long target = row + offset;
                yield (int) Math.min(end + 1L, isStart ? target : target + 1);
            }
        };
    }

    private static void requireRows(WindowFrame frame) {
        if (!frame.rows()) {
            throw new QueryExecutionException("Window frame RANGE with an offset is not supported; use ROWS");
        }
    }

    private static int peerGroupStart(RowOrdering peers, int row, int start) {
        int first = row;
        while (first > start && peers.compare(first - 1, row) == 0) {
            first--;
        }
        return first;
    }

    private static int peerGroupEnd(RowOrdering peers, int row, int end) {
        int last = row + 1;
        while (last < end && peers.compare(last, row) == 0) {
            last++;
        }
        return last;
    }

    @Override
    public void close() {
        source.close();
    }
}
