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
 * The devops {@code cpu} measurement as a stream: the model of {@link DevopsCpuGenerator} (ten
 * clamped random walks per host, integer-valued, exactly {@code interval} apart) with TSBS's host
 * tags ({@code hostname}, {@code region}, {@code datacenter}, {@code rack}, {@code os}, {@code arch},
 * {@code team}, {@code service}, {@code service_version}, {@code service_environment}).
 */
public final class DevopsCpuStream implements PointStream {
    private static final List<String> REGIONS = List.of("us-east-1", "us-west-1", "us-west-2", "eu-west-1",
            "eu-central-1", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "sa-east-1");
    private static final List<String> OPERATING_SYSTEMS = List.of("Ubuntu16.10", "Ubuntu16.04LTS", "Ubuntu15.10");
    private static final List<String> ARCHITECTURES = List.of("x64", "x86");
    private static final List<String> TEAMS = List.of("SF", "NYC", "LON", "CHI");
    private static final List<String> ENVIRONMENTS = List.of("production", "staging", "test");

    private final long startNanos;
    private final long intervalNanos;
    private final SplittableRandom[] randoms;
    private final double[][] state;
    private final long[] points;
    private final List<SequencedMap<String, String>> dimensions;

    public DevopsCpuStream(long seed, int hosts, Instant start, Duration interval) {
        if (hosts < 1) {
            throw new IllegalArgumentException("hosts must be at least 1, was " + hosts);
        }
        this.startNanos = start.getEpochSecond() * 1_000_000_000L + start.getNano();
        this.intervalNanos = interval.toNanos();
        SplittableRandom root = new SplittableRandom(seed);
        this.randoms = new SplittableRandom[hosts];
        this.state = new double[hosts][DevopsCpuGenerator.FIELDS.size()];
        this.points = new long[hosts];
        List<SequencedMap<String, String>> tags = new ArrayList<>(hosts);
        for (int host = 0; host < hosts; host++) {
            SplittableRandom random = root.split();
            randoms[host] = random;
            for (int field = 0; field < state[host].length; field++) {
                state[host][field] = random.nextDouble() * 100;
            }
            tags.add(hostTags(host, random));
        }
        this.dimensions = List.copyOf(tags);
    }

    private static SequencedMap<String, String> hostTags(int host, SplittableRandom random) {
        SequencedMap<String, String> tags = new LinkedHashMap<>();
        String region = REGIONS.get(random.nextInt(REGIONS.size()));
        tags.put("hostname", "host_" + host);
        tags.put("region", region);
        tags.put("datacenter", region + (char) ('a' + random.nextInt(3)));
        tags.put("rack", Integer.toString(random.nextInt(100)));
        tags.put("os", OPERATING_SYSTEMS.get(random.nextInt(OPERATING_SYSTEMS.size())));
        tags.put("arch", ARCHITECTURES.get(random.nextInt(ARCHITECTURES.size())));
        tags.put("team", TEAMS.get(random.nextInt(TEAMS.size())));
        tags.put("service", Integer.toString(random.nextInt(20)));
        tags.put("service_version", Integer.toString(random.nextInt(2)));
        tags.put("service_environment", ENVIRONMENTS.get(random.nextInt(ENVIRONMENTS.size())));
        return Collections.unmodifiableSequencedMap(tags);
    }

    @Override
    public String measureName() {
        return "cpu";
    }

    @Override
    public List<String> fields() {
        return DevopsCpuGenerator.FIELDS;
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
        double[] walk = state[series];
        SplittableRandom random = randoms[series];
        for (int field = 0; field < walk.length; field++) {
            walk[field] = Math.clamp(walk[field] + random.nextGaussian(), 0.0, 100.0);
            values[field] = (long) walk[field];
        }
        return startNanos + points[series]++ * intervalNanos;
    }
}
