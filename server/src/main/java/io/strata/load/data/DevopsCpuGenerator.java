package io.strata.load.data;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * The devops {@code cpu} measurement as TSBS generates it ({@code pkg/data/usecases/devops/cpu.go}):
 * per host, ten fields, each a random walk with N(0, 1) steps clamped to [0, 100] that starts
 * uniformly in [0, 100]; TSBS emits every field truncated to an integer ({@code usage_user=58i}),
 * so the values here are integer-valued doubles. Points are exactly {@code interval} apart.
 */
public final class DevopsCpuGenerator {
    public static final List<String> FIELDS = List.of("usage_user", "usage_system", "usage_idle", "usage_nice",
            "usage_iowait", "usage_irq", "usage_softirq", "usage_steal", "usage_guest", "usage_guest_nice");
    /** TSBS's default start. */
    public static final Instant DEFAULT_START = Instant.parse("2016-01-01T00:00:00Z");

    private final long seed;

    public DevopsCpuGenerator(long seed) {
        this.seed = seed;
    }

    public SeriesDataset generate(int hosts, int points, Duration interval, Instant start) {
        Random random = new Random(seed);
        long startNanos = start.getEpochSecond() * 1_000_000_000L + start.getNano();
        long intervalNanos = interval.toNanos();
        long[][] timestamps = new long[hosts][points];
        double[][][] values = new double[hosts][FIELDS.size()][points];
        double[] state = new double[FIELDS.size()];
        for (int host = 0; host < hosts; host++) {
            for (int field = 0; field < state.length; field++) {
                state[field] = random.nextDouble() * 100;
            }
            for (int point = 0; point < points; point++) {
                timestamps[host][point] = startNanos + point * intervalNanos;
                for (int field = 0; field < state.length; field++) {
                    state[field] = Math.clamp(state[field] + random.nextGaussian(), 0.0, 100.0);
                    values[host][field][point] = (long) state[field];
                }
            }
        }
        return new SeriesDataset("devops cpu (TSBS)", FIELDS, timestamps, values);
    }
}
