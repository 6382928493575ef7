package io.strata.bench.query;

import io.strata.core.model.MeasureValueType;
import io.strata.core.schema.TableSchema;
import io.strata.internal.v1.MultiMeasure;
import io.strata.internal.v1.NamedValue;
import io.strata.internal.v1.PartitionId;
import io.strata.internal.v1.Seal;
import io.strata.internal.v1.ShardCommand;
import io.strata.internal.v1.StoredDimension;
import io.strata.internal.v1.StoredRecord;
import io.strata.internal.v1.TableWriteSettings;
import io.strata.internal.v1.TypedValue;
import io.strata.internal.v1.WriteBatch;
import io.strata.internal.v1.WriteBatchResult;
import io.strata.load.data.DevopsCpuGenerator;
import io.strata.load.data.SeriesDataset;
import io.strata.partition.PartitionSettings;
import io.strata.raft.GroupId;
import io.strata.raft.shard.ShardStoreReplica;
import io.strata.raft.shard.ShardStoreReplicas;
import io.strata.raft.shard.ShardStoreSettings;
import io.strata.raft.query.ShardTable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The TSBS devops {@code cpu} dataset (hosts × points at 10 s, ten DOUBLE fields of a seeded
 * {@link DevopsCpuGenerator}, the ten TSBS host tags) held by one real shard replica
 * ({@link ShardStoreReplica}: memory store journaled to Chronicle Queue, magnetic tier on a local
 * blob directory), loaded through the same {@code WriteBatch} commands Raft would apply, one MULTI
 * record per host and time. {@link #sealAll()} then moves every row into magnetic segments through
 * {@code Seal} commands, as the tier scheduler would.
 *
 * <p>Not thread-safe for loading and sealing (the apply thread's contract); scans may run from any
 * thread once loading is done.
 */
public final class DevopsShard implements AutoCloseable {
    public static final String DATABASE = "devops";
    public static final String TABLE = "cpu";
    public static final String TABLE_ID = "devops-cpu-bench";
    public static final String MEASURE_NAME = "cpu";
    public static final Duration INTERVAL = Duration.ofSeconds(10);
    static final GroupId GROUP = GroupId.named("query-bench");
    private static final int RECORDS_PER_COMMAND = 1_000;

    private final ShardStoreReplica replica;
    private final SeriesDataset dataset;
    private final ShardTable table;
    private final long ingestNanos;
    private final TableWriteSettings settings;
    private long nextIndex = 1;

    private DevopsShard(ShardStoreReplica replica, SeriesDataset dataset) {
        this.replica = replica;
        this.dataset = dataset;
        this.table = new ShardTable(TABLE_ID, schema());
        // Just after the last point; every point is inside a 48 h memory window, so all go to memory.
        this.ingestNanos = lastTimeNanos() + INTERVAL.toNanos();
        this.settings = TableWriteSettings.newBuilder().setMemoryStoreRetentionHours(48)
                .setMagneticStoreRetentionDays(3650).setEnableMagneticStoreWrites(false).build();
    }

    /** Opens a replica in {@code directory} (empty) and writes {@code hosts × points} records into its memory store. */
    public static DevopsShard load(Path directory, int hosts, int points, long seed) throws IOException {
        SeriesDataset dataset = new DevopsCpuGenerator(seed).generate(hosts, points, INTERVAL,
                DevopsCpuGenerator.DEFAULT_START);
        ShardStoreReplica replica = (ShardStoreReplica) new ShardStoreReplicas(ShardStoreSettings.defaults())
                .open(GROUP, directory);
        DevopsShard shard = new DevopsShard(replica, dataset);
        try {
            shard.writeAll();
        } catch (RuntimeException e) {
            shard.close();
            throw e;
        }
        return shard;
    }

    public ShardStoreReplica replica() {
        return replica;
    }

    public ShardTable table() {
        return table;
    }

    public SeriesDataset dataset() {
        return dataset;
    }

    public int hosts() {
        return dataset.seriesCount();
    }

    public int points() {
        return dataset.timestamps()[0].length;
    }

    public long firstTimeNanos() {
        return dataset.timestamps()[0][0];
    }

    public long lastTimeNanos() {
        long[] times = dataset.timestamps()[0];
        return times[times.length - 1];
    }

    /** The table's schema as the catalog would infer it from the records written. */
    public static TableSchema schema() {
        TreeSet<String> dimensions = new TreeSet<>();
        for (StoredDimension dimension : dimensions(0)) {
            dimensions.add(dimension.getName());
        }
        Map<String, MeasureValueType> attributes = new TreeMap<>();
        for (String field : DevopsCpuGenerator.FIELDS) {
            attributes.put(field, MeasureValueType.DOUBLE);
        }
        return TableSchema.of(dimensions, Map.of(MEASURE_NAME, MeasureValueType.MULTI), attributes);
    }

    /**
     * Seals every partition up to the end of the data: afterwards every row is in magnetic
     * segments (one per time slot × key bucket) and the memory store is empty.
     */
    public void sealAll() {
        long slotWidth = PartitionSettings.defaults().slotWidthNanos();
        long upTo = lastTimeNanos() + 1;
        for (long slot = firstTimeNanos() / slotWidth; slot <= lastTimeNanos() / slotWidth; slot++) {
            for (int bucket = 0; bucket < PartitionSettings.DEFAULT_BUCKET_COUNT; bucket++) {
                PartitionId partition = PartitionId.newBuilder().setDatabaseName(DATABASE).setTableName(TABLE)
                        .setTableId(TABLE_ID).setTimeSlot(slot).setKeyBucket(bucket).build();
                replica.apply(nextIndex++, ShardCommand.newBuilder()
                        .setSeal(Seal.newBuilder().setPartition(partition).setUpToNanos(upTo)).build().toByteArray());
            }
        }
    }

    private void writeAll() {
        int hosts = dataset.seriesCount();
        List<List<StoredDimension>> hostDimensions = new ArrayList<>(hosts);
        for (int host = 0; host < hosts; host++) {
            hostDimensions.add(dimensions(host));
        }
        TypedValue[] integerValues = new TypedValue[101];
        for (int value = 0; value < integerValues.length; value++) {
            integerValues[value] = TypedValue.newBuilder().setDoubleValue(value).build();
        }
        WriteBatch.Builder batch = newBatch();
        for (int point = 0; point < points(); point++) {
            for (int host = 0; host < hosts; host++) {
                MultiMeasure.Builder multi = MultiMeasure.newBuilder();
                double[][] fields = dataset.values()[host];
                for (int field = 0; field < fields.length; field++) {
                    double value = fields[field][point];
                    TypedValue typed = value == Math.rint(value) && value >= 0 && value <= 100
                            ? integerValues[(int) value] : TypedValue.newBuilder().setDoubleValue(value).build();
                    multi.addValues(NamedValue.newBuilder().setName(dataset.fields().get(field)).setValue(typed));
                }
                batch.addRecords(StoredRecord.newBuilder().addAllDimensions(hostDimensions.get(host))
                        .setMeasureName(MEASURE_NAME).setTimeNanos(dataset.timestamps()[host][point]).setVersion(1)
                        .setMulti(multi).setRequestIndex(batch.getRecordsCount()));
                if (batch.getRecordsCount() == RECORDS_PER_COMMAND) {
                    apply(batch);
                    batch = newBatch();
                }
            }
        }
        if (batch.getRecordsCount() > 0) {
            apply(batch);
        }
    }

    private WriteBatch.Builder newBatch() {
        return WriteBatch.newBuilder().setDatabaseName(DATABASE).setTableName(TABLE).setTableId(TABLE_ID)
                .setIngestTimeNanos(ingestNanos).setSettings(settings);
    }

    private void apply(WriteBatch.Builder batch) {
        byte[] answer = replica.apply(nextIndex++, ShardCommand.newBuilder().setWriteBatch(batch).build().toByteArray());
        try {
            WriteBatchResult result = WriteBatchResult.parseFrom(answer);
            result.getOutcomesList().stream().filter(outcome -> outcome.hasRejected()).findFirst().ifPresent(outcome -> {
                throw new IllegalStateException("the shard rejected a benchmark record: " + outcome.getRejected());
            });
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalStateException("unreadable write result", e);
        }
    }

    /** TSBS devops host tags, sorted by name as a {@link StoredRecord} carries them. */
    static List<StoredDimension> dimensions(int host) {
        String[] regions = {"us-east-1", "us-west-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-1",
                "ap-southeast-2", "ap-northeast-1", "sa-east-1"};
        String region = regions[host % regions.length];
        TreeMap<String, String> tags = new TreeMap<>();
        tags.put("hostname", hostname(host));
        tags.put("region", region);
        tags.put("datacenter", region + (char) ('a' + host % 3));
        tags.put("rack", Integer.toString(host % 100));
        tags.put("os", "Ubuntu" + (host % 2 == 0 ? "16.04LTS" : "18.04LTS"));
        tags.put("arch", host % 2 == 0 ? "x64" : "x86");
        tags.put("team", List.of("SF", "NYC", "LON", "CHI").get(host % 4));
        tags.put("service", Integer.toString(host % 20));
        tags.put("service_version", Integer.toString(host % 2));
        tags.put("service_environment", List.of("production", "staging", "test").get(host % 3));
        List<StoredDimension> dimensions = new ArrayList<>();
        tags.forEach((name, value) -> dimensions.add(StoredDimension.newBuilder().setName(name).setValue(value).build()));
        return dimensions;
    }

    public static String hostname(int host) {
        return "host_" + host;
    }

    @Override
    public void close() {
        try {
            replica.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the benchmark shard failed", e);
        }
    }
}
