package io.strata.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.strata.core.time.StoreTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * The node's meters, by name, over a Micrometer {@link PrometheusMeterRegistry}. Every meter the node
 * publishes is created here, so the catalogue in {@code docs/operations.md} is this class.
 *
 * <p>Thread-safe. Recording methods are called on the write, Raft and query paths: they look nothing up
 * and allocate nothing (meters per label value are created in the constructor). Durations are measured
 * by the caller and passed in nanoseconds. Recordings are counted as given: not idempotent.
 * Every series carries the {@code node} and {@code zone} labels.
 */
public final class StrataMetrics implements AutoCloseable {
    /** Buckets of the ingest latency histogram: a write waits for a Raft commit across zones. */
    static final Duration[] INGEST_LATENCY_BUCKETS = milliseconds(1, 2, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500,
            5_000, 10_000);
    /** Buckets of the Raft commit latency histogram: one majority round trip plus a log append. */
    static final Duration[] RAFT_COMMIT_LATENCY_BUCKETS = milliseconds(1, 2, 5, 10, 25, 50, 100, 250, 500, 1_000,
            5_000);
    /** Buckets of the query latency histogram: Timestream's own query timeout is 60 s. */
    static final Duration[] QUERY_LATENCY_BUCKETS = milliseconds(5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000,
            10_000, 30_000, 60_000);

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics garbageCollection;
    private final Counter[] writeRequests;
    private final Counter[] recordsIngested;
    private final Counter[] recordsRejected;
    private final Timer ingestLatency;
    private final Timer queryLatency;
    private final Counter queryScannedBytes;

    /**
     * @param node this node's id, on every series as the {@code node} label
     * @param zone this node's failure zone, on every series as the {@code zone} label
     */
    public StrataMetrics(String node, String zone) {
        requireText(node, "node");
        requireText(zone, "zone");
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("node", node, "zone", zone);

        writeRequests = new Counter[WriteOutcome.values().length];
        for (WriteOutcome outcome : WriteOutcome.values()) {
            writeRequests[outcome.ordinal()] = Counter.builder("strata.write.requests")
                    .description("WriteRecords requests answered, by outcome")
                    .tag("outcome", outcome.label())
                    .register(registry);
        }
        recordsIngested = new Counter[StoreTarget.values().length];
        for (StoreTarget tier : new StoreTarget[] {StoreTarget.MEMORY, StoreTarget.MAGNETIC}) {
            recordsIngested[tier.ordinal()] = Counter.builder("strata.records.ingested")
                    .description("Records stored (committed through Raft), by the tier they went to")
                    .tag("store", tier.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
        recordsRejected = new Counter[RejectionReason.values().length];
        for (RejectionReason reason : RejectionReason.values()) {
            recordsRejected[reason.ordinal()] = Counter.builder("strata.records.rejected")
                    .description("Records rejected (RejectedRecords), by class of reason")
                    .tag("reason", reason.label())
                    .register(registry);
        }
        ingestLatency = Timer.builder("strata.ingest.latency")
                .description("WriteRecords latency from receipt to answer, on the node that received the request")
                .serviceLevelObjectives(INGEST_LATENCY_BUCKETS)
                .register(registry);
        queryLatency = Timer.builder("strata.query.latency")
                .description("Query latency from receipt to the last row of the page, on the coordinating node")
                .serviceLevelObjectives(QUERY_LATENCY_BUCKETS)
                .register(registry);
        queryScannedBytes = Counter.builder("strata.query.scanned")
                .description("Bytes scanned by queries (the amount Timestream meters a query by)")
                .baseUnit("bytes")
                .register(registry);

        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        garbageCollection = new JvmGcMetrics();
        garbageCollection.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** A WriteRecords request was answered after {@code latencyNanos}. */
    public void writeRequest(WriteOutcome outcome, long latencyNanos) {
        writeRequests[outcome.ordinal()].increment();
        ingestLatency.record(requireNonNegative(latencyNanos, "latencyNanos"), TimeUnit.NANOSECONDS);
    }

    /** {@code count} records were committed to {@code tier} (MEMORY or MAGNETIC). */
    public void recordsIngested(StoreTarget tier, long count) {
        Counter counter = recordsIngested[tier.ordinal()];
        if (counter == null) {
            throw new IllegalArgumentException("records are ingested into MEMORY or MAGNETIC, not " + tier);
        }
        counter.increment(requireNonNegative(count, "count"));
    }

    /** {@code count} records were rejected for a reason of class {@code reason}. */
    public void recordsRejected(RejectionReason reason, long count) {
        recordsRejected[reason.ordinal()].increment(requireNonNegative(count, "count"));
    }

    /**
     * The recorder of Raft commit latencies of group {@code groupId} (labelled {@code group=groupId}):
     * give it, per acknowledged proposal, the nanoseconds from sending the proposal to the leader's
     * answer (committed on a majority and applied). Look it up once per group, not per proposal; the
     * recorder is thread-safe and allocates nothing. Asking twice for a group gives the same meter.
     */
    public LongConsumer raftCommitLatency(String groupId) {
        requireText(groupId, "groupId");
        Timer timer = Timer.builder("strata.raft.commit.latency")
                .description("Time from proposing a command to the leader's answer (majority commit and apply)")
                .tag("group", groupId)
                .serviceLevelObjectives(RAFT_COMMIT_LATENCY_BUCKETS)
                .register(registry);
        return latencyNanos -> timer.record(requireNonNegative(latencyNanos, "latencyNanos"), TimeUnit.NANOSECONDS);
    }

    /** A query (one page) completed after {@code latencyNanos}, having scanned {@code bytesScanned}. */
    public void query(long latencyNanos, long bytesScanned) {
        queryLatency.record(requireNonNegative(latencyNanos, "latencyNanos"), TimeUnit.NANOSECONDS);
        queryScannedBytes.increment(requireNonNegative(bytesScanned, "bytesScanned"));
    }

    /**
     * Publishes the leadership, log size, commit and applied index of a Raft group this node hosts, read from {@code probe} at
     * each scrape, labelled {@code group=groupId}. Close the registration when the group leaves the node.
     */
    public GaugeRegistration registerRaftGroup(String groupId, RaftGroupProbe probe) {
        requireText(groupId, "groupId");
        Objects.requireNonNull(probe, "probe");
        Tags group = Tags.of("group", groupId);
        List<Meter> meters = new ArrayList<>(4);
        meters.add(Gauge.builder("strata.raft.leader", probe, p -> p.isLeader() ? 1 : 0)
                .description("1 while this node leads the Raft group, else 0")
                .tags(group).strongReference(true).register(registry));
        meters.add(Gauge.builder("strata.raft.log.size", probe, p -> p.logSizeBytes())
                .description("Raft log this node keeps for the group (not yet purged)")
                .baseUnit("bytes").tags(group).strongReference(true).register(registry));
        meters.add(Gauge.builder("strata.raft.commit.index", probe, p -> p.commitIndex())
                .description("Last log index this node knows to be committed in the group")
                .tags(group).strongReference(true).register(registry));
        meters.add(Gauge.builder("strata.raft.applied.index", probe, p -> p.appliedIndex())
                .description("Last log index this node applied to its shard of the group")
                .tags(group).strongReference(true).register(registry));
        return new GaugeRegistration(registry, meters);
    }

    /**
     * Publishes the tier sizes and migration lag of the shard of a Raft group this node hosts, read from
     * {@code probe} at each scrape, labelled {@code group=groupId}. Close the registration when the group
     * leaves the node.
     */
    public GaugeRegistration registerShard(String groupId, ShardProbe probe) {
        requireText(groupId, "groupId");
        Objects.requireNonNull(probe, "probe");
        Tags group = Tags.of("group", groupId);
        List<Meter> meters = new ArrayList<>(5);
        meters.add(Gauge.builder("strata.memory.store.rows", probe, p -> p.memoryStoreRows())
                .description("Rows in the memory store").tags(group).strongReference(true).register(registry));
        meters.add(Gauge.builder("strata.memory.store.size", probe, p -> p.memoryStoreBytes())
                .description("RAM held by the memory store").baseUnit("bytes")
                .tags(group).strongReference(true).register(registry));
        meters.add(Gauge.builder("strata.magnetic.segments", probe, p -> p.magneticSegments())
                .description("Immutable segments in the magnetic store")
                .tags(group).strongReference(true).register(registry));
        meters.add(Gauge.builder("strata.magnetic.store.size", probe, p -> p.magneticBytes())
                .description("Bytes of magnetic-store segments").baseUnit("bytes")
                .tags(group).strongReference(true).register(registry));
        meters.add(Gauge.builder("strata.migration.lag", probe, ShardProbe::migrationLagSeconds)
                .description("Age of the oldest memory-store row past retention not yet sealed into a segment")
                .baseUnit("seconds").tags(group).strongReference(true).register(registry));
        return new GaugeRegistration(registry, meters);
    }

    /** For meters a component owns itself (e.g. a library's binder); prefer the methods above. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Every meter in the Prometheus text exposition format, version 0.0.4. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        garbageCollection.close();
        registry.close();
    }

    private static Duration[] milliseconds(long... values) {
        Duration[] durations = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            durations[i] = Duration.ofMillis(values[i]);
        }
        return durations;
    }

    private static long requireNonNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0: " + value);
        }
        return value;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
