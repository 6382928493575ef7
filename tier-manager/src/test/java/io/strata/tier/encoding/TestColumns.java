package io.strata.tier.encoding;

import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Column contents for property tests: the shapes real series have, plus every awkward value. */
final class TestColumns {
    private TestColumns() {
    }

    static final double[] SPECIAL_DOUBLES = {
        Double.NaN,
        Double.longBitsToDouble(0x7ff8000000000001L), // quiet NaN with a payload
        Double.longBitsToDouble(0x7ff0000000000001L), // signalling NaN
        Double.longBitsToDouble(0xfff8000000000000L), // negative NaN
        Double.longBitsToDouble(0x7fffffffffffffffL), // NaN, every payload bit set
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        0.0, -0.0,
        Double.MIN_VALUE, -Double.MIN_VALUE,
        Double.longBitsToDouble(0x000fffffffffffffL), // largest subnormal
        Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE,
        1.0, -1.0, 0.1, 1e300, 1e-300,
    };

    static final long[] SPECIAL_LONGS = {
        Long.MIN_VALUE, Long.MIN_VALUE + 1, -1, 0, 1, Long.MAX_VALUE - 1, Long.MAX_VALUE,
        Integer.MIN_VALUE, Integer.MAX_VALUE,
    };

    static Arbitrary<double[]> doubleColumns() {
        Arbitrary<double[]> segment = Arbitraries.oneOf(
                Arbitraries.of(toList(SPECIAL_DOUBLES)).list().ofMaxSize(40).map(TestColumns::toDoubles),
                Arbitraries.longs().map(Double::longBitsToDouble).list().ofMaxSize(300).map(TestColumns::toDoubles),
                Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(0, 3000),
                                Arbitraries.of(1e-6, 1.0, 1e6))
                        .as(TestColumns::randomWalk),
                Arbitraries.integers().between(-100_000, 100_000).map(i -> (double) i)
                        .list().ofMaxSize(1500).map(TestColumns::toDoubles),
                Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(0, 3000))
                        .as(TestColumns::twoDecimalWalk),
                Combinators.combine(Arbitraries.of(toList(SPECIAL_DOUBLES)), Arbitraries.integers().between(0, 3000))
                        .as(TestColumns::constantRun));
        return segment.list().ofMaxSize(4).map(TestColumns::concat);
    }

    static Arbitrary<long[]> longColumns() {
        Arbitrary<long[]> segment = Arbitraries.oneOf(
                Arbitraries.of(toList(SPECIAL_LONGS)).list().ofMaxSize(40).map(TestColumns::toLongs),
                Arbitraries.longs().list().ofMaxSize(300).map(TestColumns::toLongs),
                Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(0, 3000),
                                Arbitraries.of(1L, 1000L, 10_000_000_000L))
                        .as(TestColumns::longWalk),
                Combinators.combine(Arbitraries.of(toList(SPECIAL_LONGS)), Arbitraries.integers().between(0, 3000))
                        .as((value, size) -> {
                            long[] run = new long[size];
                            java.util.Arrays.fill(run, value);
                            return run;
                        }));
        return segment.list().ofMaxSize(4).map(TestColumns::concatLongs);
    }

    /** Timestamps at a fixed interval with occasional jitter and gaps, in nanoseconds. */
    static long[] timestamps(long seed, int count, long intervalNanos, double irregularShare) {
        Random random = new Random(seed);
        long[] times = new long[count];
        long time = 1_700_000_000_000_000_000L;
        for (int i = 0; i < count; i++) {
            time += intervalNanos;
            if (random.nextDouble() < irregularShare) {
                time += random.nextLong(-intervalNanos / 2, intervalNanos * 100);
            }
            times[i] = time;
        }
        return times;
    }

    static double[] randomWalk(long seed, int count, double scale) {
        Random random = new Random(seed);
        double[] values = new double[count];
        double value = random.nextDouble() * 100 * scale;
        for (int i = 0; i < count; i++) {
            value += random.nextGaussian() * scale;
            values[i] = value;
        }
        return values;
    }

    static double[] twoDecimalWalk(long seed, int count) {
        Random random = new Random(seed);
        double[] values = new double[count];
        double value = 20 + random.nextDouble() * 10;
        for (int i = 0; i < count; i++) {
            value += random.nextGaussian() * 0.05;
            values[i] = Math.round(value * 100) / 100.0;
        }
        return values;
    }

    static double[] constantRun(double value, int count) {
        double[] values = new double[count];
        java.util.Arrays.fill(values, value);
        return values;
    }

    static long[] longWalk(long seed, int count, long scale) {
        Random random = new Random(seed);
        long[] values = new long[count];
        long value = random.nextLong();
        for (int i = 0; i < count; i++) {
            value += (long) (random.nextGaussian() * scale);
            values[i] = value;
        }
        return values;
    }

    private static List<Double> toList(double[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }

    private static List<Long> toList(long[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }

    private static double[] toDoubles(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static long[] toLongs(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    private static double[] concat(List<double[]> parts) {
        return parts.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    private static long[] concatLongs(List<long[]> parts) {
        return parts.stream().flatMapToLong(java.util.Arrays::stream).toArray();
    }
}
