package io.strata.query.function.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.core.batch.ColumnType;
import io.strata.core.batch.ColumnVector;
import io.strata.core.batch.DoubleVector;
import io.strata.core.batch.LongVector;
import io.strata.core.batch.VarcharVector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * A shard computes partial states over its rows, the coordinator merges them in whatever order
 * they arrive: for every aggregate the result must be the one-pass result, whatever the split.
 */
class PartialMergeProperties {
    private static final int GROUPS = 3;
    private final AggregateFunctionRegistry registry = new AggregateFunctionRegistry();

    @Provide
    Arbitrary<List<Double>> doubles() {
        return Arbitraries.doubles().between(-1e6, 1e6).injectNull(0.1).list().ofMaxSize(300);
    }

    @Provide
    Arbitrary<List<Long>> longs() {
        return Arbitraries.longs().between(-1_000_000_000L, 1_000_000_000L).injectNull(0.1).list().ofMaxSize(300);
    }

    @Property(tries = 150)
    void doubleAggregatesMergeToTheOnePassResult(@ForAll("doubles") List<Double> values, @ForAll long seed,
                                                 @ForAll @IntRange(min = 1, max = 6) int parts) {
        DoubleVector column = doubleVector(values);
        for (String name : List.of("count", "sum", "avg", "min", "max", "stddev", "stddev_pop", "variance", "var_pop",
                "geometric_mean", "approx_distinct")) {
            assertMergeMatchesOnePass(name, () -> registry.create(name, List.of(ColumnType.DOUBLE), List.of()),
                    new ColumnVector[] {column}, seed, parts);
        }
        assertMergeMatchesOnePass("approx_percentile", () -> registry.create("approx_percentile",
                List.of(ColumnType.DOUBLE), List.of(new double[] {0.0, 0.1, 0.5, 0.99, 1.0})), new ColumnVector[] {column}, seed, parts);
    }

    @Property(tries = 150)
    void bigintAggregatesMergeToTheOnePassResult(@ForAll("longs") List<Long> values, @ForAll long seed,
                                                 @ForAll @IntRange(min = 1, max = 6) int parts) {
        LongVector column = longVector(values);
        for (String name : List.of("count", "sum", "avg", "min", "max", "stddev_samp", "var_samp", "approx_distinct")) {
            assertMergeMatchesOnePass(name, () -> registry.create(name, List.of(ColumnType.BIGINT), List.of()),
                    new ColumnVector[] {column}, seed, parts);
        }
        assertMergeMatchesOnePass("approx_percentile", () -> registry.create("approx_percentile",
                List.of(ColumnType.BIGINT), List.of(0.9)), new ColumnVector[] {column}, seed, parts);
    }

    @Property(tries = 150)
    void maxByAndMinByMergeToTheOnePassResultEvenWithTies(@ForAll("longs") List<Long> keys, @ForAll long seed,
                                                          @ForAll @IntRange(min = 1, max = 6) int parts) {
        Random random = new Random(seed);
        List<String> names = new ArrayList<>();
        List<Long> coarseKeys = new ArrayList<>();
        for (Long key : keys) {
            names.add(random.nextInt(10) == 0 ? null : "host-" + random.nextInt(20));
            coarseKeys.add(key == null ? null : key % 5);
        }
        ColumnVector[] columns = {VarcharVector.of(names.toArray(String[]::new)), longVector(coarseKeys)};
        for (String name : List.of("max_by", "min_by")) {
            assertMergeMatchesOnePass(name, () -> registry.create(name, List.of(ColumnType.VARCHAR, ColumnType.BIGINT),
                    List.of()), columns, seed, parts);
        }
        ColumnVector[] hosts = {columns[0]};
        for (String name : List.of("min", "max", "count")) {
            assertMergeMatchesOnePass(name, () -> registry.create(name, List.of(ColumnType.VARCHAR), List.of()), hosts, seed, parts);
        }
    }

    private static void assertMergeMatchesOnePass(String name, Supplier<GroupedAccumulator> factory, ColumnVector[] columns,
                                                  long seed, int parts) {
        int rows = columns[0].size();
        Random random = new Random(seed);
        int[] groupIds = new int[rows];
        for (int row = 0; row < rows; row++) {
            groupIds[row] = random.nextInt(GROUPS);
        }
        GroupedAccumulator onePass = factory.get();
        onePass.ensureGroupCount(GROUPS);
        onePass.add(groupIds, columns, rows);

        // Each "shard" sees an arbitrary subset of rows (a random assignment, not a contiguous cut).
        int[] shardOfRow = new int[rows];
        for (int row = 0; row < rows; row++) {
            shardOfRow[row] = random.nextInt(parts);
        }
        List<byte[]> partials = new ArrayList<>();
        List<Integer> partialGroups = new ArrayList<>();
        for (int shard = 0; shard < parts; shard++) {
            GroupedAccumulator shardAccumulator = factory.get();
            shardAccumulator.ensureGroupCount(GROUPS);
            final int current = shard;
            int[] selected = java.util.stream.IntStream.range(0, rows).filter(row -> shardOfRow[row] == current).toArray();
            shardAccumulator.add(select(groupIds, selected), select(columns, selected), selected.length);
            for (int group = 0; group < GROUPS; group++) {
                partials.add(shardAccumulator.serializePartial(group));
                partialGroups.add(group);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < partials.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        GroupedAccumulator coordinator = factory.get();
        coordinator.ensureGroupCount(GROUPS);
        for (int index : order) {
            coordinator.mergePartial(partialGroups.get(index), partials.get(index));
        }
        for (int group = 0; group < GROUPS; group++) {
            assertSame(name, onePass.finalResult(group), coordinator.finalResult(group));
        }
    }

    private static void assertSame(String name, Object expected, Object actual) {
        if (expected instanceof Double expectedDouble && actual instanceof Double actualDouble
                && !expectedDouble.isNaN() && !expectedDouble.isInfinite()) {
            assertThat(actualDouble).as(name).isCloseTo(expectedDouble,
                    org.assertj.core.api.Assertions.within(1e-9 * Math.max(1.0, Math.abs(expectedDouble))));
        } else {
            assertThat(actual).as(name).isEqualTo(expected);
        }
    }

    private static int[] select(int[] values, int[] rows) {
        int[] selected = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            selected[i] = values[rows[i]];
        }
        return selected;
    }

    private static ColumnVector[] select(ColumnVector[] columns, int[] rows) {
        ColumnVector[] selected = new ColumnVector[columns.length];
        for (int c = 0; c < columns.length; c++) {
            selected[c] = switch (columns[c]) {
                case DoubleVector doubles -> {
                    List<Double> values = new ArrayList<>();
                    for (int row : rows) {
                        values.add(doubles.isNull(row) ? null : doubles.get(row));
                    }
                    yield doubleVector(values);
                }
                case LongVector longs -> {
                    List<Long> values = new ArrayList<>();
                    for (int row : rows) {
                        values.add(longs.isNull(row) ? null : longs.get(row));
                    }
                    yield longVector(values);
                }
                case VarcharVector varchars -> {
                    String[] values = new String[rows.length];
                    for (int i = 0; i < rows.length; i++) {
                        values[i] = varchars.get(rows[i]);
                    }
                    yield VarcharVector.of(values);
                }
                default -> throw new IllegalArgumentException(columns[c].toString());
            };
        }
        return selected;
    }

    static DoubleVector doubleVector(List<Double> values) {
        DoubleVector.Builder builder = new DoubleVector.Builder(values.size());
        for (Double value : values) {
            if (value == null) {
                builder.appendNull();
            } else {
                builder.append(value);
            }
        }
        return builder.build();
    }

    static LongVector longVector(List<Long> values) {
        LongVector.Builder builder = new LongVector.Builder(ColumnType.BIGINT, values.size());
        for (Long value : values) {
            if (value == null) {
                builder.appendNull();
            } else {
                builder.append(value);
            }
        }
        return builder.build();
    }
}
