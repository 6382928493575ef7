package io.strata.query.function.aggregate;

import static io.strata.query.function.aggregate.Accumulators.singleGroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.strata.core.batch.BooleanVector;
import io.strata.core.batch.ColumnType;
import io.strata.core.batch.ColumnVector;
import io.strata.core.batch.DoubleVector;
import io.strata.core.batch.LongVector;
import io.strata.core.batch.VarcharVector;
import io.strata.core.error.QueryExecutionException;
import io.strata.core.error.ValidationException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AggregateExamplesTest {
    private final AggregateFunctionRegistry registry = new AggregateFunctionRegistry();

    private static LongVector bigints(Long... values) {
        LongVector.Builder builder = new LongVector.Builder(ColumnType.BIGINT, values.length);
        for (Long value : values) {
            if (value == null) {
                builder.appendNull();
            } else {
                builder.append(value);
            }
        }
        return builder.build();
    }

    private static DoubleVector doubles(Double... values) {
        DoubleVector.Builder builder = new DoubleVector.Builder(values.length);
        for (Double value : values) {
            if (value == null) {
                builder.appendNull();
            } else {
                builder.append(value);
            }
        }
        return builder.build();
    }

    private static BooleanVector booleans(Boolean... values) {
        BooleanVector.Builder builder = new BooleanVector.Builder(values.length);
        for (Boolean value : values) {
            if (value == null) {
                builder.appendNull();
            } else {
                builder.append(value);
            }
        }
        return builder.build();
    }

    private Object run(String name, ColumnVector... columns) {
        return singleGroup(registry.create(name, Arrays.stream(columns).map(ColumnVector::type).toList(), List.of()), columns);
    }

    @Test
    void countsRowsAndNonNullValues() {
        assertThat(Accumulators.countRows(registry.create("count", List.of(), List.of()), 4)).isEqualTo(4L);
        assertThat(run("count", bigints(1L, null, 3L, null))).isEqualTo(2L);
        assertThat(run("count", VarcharVector.of("a", null))).isEqualTo(1L);
        assertThat(run("count_if", booleans(true, false, null, true))).isEqualTo(2L);
        assertThat(run("count", bigints())).isEqualTo(0L);
    }

    @Test
    void sumsAndAveragesIgnoreNullsAndAreNullWhenEmpty() {
        assertThat(run("sum", bigints(1L, null, 41L))).isEqualTo(42L);
        assertThat(run("sum", bigints((Long) null))).isNull();
        assertThat(run("sum", doubles(0.1, 0.2, null))).isEqualTo(0.30000000000000004);
        assertThat(run("avg", bigints(1L, 2L, null, 4L))).isEqualTo(7.0 / 3);
        assertThat(run("avg", doubles())).isNull();
        assertThat(run("avg", doubles(1.0, Double.POSITIVE_INFINITY))).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void bigintSumOverflowIsAQueryError() {
        assertThatThrownBy(() -> run("sum", bigints(Long.MAX_VALUE, 1L)))
                .isInstanceOf(QueryExecutionException.class).hasMessageContaining("bigint addition overflow");
        assertThat(run("sum", bigints(Long.MAX_VALUE, -1L))).isEqualTo(Long.MAX_VALUE - 1);
    }

    @Test
    void compensatedSumKeepsSmallAddendsNextToLargeOnes() {
        Double[] values = new Double[1001];
        values[0] = 1e16;
        Arrays.fill(values, 1, values.length, 1.0);
        assertThat(run("sum", doubles(values))).isEqualTo(1e16 + 1000);
    }

    @Test
    void minAndMaxOrderEveryType() {
        assertThat(run("min", bigints(5L, null, -3L, 7L))).isEqualTo(-3L);
        assertThat(run("max", bigints(5L, null, -3L, 7L))).isEqualTo(7L);
        assertThat(run("max", doubles(1.0, Double.NaN, 2.0))).isEqualTo(Double.NaN);
        assertThat(run("min", doubles(0.0, -0.0))).isEqualTo(-0.0);
        assertThat(run("min", booleans(true, null, false))).isEqualTo(false);
        assertThat(run("max", booleans(false, null))).isEqualTo(false);
        assertThat(run("min", VarcharVector.of("b", "a", "B", null))).isEqualTo("B");
        assertThat(run("max", VarcharVector.of("b", "a", "B"))).isEqualTo("b");
        // U+FF21 (fullwidth A) is below U+1F600 (emoji, a surrogate pair in UTF-16) in code point order.
        assertThat(run("max", VarcharVector.of("\uFF21", "\uD83D\uDE00"))).isEqualTo("\uD83D\uDE00");
        assertThat(run("min", LongVector.of(ColumnType.TIMESTAMP, 30L, 10L, 20L))).isEqualTo(10L);
        assertThat(run("max", VarcharVector.of((String) null))).isNull();
    }

    @Test
    void varianceAndStandardDeviationMatchTheTextbookExample() {
        DoubleVector values = doubles(2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0, null);
        assertThat((double) run("stddev_pop", values)).isCloseTo(2.0, within(1e-12));
        assertThat((double) run("var_pop", values)).isCloseTo(4.0, within(1e-12));
        assertThat((double) run("var_samp", values)).isCloseTo(32.0 / 7, within(1e-12));
        assertThat((double) run("variance", values)).isCloseTo(32.0 / 7, within(1e-12));
        assertThat((double) run("stddev", values)).isCloseTo(Math.sqrt(32.0 / 7), within(1e-12));
        assertThat((double) run("stddev_samp", bigints(1L, 3L))).isCloseTo(Math.sqrt(2), within(1e-12));
    }

    @Test
    void varianceEdgeCountsFollowTrino() {
        assertThat(run("var_samp", doubles(3.0))).isNull();
        assertThat(run("stddev", doubles(3.0))).isNull();
        assertThat(run("var_pop", doubles(3.0))).isEqualTo(0.0);
        assertThat(run("stddev_pop", doubles())).isNull();
    }

    @Test
    void varianceStaysAccurateForLargeValuesWithASmallSpread() {
        // Nanosecond timestamps around 2024: the naive sum-of-squares formula loses every digit here.
        long base = 1_700_000_000_000_000_000L;
        assertThat((double) run("var_pop", bigints(base, base + 1, base + 2))).isCloseTo(0.0, within(1e3));
        assertThat((double) run("var_samp", doubles(1e9 + 1, 1e9 + 2, 1e9 + 3))).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void maxByAndMinByPickTheRowOfTheExtremeKeyAndBreakTiesBySmallestValue() {
        VarcharVector hosts = VarcharVector.of("b", "a", "c", "d", null);
        DoubleVector cpu = doubles(90.0, 90.0, 10.0, null, 95.0);
        assertThat(run("max_by", hosts, cpu)).as("the NULL host has the highest cpu").isNull();
        assertThat(run("max_by", VarcharVector.of("b", "a", "c", "d"), doubles(90.0, 90.0, 10.0, null))).isEqualTo("a");
        assertThat(run("min_by", hosts, cpu)).isEqualTo("c");
        assertThat(run("max_by", VarcharVector.of(null, "x"), doubles(5.0, 5.0))).isEqualTo("x");
        assertThat(run("max_by", VarcharVector.of("x"), doubles((Double) null))).isNull();
    }

    @Test
    void booleanAggregatesAndArbitrary() {
        assertThat(run("bool_and", booleans(true, null, true))).isEqualTo(true);
        assertThat(run("every", booleans(true, false))).isEqualTo(false);
        assertThat(run("bool_or", booleans(false, null, true))).isEqualTo(true);
        assertThat(run("bool_or", booleans((Boolean) null))).isNull();
        assertThat(run("arbitrary", bigints(null, 7L, 8L))).isEqualTo(7L);
        assertThat(run("arbitrary", bigints((Long) null))).isNull();
    }

    @Test
    void geometricMean() {
        assertThat((double) run("geometric_mean", doubles(1.0, 2.0, 4.0, null))).isCloseTo(2.0, within(1e-12));
        assertThat(run("geometric_mean", bigints(0L, 5L))).isEqualTo(0.0);
        assertThat((double) run("geometric_mean", doubles(-1.0, 5.0))).isNaN();
    }

    @Test
    void arrayAggregateKeepsNullsAndOrder() {
        assertThat(run("array_agg", bigints(3L, null, 1L))).isEqualTo(Arrays.asList(3L, null, 1L));
        assertThat(run("array_agg", VarcharVector.of("x", "y"))).isEqualTo(List.of("x", "y"));
        assertThat(run("array_agg", bigints())).isNull();
    }

    @Test
    void groupsAreIndependentAndEmptyGroupsGiveEmptyResults() {
        GroupedAccumulator sum = registry.create("sum", List.of(ColumnType.BIGINT), List.of());
        GroupedAccumulator count = registry.create("count", List.of(ColumnType.BIGINT), List.of());
        sum.ensureGroupCount(3);
        count.ensureGroupCount(3);
        int[] groups = {0, 2, 0, 2};
        ColumnVector[] columns = {bigints(1L, 10L, 2L, 20L)};
        sum.add(groups, columns, 4);
        count.add(groups, columns, 4);
        assertThat(List.of(sum.finalResult(0), sum.finalResult(2))).containsExactly(3L, 30L);
        assertThat(sum.finalResult(1)).isNull();
        assertThat(count.finalResult(1)).isEqualTo(0L);
    }

    @Test
    void approximateAggregatesOnSmallInputs() {
        assertThat(run("approx_distinct", VarcharVector.of("a", "b", "a", null, "c"))).isEqualTo(3L);
        assertThat(run("approx_distinct", bigints())).isEqualTo(0L);
        GroupedAccumulator median = registry.create("approx_percentile", List.of(ColumnType.BIGINT), List.of(0.5));
        assertThat(singleGroup(median, bigints(1L, 2L, 3L, 4L, 5L, 100L, null))).isEqualTo(3L);
        GroupedAccumulator quartiles = registry.create("approx_percentile", List.of(ColumnType.DOUBLE),
                List.of(new double[] {0.0, 1.0}));
        assertThat(singleGroup(quartiles, doubles(3.5, -2.25, 8.0))).isEqualTo(List.of(-2.25, 8.0));
        GroupedAccumulator weighted = registry.create("approx_percentile", List.of(ColumnType.DOUBLE, ColumnType.BIGINT),
                List.of(0.5));
        assertThat((double) singleGroup(weighted, doubles(10.0, 20.0), bigints(1L, 9L))).isCloseTo(20.0, within(0.2));
    }

    @Test
    void invalidConstantsAndTypesAreValidationErrors() {
        assertThatThrownBy(() -> registry.create("approx_percentile", List.of(ColumnType.DOUBLE), List.of(1.5)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Percentile must be between 0 and 1");
        assertThatThrownBy(() -> registry.create("approx_distinct", List.of(ColumnType.DOUBLE), List.of(0.5)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> registry.create("sum", List.of(ColumnType.VARCHAR), List.of()))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> registry.create("median", List.of(ColumnType.DOUBLE), List.of()))
                .isInstanceOf(ValidationException.class);
        GroupedAccumulator weighted = registry.create("approx_percentile", List.of(ColumnType.DOUBLE, ColumnType.BIGINT),
                List.of(0.5));
        assertThatThrownBy(() -> singleGroup(weighted, doubles(1.0), bigints(0L)))
                .isInstanceOf(QueryExecutionException.class);
    }

    @Test
    void everyRegisteredSignatureCanBeCreated() {
        for (String name : registry.names()) {
            for (var signature : registry.signatures(name)) {
                List<String> arguments = signature.argumentTypes();
                List<Object> constants = new java.util.ArrayList<>();
                List<ColumnType> columns = new java.util.ArrayList<>();
                for (int i = 0; i < arguments.size(); i++) {
                    boolean constant = (name.equals("approx_distinct") && i == 1)
                            || (name.equals("approx_percentile") && arguments.get(i).contains("double") && i > 0);
                    if (constant) {
                        constants.add(arguments.get(i).startsWith("array") ? new double[] {0.5} : 0.05);
                    } else {
                        columns.add(ColumnType.valueOf(arguments.get(i).toUpperCase(java.util.Locale.ROOT)));
                    }
                }
                assertThat(registry.create(name, columns, constants)).as(signature.toString()).isNotNull();
            }
        }
    }
}
