package io.strata.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.strata.core.time.StoreTarget;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What Prometheus scrapes from a running node's metrics port, parsed as Prometheus would. */
class MetricsEndpointTest {
    private StrataMetrics metrics;
    private ObservabilityHttpServer server;
    private ObservabilityClient client;

    @BeforeEach
    void start() throws Exception {
        metrics = new StrataMetrics("node-b", "b");
        server = ObservabilityHttpServer.start(new InetSocketAddress("127.0.0.1", 0), metrics, new HealthStatus());
        client = new ObservabilityClient(server);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
        metrics.close();
    }

    @Test
    void writeCountersMoveByExactlyWhatWasRecorded() throws Exception {
        Exposition before = client.scrape();

        metrics.writeRequest(WriteOutcome.SUCCESS, TimeUnit.MILLISECONDS.toNanos(3));
        metrics.writeRequest(WriteOutcome.SUCCESS, TimeUnit.MILLISECONDS.toNanos(4));
        metrics.writeRequest(WriteOutcome.REJECTED_RECORDS, TimeUnit.MILLISECONDS.toNanos(5));
        metrics.writeRequest(WriteOutcome.ERROR, TimeUnit.MILLISECONDS.toNanos(1));
        metrics.recordsIngested(StoreTarget.MEMORY, 250);
        metrics.recordsIngested(StoreTarget.MAGNETIC, 7);
        List<String> rejectedReasons = List.of(
                "The record timestamp is outside the time range [2023-02-13T19:22:45.051Z, 2023-02-20T20:02:45.051Z)"
                        + " of the memory store.",
                "The record version 2 is lower than the existing version 200. A higher version is required to update"
                        + " the measure value.",
                "A record already exists with the same time, dimensions, measure name, and record version. A higher"
                        + " record version must be specified in order to update the measure value.",
                "MeasureValue is missing: a DOUBLE record needs a MeasureValue.");
        for (String reason : rejectedReasons) {
            metrics.recordsRejected(RejectionReason.classify(reason), 1);
        }
        metrics.recordsRejected(RejectionReason.OUTSIDE_TIME_WINDOW, 10);

        Exposition after = client.scrape();
        assertThat(delta(before, after, "strata_write_requests_total", "outcome", "success")).isEqualTo(2);
        assertThat(delta(before, after, "strata_write_requests_total", "outcome", "rejected_records")).isEqualTo(1);
        assertThat(delta(before, after, "strata_write_requests_total", "outcome", "error")).isEqualTo(1);
        assertThat(delta(before, after, "strata_records_ingested_total", "store", "memory")).isEqualTo(250);
        assertThat(delta(before, after, "strata_records_ingested_total", "store", "magnetic")).isEqualTo(7);
        assertThat(delta(before, after, "strata_records_rejected_total", "reason", "outside_time_window")).isEqualTo(11);
        assertThat(delta(before, after, "strata_records_rejected_total", "reason", "version_conflict")).isEqualTo(2);
        assertThat(delta(before, after, "strata_records_rejected_total", "reason", "invalid_record")).isEqualTo(1);
        assertThat(delta(before, after, "strata_ingest_latency_seconds_count")).isEqualTo(4);
        assertThat(delta(before, after, "strata_ingest_latency_seconds_sum")).isCloseTo(0.013, within(1e-9));
        assertThat(after.family("strata_write_requests_total").type()).isEqualTo("counter");
        assertThat(after.family("strata_write_requests_total").help()).isNotBlank();
    }

    @Test
    void concurrentRecordingLosesNoCount() throws Exception {
        int threads = 4;
        int writesPerThread = 5_000;
        Exposition before = client.scrape();
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < writesPerThread; i++) {
                        metrics.writeRequest(WriteOutcome.SUCCESS, 1_000_000);
                        metrics.recordsIngested(StoreTarget.MEMORY, 3);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : done) {
                future.get(5, TimeUnit.MINUTES);
            }
        }

        Exposition after = client.scrape();
        assertThat(delta(before, after, "strata_write_requests_total", "outcome", "success"))
                .isEqualTo(threads * writesPerThread);
        assertThat(delta(before, after, "strata_records_ingested_total", "store", "memory"))
                .isEqualTo(3.0 * threads * writesPerThread);
        assertThat(delta(before, after, "strata_ingest_latency_seconds_count")).isEqualTo(threads * writesPerThread);
    }

    @Test
    void recordingRefusesNegativeAmountsAndTiersThatAreNotStores() {
        assertThatThrownBy(() -> metrics.recordsIngested(StoreTarget.MEMORY, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> metrics.recordsIngested(StoreTarget.REJECTED, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> metrics.writeRequest(WriteOutcome.SUCCESS, -5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void latencyHistogramBucketsCountTheRecordedLatencies() throws Exception {
        long[] latenciesMicros = {500, 3_000, 3_000, 40_000, 700_000, 20_000_000};
        for (long micros : latenciesMicros) {
            metrics.writeRequest(WriteOutcome.SUCCESS, TimeUnit.MICROSECONDS.toNanos(micros));
        }

        Exposition scrape = client.scrape();
        assertThat(scrape.family("strata_ingest_latency_seconds").type()).isEqualTo("histogram");
        assertThat(bucket(scrape, "strata_ingest_latency_seconds", 0.001)).isEqualTo(1);
        assertThat(bucket(scrape, "strata_ingest_latency_seconds", 0.002)).isEqualTo(1);
        assertThat(bucket(scrape, "strata_ingest_latency_seconds", 0.005)).isEqualTo(3);
        assertThat(bucket(scrape, "strata_ingest_latency_seconds", 0.05)).isEqualTo(4);
        assertThat(bucket(scrape, "strata_ingest_latency_seconds", 0.5)).isEqualTo(4);
        assertThat(bucket(scrape, "strata_ingest_latency_seconds", 1.0)).isEqualTo(5);
        assertThat(bucket(scrape, "strata_ingest_latency_seconds", 10.0)).isEqualTo(5);
        assertThat(bucket(scrape, "strata_ingest_latency_seconds", Double.POSITIVE_INFINITY)).isEqualTo(6);
        assertThat(scrape.value("strata_ingest_latency_seconds_count")).isEqualTo(6);
        assertThat(scrape.value("strata_ingest_latency_seconds_sum")).isCloseTo(20.7465, within(1e-9));
        assertThat(scrape.samples("strata_ingest_latency_seconds_bucket"))
                .hasSize(StrataMetrics.INGEST_LATENCY_BUCKETS.length + 1);
    }

    @Test
    void raftAndQueryMetersAreHistogramsAndCounters() throws Exception {
        metrics.raftCommitLatency("group-1").accept(TimeUnit.MILLISECONDS.toNanos(2));
        metrics.raftCommitLatency("group-1").accept(TimeUnit.MILLISECONDS.toNanos(30));
        metrics.raftCommitLatency("group-2").accept(TimeUnit.SECONDS.toNanos(2));
        metrics.query(TimeUnit.MILLISECONDS.toNanos(120), 4_096);
        metrics.query(TimeUnit.SECONDS.toNanos(3), 1_000_000);

        Exposition scrape = client.scrape();
        assertThat(scrape.value("strata_raft_commit_latency_seconds_count", "group", "group-1")).isEqualTo(2);
        assertThat(scrape.value("strata_raft_commit_latency_seconds_count", "group", "group-2")).isEqualTo(1);
        assertThat(groupBucket(scrape, "group-1", 0.002)).isEqualTo(1);
        assertThat(groupBucket(scrape, "group-1", 0.05)).isEqualTo(2);
        assertThat(groupBucket(scrape, "group-2", 1.0)).isZero();
        assertThat(groupBucket(scrape, "group-2", 5.0)).isEqualTo(1);
        assertThat(scrape.value("strata_query_latency_seconds_count")).isEqualTo(2);
        assertThat(bucket(scrape, "strata_query_latency_seconds", 0.25)).isEqualTo(1);
        assertThat(bucket(scrape, "strata_query_latency_seconds", 5.0)).isEqualTo(2);
        assertThat(scrape.value("strata_query_scanned_bytes_total")).isEqualTo(1_004_096);
    }

    @Test
    void groupGaugesFollowTheirProbesAndLeaveWithTheGroup() throws Exception {
        AtomicBoolean leader = new AtomicBoolean(true);
        AtomicLong logBytes = new AtomicLong(1_048_576);
        RaftGroupProbe raft = new RaftGroupProbe() {
            @Override
            public boolean isLeader() {
                return leader.get();
            }

            @Override
            public long logSizeBytes() {
                return logBytes.get();
            }

            @Override
            public long commitIndex() {
                return logBytes.get() / 1024;
            }

            @Override
            public long appliedIndex() {
                return logBytes.get() / 2048;
            }
        };
        AtomicLong rows = new AtomicLong(1_000);
        ShardProbe shard = new ShardProbe() {
            @Override
            public long memoryStoreRows() {
                return rows.get();
            }

            @Override
            public long memoryStoreBytes() {
                return rows.get() * 40;
            }

            @Override
            public long magneticSegments() {
                return 3;
            }

            @Override
            public long magneticBytes() {
                return 9_000;
            }

            @Override
            public double migrationLagSeconds() {
                return 12.5;
            }
        };
        GaugeRegistration raftGauges = metrics.registerRaftGroup("group-7", raft);
        GaugeRegistration shardGauges = metrics.registerShard("group-7", shard);

        Exposition first = client.scrape();
        assertThat(first.value("strata_raft_leader", "group", "group-7")).isEqualTo(1);
        assertThat(first.value("strata_raft_log_size_bytes", "group", "group-7")).isEqualTo(1_048_576);
        assertThat(first.value("strata_raft_commit_index", "group", "group-7")).isEqualTo(1_024);
        assertThat(first.value("strata_raft_applied_index", "group", "group-7")).isEqualTo(512);
        assertThat(first.value("strata_memory_store_rows", "group", "group-7")).isEqualTo(1_000);
        assertThat(first.value("strata_memory_store_size_bytes", "group", "group-7")).isEqualTo(40_000);
        assertThat(first.value("strata_magnetic_segments", "group", "group-7")).isEqualTo(3);
        assertThat(first.value("strata_magnetic_store_size_bytes", "group", "group-7")).isEqualTo(9_000);
        assertThat(first.value("strata_migration_lag_seconds", "group", "group-7")).isEqualTo(12.5);
        assertThat(first.samples("strata_raft_leader").getFirst().labels())
                .containsEntry("node", "node-b").containsEntry("zone", "b");

        leader.set(false);
        logBytes.set(4_096);
        rows.set(10);
        Exposition second = client.scrape();
        assertThat(second.value("strata_raft_leader", "group", "group-7")).isEqualTo(0);
        assertThat(second.value("strata_raft_log_size_bytes", "group", "group-7")).isEqualTo(4_096);
        assertThat(second.value("strata_raft_commit_index", "group", "group-7")).isEqualTo(4);
        assertThat(second.value("strata_memory_store_rows", "group", "group-7")).isEqualTo(10);

        raftGauges.close();
        shardGauges.close();
        raftGauges.close();
        Exposition third = client.scrape();
        assertThat(third.samples("strata_raft_leader", "group", "group-7")).isEmpty();
        assertThat(third.samples("strata_raft_commit_index", "group", "group-7")).isEmpty();
        assertThat(third.samples("strata_memory_store_rows", "group", "group-7")).isEmpty();
    }

    @Test
    void theScrapeHasThePrometheusContentTypeAndJvmMetrics() throws Exception {
        HttpResponse<String> response = client.get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValue("text/plain; version=0.0.4; charset=utf-8");
        Exposition scrape = Exposition.parse(response.body());
        assertThat(scrape.samples("jvm_memory_used_bytes", "area", "heap")).isNotEmpty();
        assertThat(scrape.samples("jvm_threads_live_threads")).hasSize(1);
        assertThat(scrape.samples("process_uptime_seconds")).hasSize(1);
        assertThat(scrape.samples("jvm_classes_loaded_classes")).hasSize(1);
    }

    @Test
    void unknownPathsAndMethodsAreRefused() throws Exception {
        assertThat(client.get("/metricsx").statusCode()).isEqualTo(404);
        assertThat(client.get("/").statusCode()).isEqualTo(404);
        HttpResponse<String> post = client.send("POST", "/metrics");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
        HttpResponse<String> head = client.send("HEAD", "/metrics");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    private static double delta(Exposition before, Exposition after, String sample, String... labels) {
        return after.value(sample, labels) - before.value(sample, labels);
    }

    private static double groupBucket(Exposition scrape, String group, double upperBound) {
        return scrape.samples("strata_raft_commit_latency_seconds_bucket", "group", group).stream()
                .filter(sample -> parseBound(sample.labels().get("le")) == upperBound)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no bucket le=" + upperBound + " for " + group))
                .value();
    }

    private static double bucket(Exposition scrape, String histogram, double upperBound) {
        return scrape.samples(histogram + "_bucket").stream()
                .filter(sample -> parseBound(sample.labels().get("le")) == upperBound)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no bucket le=" + upperBound + " in " + histogram))
                .value();
    }

    private static double parseBound(String le) {
        return le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
    }
}
