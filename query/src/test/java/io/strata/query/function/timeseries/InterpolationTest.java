package io.strata.query.function.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.strata.core.batch.ColumnType;
import io.strata.core.error.ValidationException;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class InterpolationTest {
    private static final long S = 1_000_000_000L;

    /** Points at 10s=1.0, 20s=3.0, 40s=2.0. */
    private static final TimeSeries SERIES = TimeSeries.ofDoubles(new long[] {10 * S, 20 * S, 40 * S}, new double[] {1.0, 3.0, 2.0});

    @Test
    void linearInterpolatesInsideTheRangeAndReturnsObservedValuesExactly() {
        assertThat(Interpolation.linear(SERIES, 15 * S)).isEqualTo(2.0);
        assertThat(Interpolation.linear(SERIES, 25 * S)).isEqualTo(2.75);
        assertThat(Interpolation.linear(SERIES, 20 * S)).isEqualTo(3.0);
        assertThat(Interpolation.linear(SERIES, 10 * S)).isEqualTo(1.0);
        assertThat(Interpolation.linear(SERIES, 40 * S)).isEqualTo(2.0);
    }

    @Test
    void linearDoesNotExtrapolate() {
        assertThat(Interpolation.linear(SERIES, 9 * S)).isNull();
        assertThat(Interpolation.linear(SERIES, 41 * S)).isNull();
        TimeSeries result = Interpolation.linear(SERIES, new long[] {40 * S, 0, 30 * S, 10 * S, 30 * S, 50 * S});
        assertThat(result).isEqualTo(TimeSeries.ofDoubles(new long[] {10 * S, 30 * S, 40 * S}, new double[] {1.0, 2.5, 2.0}));
        assertThat(Interpolation.linear(TimeSeries.empty(ColumnType.DOUBLE), 5 * S)).isNull();
    }

    @Test
    void singlePointAnswersOnlyAtItsOwnTime() {
        TimeSeries one = TimeSeries.ofBigints(new long[] {5 * S}, new long[] {7});
        assertThat(Interpolation.linear(one, 5 * S)).isEqualTo(7.0);
        assertThat(Interpolation.linear(one, 6 * S)).isNull();
        assertThat(Interpolation.splineCubic(one, 5 * S)).isEqualTo(7.0);
        assertThat(Interpolation.splineCubic(one, 4 * S)).isNull();
    }

    @Test
    void equalTimesCollapseToTheirMean() {
        TimeSeries duplicated = TimeSeries.ofDoubles(new long[] {0, 10 * S, 10 * S, 20 * S}, new double[] {0, 2, 4, 3});
        assertThat(Interpolation.linear(duplicated, 10 * S)).isEqualTo(3.0);
        assertThat(Interpolation.linear(duplicated, 5 * S)).isEqualTo(1.5);
        assertThat(Interpolation.fill(duplicated, 10 * S, -1)).isEqualTo(3.0);
    }

    @Test
    void locfCarriesTheLastObservationForwardWithoutUpperBound() {
        assertThat(Interpolation.locf(SERIES, 9 * S)).isNull();
        assertThat(Interpolation.locf(SERIES, 10 * S)).isEqualTo(1.0);
        assertThat(Interpolation.locf(SERIES, 39 * S)).isEqualTo(3.0);
        assertThat(Interpolation.locf(SERIES, 1000 * S)).isEqualTo(2.0);
        TimeSeries states = TimeSeries.ofVarchars(new long[] {10 * S, 20 * S}, new String[] {"on", "off"});
        assertThat(Interpolation.locf(states, new long[] {5 * S, 15 * S, 25 * S}))
                .isEqualTo(TimeSeries.ofVarchars(new long[] {15 * S, 25 * S}, new String[] {"on", "off"}));
    }

    @Test
    void fillUsesTheConstantWhereverNothingWasObserved() {
        assertThat(Interpolation.fill(SERIES, 15 * S, -1)).isEqualTo(-1.0);
        assertThat(Interpolation.fill(SERIES, 20 * S, -1)).isEqualTo(3.0);
        assertThat(Interpolation.fill(SERIES, 100 * S, 0)).isEqualTo(0.0);
        assertThat(Interpolation.fill(SERIES, new long[] {0, 10 * S, 15 * S}, 9))
                .isEqualTo(TimeSeries.ofDoubles(new long[] {0, 10 * S, 15 * S}, new double[] {9, 1, 9}));
    }

    @Test
    void splineMatchesHandComputedNaturalSpline() {
        // Points (0,0), (1,1), (2,0) in units of 10s: natural spline has M1 = -3, so on [0,1]
        // S(x) = -0.5 x^3 + 1.5 x, S(0.5) = 0.6875; symmetric on [1,2].
        TimeSeries hat = TimeSeries.ofDoubles(new long[] {0, 10 * S, 20 * S}, new double[] {0, 1, 0});
        assertThat(Interpolation.splineCubic(hat, 5 * S)).isCloseTo(0.6875, within(1e-12));
        assertThat(Interpolation.splineCubic(hat, 15 * S)).isCloseTo(0.6875, within(1e-12));
        assertThat(Interpolation.splineCubic(hat, 10 * S)).isEqualTo(1.0);
        assertThat(Interpolation.splineCubic(hat, 21 * S)).isNull();
        TimeSeries line = TimeSeries.ofDoubles(new long[] {0, 10 * S}, new double[] {2, 4});
        assertThat(Interpolation.splineCubic(line, 5 * S)).isCloseTo(3.0, within(1e-12));
    }

    @Property(tries = 100)
    void splineAgreesWithAnIndependentDenseSolver(@ForAll @IntRange(min = 3, max = 9) int points, @ForAll long seed) {
        Random random = new Random(seed);
        long[] times = new long[points];
        double[] values = new double[points];
        long time = random.nextInt(1000) * S;
        for (int i = 0; i < points; i++) {
            time += (1 + random.nextInt(100)) * S;
            times[i] = time;
            values[i] = random.nextDouble() * 200 - 100;
        }
        TimeSeries series = TimeSeries.ofDoubles(times, values);
        DenseSplineSolver reference = new DenseSplineSolver(times, values);
        for (int probe = 0; probe < 20; probe++) {
            long at = times[0] + (long) (random.nextDouble() * (times[points - 1] - times[0]));
            assertThat(Interpolation.splineCubic(series, at)).isCloseTo(reference.valueAt(at), within(1e-6));
        }
    }

    @Test
    void nonNumericSeriesAreRejectedWhereArithmeticIsNeeded() {
        TimeSeries states = TimeSeries.ofBooleans(new long[] {1}, new boolean[] {true});
        assertThatThrownBy(() -> Interpolation.linear(states, 1)).isInstanceOf(ValidationException.class);
        assertThat(Interpolation.locf(states, 2)).isEqualTo(true);
    }

    /**
     * Solves for all 4(n-1) cubic coefficients at once with Gaussian elimination: interpolation at
     * both ends of each piece, C1 and C2 continuity at inner knots, zero curvature at the ends.
     * Shares no code with the production tridiagonal solver.
     */
    static final class DenseSplineSolver {
        private final double[] x;
        private final double[] coefficients;
        private final long origin;

        DenseSplineSolver(long[] times, double[] values) {
            int n = times.length;
            origin = times[0];
            x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = (times[i] - origin) / (double) S;
            }
            int unknowns = 4 * (n - 1);
            double[][] matrix = new double[unknowns][unknowns + 1];
            int row = 0;
            // Piece p is a cubic in t = x - x[p] on [0, h_p].
            for (int piece = 0; piece < n - 1; piece++) {
                double h = x[piece + 1] - x[piece];
                matrix[row][4 * piece] = 1;
                matrix[row++][unknowns] = values[piece];
                for (int power = 0; power < 4; power++) {
                    matrix[row][4 * piece + power] = Math.pow(h, power);
                }
                matrix[row++][unknowns] = values[piece + 1];
            }
            for (int knot = 1; knot < n - 1; knot++) {
                double h = x[knot] - x[knot - 1];
                for (int power = 1; power < 4; power++) {
                    matrix[row][4 * (knot - 1) + power] = power * Math.pow(h, power - 1);
                }
                matrix[row++][4 * knot + 1] = -1;
                for (int power = 2; power < 4; power++) {
                    matrix[row][4 * (knot - 1) + power] = power * (power - 1) * Math.pow(h, power - 2);
                }
                matrix[row++][4 * knot + 2] = -2;
            }
            matrix[row++][2] = 2;
            double last = x[n - 1] - x[n - 2];
            matrix[row][4 * (n - 2) + 2] = 2;
            matrix[row][4 * (n - 2) + 3] = 6 * last;
            coefficients = gauss(matrix);
        }

        double valueAt(long time) {
            double at = (time - origin) / (double) S;
            int piece = 0;
            while (piece < x.length - 2 && at > x[piece + 1]) {
                piece++;
            }
            double t = at - x[piece];
            double value = 0;
            for (int power = 0; power < 4; power++) {
                value += coefficients[4 * piece + power] * Math.pow(t, power);
            }
            return value;
        }

        private static double[] gauss(double[][] matrix) {
            int size = matrix.length;
            for (int column = 0; column < size; column++) {
                int pivot = column;
                for (int r = column + 1; r < size; r++) {
                    if (Math.abs(matrix[r][column]) > Math.abs(matrix[pivot][column])) {
                        pivot = r;
                    }
                }
                double[] swap = matrix[column];
                matrix[column] = matrix[pivot];
                matrix[pivot] = swap;
                for (int r = 0; r < size; r++) {
                    if (r != column) {
                        double factor = matrix[r][column] / matrix[column][column];
                        for (int c = column; c <= size; c++) {
                            matrix[r][c] -= factor * matrix[column][c];
                        }
                    }
                }
            }
            double[] solution = new double[size];
            for (int r = 0; r < size; r++) {
                solution[r] = matrix[r][size] / matrix[r][r];
            }
            return solution;
        }
    }
}
