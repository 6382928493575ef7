package io.strata.query.function.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.ValidationException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The documented error bounds of the two sketches, pinned. */
class SketchAccuracyTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 100, 1_000, 5_000, 20_000, 200_000})
    void hyperLogLogIsWithinFourStandardErrorsAtDefaultPrecision(int cardinality) {
        HyperLogLog sketch = new HyperLogLog(HyperLogLog.precisionFor(HyperLogLog.DEFAULT_STANDARD_ERROR));
        Random random = new Random(cardinality);
        long start = random.nextLong();
        for (int repeat = 0; repeat < 2; repeat++) {
            for (long i = 0; i < cardinality; i++) {
                sketch.addHash(ValueHashing.hashLong(start + i * 7919));
            }
        }
        double error = Math.abs(sketch.estimate() - cardinality) / (double) cardinality;
        assertThat(error).as("relative error at %d", cardinality).isLessThanOrEqualTo(4 * 0.023);
    }

    @Test
    void hyperLogLogAverageErrorMatchesTheStandardError() {
        int runs = 40;
        int cardinality = 50_000;
        double squaredErrors = 0;
        for (int run = 0; run < runs; run++) {
            HyperLogLog sketch = new HyperLogLog(11);
            for (int i = 0; i < cardinality; i++) {
                sketch.addHash(ValueHashing.hashString("host-" + run + "-" + i));
            }
            double error = (sketch.estimate() - cardinality) / (double) cardinality;
            squaredErrors += error * error;
        }
        double rootMeanSquare = Math.sqrt(squaredErrors / runs);
        assertThat(rootMeanSquare).isBetween(0.005, 0.035);
    }

    @Test
    void standardErrorSelectsPrecisionWithinTrinoBounds() {
        assertThat(HyperLogLog.precisionFor(0.023)).isEqualTo(11);
        assertThat(HyperLogLog.precisionFor(0.0040625)).isEqualTo(16);
        assertThat(HyperLogLog.precisionFor(0.26)).isEqualTo(4);
        assertThatThrownBy(() -> HyperLogLog.precisionFor(0.004)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> HyperLogLog.precisionFor(0.3)).isInstanceOf(ValidationException.class);
    }

    @Test
    void hashesDistinguishCloseValues() {
        assertThat(ValueHashing.hashString("a")).isNotEqualTo(ValueHashing.hashString("a\0"));
        assertThat(ValueHashing.hashDouble(0.0)).isEqualTo(ValueHashing.hashDouble(-0.0));
        assertThat(ValueHashing.hashLong(1)).isNotEqualTo(ValueHashing.hashLong(2));
    }

    @Property(tries = 200)
    void quantileSketchIsWithinItsRelativeBound(
            @ForAll @Size(min = 1, max = 400) List<@DoubleRange(min = -1e9, max = 1e9) Double> values,
            @ForAll @DoubleRange(min = 0, max = 1) double q,
            @ForAll @DoubleRange(min = 0.001, max = 0.2) @Scale(4) double accuracy) {
        RelativeErrorQuantileSketch sketch = new RelativeErrorQuantileSketch(accuracy);
        values.forEach(sketch::add);
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double exact = sorted[(int) Math.floor(q * (sorted.length - 1))];
        assertThat(Math.abs(sketch.quantile(q) - exact)).isLessThanOrEqualTo(accuracy * Math.abs(exact) * (1 + 1e-9) + 1e-300);
    }

    @Test
    void quantileSketchOnALatencyLikeDistribution() {
        Random random = new Random(42);
        RelativeErrorQuantileSketch sketch = new RelativeErrorQuantileSketch(0.01);
        double[] values = new double[100_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.exp(random.nextGaussian() * 1.5 + 3);
            sketch.add(values[i]);
        }
        Arrays.sort(values);
        for (double q : new double[] {0.5, 0.9, 0.99, 0.999}) {
            double exact = values[(int) Math.floor(q * (values.length - 1))];
            assertThat(sketch.quantile(q)).as("p%s", q).isCloseTo(exact, org.assertj.core.api.Assertions.within(0.01 * exact));
        }
    }

    @Test
    void quantileSketchHandlesZerosInfinitiesAndNaN() {
        RelativeErrorQuantileSketch sketch = new RelativeErrorQuantileSketch(0.01);
        for (double value : new double[] {0.0, 0.0, Double.NaN, Double.POSITIVE_INFINITY, -5.0}) {
            sketch.add(value);
        }
        assertThat(sketch.count()).isEqualTo(4);
        assertThat(sketch.quantile(0)).isEqualTo(-5.0);
        assertThat(sketch.quantile(0.5)).isEqualTo(0.0);
        assertThat(sketch.quantile(1)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(new RelativeErrorQuantileSketch(0.01).quantile(0.5)).isNaN();
    }
}
