package io.strata.bench.cluster;

import io.strata.api.v1.WriteRecordsRequest;
import io.strata.client.StrataClient;
import io.strata.client.error.StrataClientException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * Replicated ingest: values per second acknowledged (after the Raft quorum commit) through the
 * public gRPC API of a three-node {@code bin/strata dev} child process, for a sweep over records per
 * WriteRecords request and concurrent writers (each writer is one thread with one blocking request
 * in flight, so writers = requests in flight). Each configuration gets a fresh cluster, so earlier
 * runs' data (the interim shard keeps every point in memory) does not weigh on later ones.
 *
 * <p>Writers spread over three clients whose endpoint lists start at different nodes, so all three
 * coordinators work. Records are TSBS devops cpu (ten DOUBLE measures per MULTI record).
 *
 * <p>Usage: {@code IngestBenchmark [--records-per-request 10,50,100] [--writers 1,4,16,64]
 * [--warmup-seconds 5] [--measure-seconds 15] [--hosts-per-writer 100] [--cluster-heap 2g]
 * [--work-dir target/cluster-bench] [--jfr <dir>] [--report <file>] [--dev-options "--write-batch-records 2000 ..."]}. With {@code --jfr}, the
 * cluster process and this JVM record JFR profiles during the measured window, summarized at the end.
 */
public final class IngestBenchmark {
    private static final Set<String> OPTIONS = Set.of("records-per-request", "writers", "warmup-seconds",
            "measure-seconds", "hosts-per-writer", "cluster-heap", "work-dir", "jfr", "report", "ready-timeout-seconds", "dev-options");
    private static final int CLIENTS = 3;

    /** One measured configuration. */
    record Result(int recordsPerRequest, int writers, long acknowledgedValues, Duration measured,
                  long failedRequests, String firstFailure, double p50Millis, double p99Millis,
                  double clusterCores, double clientCores, double loadAverage, Duration clusterStart) {
        double valuesPerSecond() {
            return acknowledgedValues / (measured.toNanos() / 1e9);
        }
    }

    private IngestBenchmark() {}

    public static void main(String[] args) throws Exception {
        run(args);
    }

    /** Runs the sweep and returns its results (the report is printed and, with --report, appended to a file). */
    static List<Result> run(String[] args) throws Exception {
        BenchArguments arguments = new BenchArguments(args, OPTIONS);
        List<Integer> requestSizes = arguments.integers("records-per-request", List.of(10, 50, 100));
        List<Integer> writerCounts = arguments.integers("writers", List.of(1, 4, 16, 64));
        Duration warmup = arguments.seconds("warmup-seconds", Duration.ofSeconds(5));
        Duration measure = arguments.seconds("measure-seconds", Duration.ofSeconds(15));
        int hostsPerWriter = arguments.integer("hosts-per-writer", 100);
        String heap = arguments.text("cluster-heap", "2g");
        Path workDirectory = arguments.path("work-dir", Path.of("target/cluster-bench").toAbsolutePath());
        Path jfrDirectory = arguments.path("jfr", null);
        Duration readyTimeout = arguments.seconds("ready-timeout-seconds", Duration.ofSeconds(240));
        List<String> devOptions = arguments.text("dev-options", "").isBlank() ? List.of()
                : List.of(arguments.text("dev-options", "").trim().split("\\s+"));
        Path repository = StrataProcess.repositoryRoot();
        Files.createDirectories(workDirectory);
        if (jfrDirectory != null) {
            Files.createDirectories(jfrDirectory);
        }

        List<Result> results = new ArrayList<>();
        for (int recordsPerRequest : requestSizes) {
            for (int writers : writerCounts) {
                Result result;
                try {
                    result = runOne(repository, workDirectory, jfrDirectory, heap, readyTimeout, devOptions, recordsPerRequest,
                            writers, hostsPerWriter, warmup, measure);
                } catch (IllegalStateException clusterFailed) {
                    // One configuration whose cluster did not start (or died) must not lose the others' results.
                    result = new Result(recordsPerRequest, writers, 0, Duration.ofSeconds(1), -1,
                            "run failed: " + clusterFailed.getMessage().lines().findFirst().orElse(""), Double.NaN,
                            Double.NaN, 0, 0, ResourceSample.machineLoadAverage(), Duration.ZERO);
                }
                results.add(result);
                System.out.printf(Locale.ROOT, "ingest: %d records/request, %d writers: %,.0f values/s acknowledged"
                        + " (%d failed requests%s), load %.1f%n", recordsPerRequest, writers, result.valuesPerSecond(),
                        result.failedRequests(), result.firstFailure().isEmpty() ? "" : "; first: " + result.firstFailure(),
                        result.loadAverage());
            }
        }
        String report = report(results, jfrDirectory);
        System.out.println(report);
        Path reportFile = arguments.path("report", null);
        if (reportFile != null) {
            Files.writeString(reportFile, report + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        return results;
    }

    private static Result runOne(Path repository, Path workDirectory, Path jfrDirectory, String heap,
                                 Duration readyTimeout, List<String> devOptions, int recordsPerRequest, int writers, int hostsPerWriter,
                                 Duration warmup, Duration measure) throws Exception {
        String name = "ingest-r" + recordsPerRequest + "-w" + writers;
        Path data = workDirectory.resolve(name);
        deleteRecursively(data);
        List<String> jvmOptions = new ArrayList<>(List.of("-Xms" + heap, "-Xmx" + heap));
        if (jfrDirectory != null) {
            jvmOptions.add("-XX:+UnlockDiagnosticVMOptions");
            jvmOptions.add("-XX:+DebugNonSafepoints");
            jvmOptions.add("-XX:StartFlightRecording=filename=" + jfrDirectory.resolve(name + "-cluster.jfr")
                    + ",settings=profile,dumponexit=true");
        }
        long startNanos = System.nanoTime();
        try (DevClusterProcess cluster = DevClusterProcess.start(repository, data,
                LoopbackPorts.freeDevOffset(ThreadLocalRandom.current()), jvmOptions, devOptions, readyTimeout)) {
            Duration clusterStart = Duration.ofNanos(System.nanoTime() - startNanos);
            List<StrataClient> clients = new ArrayList<>();
            try {
                List<String> endpoints = cluster.grpcEndpoints();
                for (int i = 0; i < CLIENTS; i++) {
                    List<String> rotated = new ArrayList<>(endpoints);
                    java.util.Collections.rotate(rotated, -i);
                    clients.add(StrataClient.builder().endpoints(rotated).callDeadline(Duration.ofSeconds(30)).build());
                }
                CpuTable.create(clients.getFirst());
                return measure(cluster, clients, recordsPerRequest, writers, hostsPerWriter, warmup, measure,
                        jfrDirectory == null ? null : jfrDirectory.resolve(name + "-client.jfr"), clusterStart);
            } finally {
                clients.forEach(StrataClient::close);
                cluster.stop();
            }
        }
    }

    private static Result measure(DevClusterProcess cluster, List<StrataClient> clients, int recordsPerRequest,
                                  int writerCount, int hostsPerWriter, Duration warmup, Duration measure,
                                  Path clientJfr, Duration clusterStart) throws Exception {
        AtomicLong acknowledgedValues = new AtomicLong();
        AtomicLong acknowledgedRequests = new AtomicLong();
        AtomicLong failedRequests = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>("");
        List<LatencyRecorder> latencies = new ArrayList<>();
        var measuring = new java.util.concurrent.atomic.AtomicBoolean();
        var stop = new java.util.concurrent.atomic.AtomicBoolean();
        Instant start = Instant.now().minus(Duration.ofHours(2));
        List<Thread> threads = new ArrayList<>();
        for (int writer = 0; writer < writerCount; writer++) {
            LatencyRecorder recorder = new LatencyRecorder();
            latencies.add(recorder);
            StrataClient client = clients.get(writer % clients.size());
            CpuRecordSource source = new CpuRecordSource(CpuTable.DATABASE, CpuTable.TABLE, writer * hostsPerWriter,
                    hostsPerWriter, start, 42);
            threads.add(Thread.ofPlatform().name("ingest-writer-" + writer).daemon().start(() -> {
                while (!stop.get()) {
                    WriteRecordsRequest request = source.nextRequest(recordsPerRequest);
                    long sent = System.nanoTime();
                    try {
                        client.writeRecords(request);
                        acknowledgedRequests.incrementAndGet();
                        if (measuring.get()) {
                            recorder.record(System.nanoTime() - sent);
                            acknowledgedValues.addAndGet((long) recordsPerRequest * CpuRecordSource.VALUES_PER_RECORD);
                        }
                    } catch (StrataClientException | IllegalStateException failure) {
                        if (stop.get()) {
                            return;
                        }
                        failedRequests.incrementAndGet();
                        firstFailure.compareAndSet("", String.valueOf(failure.getMessage()));
                    }
                }
            }));
        }
        Recording recording = null;
        try {
            // The first write pays for leader elections, table propagation and JIT; on a loaded machine
            // that alone can outlast a short warmup, so the warmup starts once a write came back.
            awaitAcknowledged(acknowledgedRequests, 1, failedRequests);
            TimeUnit.NANOSECONDS.sleep(warmup.toNanos());
            if (clientJfr != null) {
                recording = new Recording(Configuration.getConfiguration("profile"));
                recording.setDestination(clientJfr);
                recording.start();
            }
            List<StrataProcess> processes = List.of(cluster.process());
            ResourceSample before = ResourceSample.take(processes);
            long acknowledgedBefore = acknowledgedValues.get();
            long requestsBefore = acknowledgedRequests.get();
            measuring.set(true);
            TimeUnit.NANOSECONDS.sleep(measure.toNanos());
            // A window that saw no reply measures a stall, not a rate: stretch it until one arrives.
            awaitAcknowledged(acknowledgedRequests, requestsBefore + writerCount, failedRequests);
            ResourceSample after = ResourceSample.take(processes);
            long acknowledged = acknowledgedValues.get() - acknowledgedBefore;
            measuring.set(false);
            long[] sorted = LatencyRecorder.sortedMerge(latencies);
            return new Result(recordsPerRequest, writerCount, acknowledged, Duration.ofNanos(after.nanoTime() - before.nanoTime()),
                    failedRequests.get(), firstFailure.get(), LatencyRecorder.quantileMillis(sorted, 0.5),
                    LatencyRecorder.quantileMillis(sorted, 0.99), after.clusterCoresSince(before),
                    after.clientCoresSince(before), (before.loadAverage() + after.loadAverage()) / 2, clusterStart);
        } finally {
            stop.set(true);
            if (recording != null) {
                recording.stop();
                recording.close();
            }
            for (Thread thread : threads) {
                thread.join(Duration.ofSeconds(60));
            }
        }
    }

    private static final Duration FIRST_REPLY_TIMEOUT = Duration.ofMinutes(3);

    /** Waits (polling, bounded) until {@code count} requests have been acknowledged in total. */
    private static void awaitAcknowledged(AtomicLong acknowledgedRequests, long count, AtomicLong failedRequests)
            throws InterruptedException {
        long deadline = System.nanoTime() + FIRST_REPLY_TIMEOUT.toNanos();
        while (acknowledgedRequests.get() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no write acknowledged within " + FIRST_REPLY_TIMEOUT + " ("
                        + failedRequests.get() + " failed requests)");
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    static String report(List<Result> results, Path jfrDirectory) throws IOException {
        BenchTable table = new BenchTable("records/request", "writers (= requests in flight)", "values/s acknowledged",
                "records/s", "p50 ms", "p99 ms", "failed requests", "cluster cores", "client cores", "load avg");
        for (Result result : results) {
            table.add(result.recordsPerRequest(), result.writers(), format("%,.0f", result.valuesPerSecond()),
                    format("%,.0f", result.valuesPerSecond() / CpuRecordSource.VALUES_PER_RECORD),
                    format("%.1f", result.p50Millis()), format("%.1f", result.p99Millis()), result.failedRequests(),
                    format("%.2f", result.clusterCores()), format("%.2f", result.clientCores()),
                    format("%.1f", result.loadAverage()));
        }
        StringBuilder report = new StringBuilder("### Replicated ingest (bin/strata dev child process, 3 nodes)\n\n");
        report.append(table);
        results.stream().max(Comparator.comparingDouble(Result::valuesPerSecond)).ifPresent(best -> report.append(
                format("%nBest: %d records/request, %d writers: %,.0f values/s acknowledged (target 1,000,000).%n",
                        best.recordsPerRequest(), best.writers(), best.valuesPerSecond())));
        results.stream().filter(result -> result.failedRequests() != 0).forEach(failed -> report.append(
                "Failure (" + failed.recordsPerRequest() + " records/request, " + failed.writers()
                        + " writers; -1 failed requests = the run itself failed): " + failed.firstFailure() + "\n"));
        results.stream().map(Result::clusterStart).max(Comparator.naturalOrder()).ifPresent(slowest -> report.append(
                format("Cluster start to ready (slowest): %.1f s.%n", slowest.toMillis() / 1000.0)));
        if (jfrDirectory != null) {
            try (var recordings = Files.list(jfrDirectory)) {
                for (Path recording : recordings.filter(path -> path.toString().endsWith(".jfr")).sorted().toList()) {
                    report.append("\n#### Profile ").append(recording.getFileName()).append("\n\n")
                            .append(ProfileSummary.of(recording));
                }
            }
        }
        return report.toString();
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
