package io.strata.load.data;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Full-precision doubles: unclamped random walks with N(0, 1) steps from a uniform start in
 * [0, 100], every bit of the mantissa in use (the hard case for any double codec).
 */
public final class RandomWalkGenerator {
    private final long seed;

    public RandomWalkGenerator(long seed) {
        this.seed = seed;
    }

    public SeriesDataset generate(int series, int fields, int points, Duration interval, Instant start) {
        Random random = new Random(seed);
        long startNanos = start.getEpochSecond() * 1_000_000_000L + start.getNano();
        long intervalNanos = interval.toNanos();
        long[][] timestamps = new long[series][points];
        double[][][] values = new double[series][fields][points];
        for (int s = 0; s < series; s++) {
            for (int point = 0; point < points; point++) {
                timestamps[s][point] = startNanos + point * intervalNanos;
            }
            for (int field = 0; field < fields; field++) {
                double value = random.nextDouble() * 100;
                for (int point = 0; point < points; point++) {
                    value += random.nextGaussian();
                    values[s][field][point] = value;
                }
            }
        }
        List<String> names = java.util.stream.IntStream.range(0, fields).mapToObj(i -> "walk_" + i).toList();
        return new SeriesDataset("random walk, full precision", names, timestamps, values);
    }
}
