package io.strata.bench.cluster;

import io.strata.api.v1.Dimension;
import io.strata.api.v1.MeasureValue;
import io.strata.api.v1.MeasureValueType;
import io.strata.api.v1.Record;
import io.strata.api.v1.TimeUnit;
import io.strata.api.v1.WriteRecordsRequest;
import io.strata.load.data.DevopsCpuGenerator;
import io.strata.load.data.SeriesDataset;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * WriteRecords requests in the shape of TSBS devops {@code cpu}: one MULTI record per host and
 * time, ten DOUBLE measures ({@link DevopsCpuGenerator#FIELDS}) and the ten TSBS host tags as
 * dimensions. Values come from a seeded {@link DevopsCpuGenerator} dataset (integer-valued, as TSBS
 * emits them). Every record is a new point: one writer's records cycle through its own hosts and
 * advance time by one millisecond per round, so no write is an idempotent repeat of another.
 *
 * <p>The protobuf pieces that repeat (each host's dimensions, each field/value pair) are built once,
 * so a request costs the load generator little besides the request itself. Not thread-safe: one per
 * writer thread.
 */
final class CpuRecordSource {
    static final String MEASURE_NAME = "cpu";
    static final int VALUES_PER_RECORD = DevopsCpuGenerator.FIELDS.size();
    private static final int MAX_VALUE = 100;
    private static final String[] REGIONS = {"us-east-1", "us-west-1", "us-west-2", "eu-west-1", "eu-central-1",
            "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "sa-east-1"};
    /** Each field's MeasureValue for each integer value 0..100 (TSBS cpu values are integers in that range). */
    private static final MeasureValue[][] MEASURE_VALUES = measureValues();

    private final String databaseName;
    private final String tableName;
    private final List<List<Dimension>> hostDimensions;
    private final SeriesDataset values;
    private final long startMillis;
    private long next;

    /**
     * @param firstHost number of this writer's first host; hosts {@code firstHost .. firstHost + hosts - 1}
     * @param startTime time of the first round of records (keep it inside the table's memory window)
     */
    CpuRecordSource(String databaseName, String tableName, int firstHost, int hosts, Instant startTime, long seed) {
        this(databaseName, tableName, IntStream.range(firstHost, firstHost + hosts).boxed().toList(), startTime, seed);
    }

    /** As above with an explicit list of host numbers (e.g. only hosts whose series land on one Raft group). */
    CpuRecordSource(String databaseName, String tableName, List<Integer> hosts, Instant startTime, long seed) {
        this.databaseName = Objects.requireNonNull(databaseName, "databaseName");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("at least one host is needed");
        }
        this.hostDimensions = new ArrayList<>(hosts.size());
        for (int host : hosts) {
            hostDimensions.add(dimensions(host));
        }
        this.values = new DevopsCpuGenerator(seed + hosts.getFirst()).generate(hosts.size(), 1_000,
                Duration.ofSeconds(10), DevopsCpuGenerator.DEFAULT_START);
        this.startMillis = startTime.toEpochMilli();
    }

    /** The next {@code records} records as one request. */
    WriteRecordsRequest nextRequest(int records) {
        WriteRecordsRequest.Builder request = WriteRecordsRequest.newBuilder().setDatabaseName(databaseName)
                .setTableName(tableName);
        for (int i = 0; i < records; i++) {
            request.addRecords(nextRecord());
        }
        return request.build();
    }

    /** The next record. */
    Record nextRecord() {
        int hosts = hostDimensions.size();
        int host = (int) (next % hosts);
        long round = next / hosts;
        next++;
        int point = (int) (round % values.timestamps()[host].length);
        Record.Builder record = Record.newBuilder()
                .addAllDimensions(hostDimensions.get(host))
                .setMeasureName(MEASURE_NAME)
                .setMeasureValueType(MeasureValueType.MEASURE_VALUE_TYPE_MULTI)
                .setTime(Long.toString(startMillis + round))
                .setTimeUnit(TimeUnit.TIME_UNIT_MILLISECONDS);
        double[][] fields = values.values()[host];
        for (int field = 0; field < VALUES_PER_RECORD; field++) {
            record.addMeasureValues(MEASURE_VALUES[field][(int) fields[field][point]]);
        }
        return record.build();
    }

    /** Records produced so far. */
    long produced() {
        return next;
    }

    /** Time of the latest record produced (the source never gets ahead of this). */
    Instant latestTime() {
        return Instant.ofEpochMilli(startMillis + Math.max(0, next - 1) / hostDimensions.size());
    }

    /** TSBS devops host tags, derived from the host number so every run names hosts the same way. */
    static List<Dimension> dimensions(int host) {
        String region = REGIONS[host % REGIONS.length];
        return List.of(
                dimension("hostname", "host_" + host),
                dimension("region", region),
                dimension("datacenter", region + (char) ('a' + host % 3)),
                dimension("rack", Integer.toString(host % 100)),
                dimension("os", "Ubuntu" + (host % 2 == 0 ? "16.04LTS" : "18.04LTS")),
                dimension("arch", host % 2 == 0 ? "x64" : "x86"),
                dimension("team", List.of("SF", "NYC", "LON", "CHI").get(host % 4)),
                dimension("service", Integer.toString(host % 20)),
                dimension("service_version", Integer.toString(host % 2)),
                dimension("service_environment", List.of("production", "staging", "test").get(host % 3)));
    }

    private static Dimension dimension(String name, String value) {
        return Dimension.newBuilder().setName(name).setValue(value).build();
    }

    private static MeasureValue[][] measureValues() {
        MeasureValue[][] table = new MeasureValue[VALUES_PER_RECORD][MAX_VALUE + 1];
        for (int field = 0; field < VALUES_PER_RECORD; field++) {
            for (int value = 0; value <= MAX_VALUE; value++) {
                table[field][value] = MeasureValue.newBuilder().setName(DevopsCpuGenerator.FIELDS.get(field))
                        .setValue(value + ".0").setType(MeasureValueType.MEASURE_VALUE_TYPE_DOUBLE).build();
            }
        }
        return table;
    }
}
