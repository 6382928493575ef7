package io.strata.load.data;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import java.util.SplittableRandom;

/**
 * IoT sensor readings as a stream: the model of {@link IotSensorGenerator} (temperature, humidity
 * and pressure as clamped random walks with two decimals, reported every {@code interval} with up to
 * ±{@code jitter} of whole-millisecond clock jitter), as multi-measure {@code sensor_metrics}
 * records of devices with {@code device_id}, {@code location} and {@code region}.
 */
public final class IotSensorStream implements PointStream {
    private static final List<String> REGIONS = List.of("us-east", "us-west", "eu-central", "ap-south");

    private final long startNanos;
    private final long intervalNanos;
    private final long jitterMillis;
    private final SplittableRandom[] randoms;
    private final double[][] state;
    private final long[] points;
    private final List<SequencedMap<String, String>> dimensions;

    public IotSensorStream(long seed, int devices, Instant start, Duration interval, Duration jitter) {
        if (devices < 1) {
            throw new IllegalArgumentException("devices must be at least 1, was " + devices);
        }
        this.startNanos = start.getEpochSecond() * 1_000_000_000L + start.getNano();
        this.intervalNanos = interval.toNanos();
        this.jitterMillis = jitter.toMillis();
        SplittableRandom root = new SplittableRandom(seed);
        this.randoms = new SplittableRandom[devices];
        this.state = new double[devices][];
        this.points = new long[devices];
        List<SequencedMap<String, String>> tags = new ArrayList<>(devices);
        for (int device = 0; device < devices; device++) {
            SplittableRandom random = root.split();
            randoms[device] = random;
            state[device] = new double[] {15 + random.nextDouble() * 15, 30 + random.nextDouble() * 40,
                    1000 + random.nextDouble() * 20};
            SequencedMap<String, String> deviceTags = new LinkedHashMap<>();
            deviceTags.put("device_id", String.format("sensor-%03d", device + 1));
            deviceTags.put("location", "building-" + (1 + random.nextInt(10)) + "/floor-" + (1 + random.nextInt(5)));
            deviceTags.put("region", REGIONS.get(random.nextInt(REGIONS.size())));
            tags.add(Collections.unmodifiableSequencedMap(deviceTags));
        }
        this.dimensions = List.copyOf(tags);
    }

    @Override
    public String measureName() {
        return "sensor_metrics";
    }

    @Override
    public List<String> fields() {
        return IotSensorGenerator.FIELDS;
    }

    @Override
    public int seriesCount() {
        return randoms.length;
    }

    @Override
    public SequencedMap<String, String> dimensions(int series) {
        return dimensions.get(series);
    }

    @Override
    public long next(int series, double[] values) {
        SplittableRandom random = randoms[series];
        double[] walk = state[series];
        long jitterNanos = jitterMillis == 0 ? 0 : random.nextLong(-jitterMillis, jitterMillis + 1) * 1_000_000L;
        walk[0] = Math.clamp(walk[0] + random.nextGaussian() * 0.05, -40.0, 85.0);
        walk[1] = Math.clamp(walk[1] + random.nextGaussian() * 0.2, 0.0, 100.0);
        walk[2] = Math.clamp(walk[2] + random.nextGaussian() * 0.05, 870.0, 1085.0);
        for (int field = 0; field < walk.length; field++) {
            values[field] = Math.round(walk[field] * 100) / 100.0;
        }
        return startNanos + points[series]++ * intervalNanos + jitterNanos;
    }
}
