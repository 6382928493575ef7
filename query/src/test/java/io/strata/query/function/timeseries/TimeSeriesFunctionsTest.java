package io.strata.query.function.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.strata.core.batch.ColumnType;
import io.strata.core.batch.ColumnVector;
import io.strata.core.batch.DoubleVector;
import io.strata.core.batch.LongVector;
import io.strata.core.batch.VarcharVector;
import io.strata.core.error.QueryExecutionException;
import io.strata.query.function.time.Nanos;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeSeriesFunctionsTest {
    private static final long S = Nanos.PER_SECOND;

    @Test
    void createTimeSeriesSortsPointsPerGroupAndMergesPartials() {
        CreateTimeSeriesAccumulator shard1 = new CreateTimeSeriesAccumulator(ColumnType.DOUBLE);
        CreateTimeSeriesAccumulator shard2 = new CreateTimeSeriesAccumulator(ColumnType.DOUBLE);
        shard1.ensureGroupCount(2);
        shard2.ensureGroupCount(2);
        shard1.add(new int[] {0, 1, 0}, new ColumnVector[] {LongVector.of(ColumnType.TIMESTAMP, 30 * S, 5 * S, 10 * S),
                DoubleVector.of(3, 50, 1)}, 3);
        shard2.add(new int[] {0, 0}, new ColumnVector[] {LongVector.of(ColumnType.TIMESTAMP, 20 * S, 10 * S),
                DoubleVector.of(2, 0.5)}, 2);
        CreateTimeSeriesAccumulator coordinator = new CreateTimeSeriesAccumulator(ColumnType.DOUBLE);
        coordinator.ensureGroupCount(3);
        for (int group = 0; group < 2; group++) {
            coordinator.mergePartial(group, shard2.serializePartial(group));
            coordinator.mergePartial(group, shard1.serializePartial(group));
        }
        assertThat(coordinator.finalResult(0)).isEqualTo(TimeSeries.ofDoubles(
                new long[] {10 * S, 10 * S, 20 * S, 30 * S}, new double[] {0.5, 1, 2, 3}));
        assertThat(coordinator.finalResult(1)).isEqualTo(TimeSeries.ofDoubles(new long[] {5 * S}, new double[] {50}));
        assertThat(coordinator.finalResult(2)).isNull();
    }

    @Test
    void createTimeSeriesRejectsNullValues() {
        CreateTimeSeriesAccumulator accumulator = new CreateTimeSeriesAccumulator(ColumnType.VARCHAR);
        accumulator.ensureGroupCount(1);
        assertThatThrownBy(() -> accumulator.add(new int[1], new ColumnVector[] {LongVector.of(ColumnType.TIMESTAMP, 1),
                VarcharVector.of((String) null)}, 1)).isInstanceOf(QueryExecutionException.class)
                .hasMessageContaining("value must not be null");
    }

    @Test
    void derivativeIsTheRatePerIntervalAtTheLaterPoint() {
        TimeSeries counter = TimeSeries.ofBigints(new long[] {0, 10 * S, 20 * S, 40 * S}, new long[] {100, 160, 40, 100});
        assertThat(TimeSeriesCalculus.derivativeLinear(counter, Nanos.PER_MINUTE)).isEqualTo(TimeSeries.ofDoubles(
                new long[] {10 * S, 20 * S, 40 * S}, new double[] {360, -720, 180}));
        assertThat(TimeSeriesCalculus.nonNegativeDerivativeLinear(counter, S)).isEqualTo(TimeSeries.ofDoubles(
                new long[] {10 * S, 40 * S}, new double[] {6, 3}));
        assertThat(TimeSeriesCalculus.derivativeLinear(TimeSeries.ofDoubles(new long[] {S}, new double[] {1}), S).size()).isZero();
        assertThatThrownBy(() -> TimeSeriesCalculus.derivativeLinear(counter, 0)).isInstanceOf(QueryExecutionException.class);
    }

    @Test
    void integralUsesTheTrapezoidRuleInTheGivenUnit() {
        TimeSeries power = TimeSeries.ofDoubles(new long[] {0, 10 * S, 30 * S}, new double[] {2, 4, 0});
        // (2+4)/2*10 + (4+0)/2*20 = 30 + 40 = 70 value-seconds.
        assertThat(TimeSeriesCalculus.integralTrapezoidal(power)).isEqualTo(70.0);
        assertThat(TimeSeriesCalculus.integralTrapezoidal(power, Nanos.PER_MINUTE)).isCloseTo(70.0 / 60, within(1e-12));
        assertThat(TimeSeriesCalculus.integralTrapezoidal(TimeSeries.ofDoubles(new long[] {S}, new double[] {9}))).isEqualTo(0.0);
        assertThat(TimeSeriesCalculus.integralTrapezoidal(TimeSeries.empty(ColumnType.DOUBLE))).isNull();
    }

    @Test
    void correlationsNeedIdenticalTimestamps() {
        long[] times = {1, 2, 3, 4};
        TimeSeries x = TimeSeries.ofDoubles(times, new double[] {1, 2, 3, 4});
        TimeSeries y = TimeSeries.ofDoubles(times, new double[] {2, 4, 6, 100});
        assertThat(TimeSeriesCorrelation.spearman(x, y)).isCloseTo(1.0, within(1e-12));
        assertThat(TimeSeriesCorrelation.pearson(x, TimeSeries.ofDoubles(times, new double[] {8, 6, 4, 2})))
                .isCloseTo(-1.0, within(1e-12));
        assertThat(TimeSeriesCorrelation.pearson(x, y)).isCloseTo(148 / Math.sqrt(5 * 6920.0), within(1e-12));
        assertThat(TimeSeriesCorrelation.ranks(new double[] {5, 1, 5, 3})).containsExactly(3.5, 1, 3.5, 2);
        assertThatThrownBy(() -> TimeSeriesCorrelation.pearson(x, TimeSeries.ofDoubles(new long[] {1, 2, 3, 5},
                new double[] {1, 2, 3, 4}))).isInstanceOf(QueryExecutionException.class);
        assertThat(TimeSeriesCorrelation.pearson(TimeSeries.ofDoubles(new long[] {1}, new double[] {1}),
                TimeSeries.ofDoubles(new long[] {1}, new double[] {1}))).isNull();
    }

    @Test
    void filterTransformAndReduceWalkPointsInTimeOrder() {
        TimeSeries series = TimeSeries.ofDoubles(new long[] {S, 2 * S, 3 * S}, new double[] {10, 50, 30});
        assertThat(TimeSeriesLambdas.filter(series, x -> (Double) x.value() > 20))
                .isEqualTo(TimeSeries.ofDoubles(new long[] {2 * S, 3 * S}, new double[] {50, 30}));
        assertThat(TimeSeriesLambdas.filter(series, x -> null).size()).isZero();
        assertThat(TimeSeriesLambdas.transform(series, ColumnType.BOOLEAN, x -> (Double) x.value() > 20))
                .isEqualTo(TimeSeries.ofBooleans(new long[] {S, 2 * S, 3 * S}, new boolean[] {false, true, true}));
        List<Long> seen = new ArrayList<>();
        Object sum = TimeSeriesLambdas.reduce(series, 0.0, (state, x) -> {
            seen.add(x.time());
            return (Double) state + (Double) x.value();
        }, state -> (Double) state / 3);
        assertThat(sum).isEqualTo(30.0);
        assertThat(seen).containsExactly(S, 2 * S, 3 * S);
    }

    @Test
    void sequencesAreInclusiveAndLimited() {
        assertThat(Sequences.bigints(1, 5, 2)).containsExactly(1, 3, 5);
        assertThat(Sequences.bigints(5, 1)).containsExactly(5, 4, 3, 2, 1);
        assertThat(Sequences.bigints(1, 6, 2)).containsExactly(1, 3, 5);
        assertThat(Sequences.timestamps(0, 45 * S, 15 * S)).containsExactly(0, 15 * S, 30 * S, 45 * S);
        assertThat(Sequences.timestamps(0, 2 * Nanos.PER_DAY)).hasSize(3);
        assertThat(Sequences.bigints(0, 9_999)).hasSize(10_000);
        assertThatThrownBy(() -> Sequences.bigints(0, 10_000)).isInstanceOf(QueryExecutionException.class)
                .hasMessageContaining("must not have more than 10000 entries");
        assertThatThrownBy(() -> Sequences.bigints(Long.MIN_VALUE, Long.MAX_VALUE, 1)).isInstanceOf(QueryExecutionException.class);
        assertThatThrownBy(() -> Sequences.bigints(1, 5, 0)).hasMessageContaining("step must not be zero");
        assertThatThrownBy(() -> Sequences.bigints(5, 1, 1)).hasMessageContaining("stop value should be");
    }

    @Test
    void monthlySequencesClampToShortMonthsFromTheStart() {
        long january31 = 1_706_659_200L * S; // 2024-01-31T00:00:00Z
        long may1 = 1_714_521_600L * S; // 2024-05-01T00:00:00Z
        long[] months = Sequences.timestampsByMonths(january31, may1, 1);
        assertThat(months).hasSize(4);
        assertThat(months[1]).isEqualTo(1_709_164_800L * S); // 2024-02-29
        assertThat(months[2]).isEqualTo(1_711_843_200L * S); // 2024-03-31
        assertThat(months[3]).isEqualTo(1_714_435_200L * S); // 2024-04-30, before May 1
    }

    @Test
    void unnestProducesTimeAndTypedValueColumns() {
        TimeSeries series = TimeSeries.ofVarchars(new long[] {S, 2 * S}, new String[] {"a", "b"});
        assertThat(TimeSeriesUnnest.times(series)).isEqualTo(LongVector.of(ColumnType.TIMESTAMP, S, 2 * S));
        assertThat(TimeSeriesUnnest.values(series)).isEqualTo(VarcharVector.of("a", "b"));
        assertThat(TimeSeriesUnnest.values(TimeSeries.ofDoubles(new long[] {S}, new double[] {1.5})))
                .isEqualTo(DoubleVector.of(1.5));
    }

    @Test
    void seriesMustBeSortedAndHoldNoNulls() {
        assertThatThrownBy(() -> TimeSeries.ofDoubles(new long[] {2, 1}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimeSeries.ofVarchars(new long[] {1}, new String[] {null}))
                .isInstanceOf(NullPointerException.class);
    }
}
