package io.strata.load.data;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * IoT sensor readings: temperature (°C), humidity (%) and pressure (hPa) as clamped random walks
 * reported with two decimals, the way devices and their gateways round them. Devices report every
 * {@code interval} with up to ±{@code jitter} of clock jitter, as real devices do.
 */
public final class IotSensorGenerator {
    public static final List<String> FIELDS = List.of("temperature", "humidity", "pressure");

    private final long seed;

    public IotSensorGenerator(long seed) {
        this.seed = seed;
    }

    public SeriesDataset generate(int devices, int points, Duration interval, Duration jitter, Instant start) {
        Random random = new Random(seed);
        long startNanos = start.getEpochSecond() * 1_000_000_000L + start.getNano();
        long intervalNanos = interval.toNanos();
        long jitterMillis = jitter.toMillis();
        long[][] timestamps = new long[devices][points];
        double[][][] values = new double[devices][FIELDS.size()][points];
        for (int device = 0; device < devices; device++) {
            double temperature = 15 + random.nextDouble() * 15;
            double humidity = 30 + random.nextDouble() * 40;
            double pressure = 1000 + random.nextDouble() * 20;
            for (int point = 0; point < points; point++) {
                long jitterNanos = jitterMillis == 0 ? 0
                        : random.nextLong(-jitterMillis, jitterMillis + 1) * 1_000_000L;
                timestamps[device][point] = startNanos + point * intervalNanos + jitterNanos;
                temperature = Math.clamp(temperature + random.nextGaussian() * 0.05, -40.0, 85.0);
                humidity = Math.clamp(humidity + random.nextGaussian() * 0.2, 0.0, 100.0);
                pressure = Math.clamp(pressure + random.nextGaussian() * 0.05, 870.0, 1085.0);
                values[device][0][point] = twoDecimals(temperature);
                values[device][1][point] = twoDecimals(humidity);
                values[device][2][point] = twoDecimals(pressure);
            }
        }
        return new SeriesDataset("IoT 2-decimal", FIELDS, timestamps, values);
    }

    private static double twoDecimals(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
