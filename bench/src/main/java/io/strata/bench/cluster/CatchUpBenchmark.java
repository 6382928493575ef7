package io.strata.bench.cluster;

import io.strata.client.StrataClient;
import io.strata.placement.GroupId;
import io.strata.placement.Placement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Catch-up: one node of a three-process cluster ({@link ProcessCluster}) is stopped (SIGTERM), N
 * records are written through the two others, the node is started again on its data, and the
 * benchmark times how long until its replica of every group has applied the leader's commit index
 * as it stood when the writes ended (Ratis group info: applied index vs the leader's committed
 * index), i.e. until it holds the same rows.
 *
 * <p>Usage: {@code CatchUpBenchmark [--records 100000] [--rounds 3] [--writers 4]
 * [--records-per-request 100] [--cluster-heap 1g] [--work-dir target/cluster-bench] [--report <file>]}.
 */
public final class CatchUpBenchmark {
    private static final Set<String> OPTIONS = Set.of("records", "rounds", "writers", "records-per-request",
            "cluster-heap", "work-dir", "report", "start-timeout-seconds", "catch-up-timeout-seconds");
    private static final Duration POLL = Duration.ofMillis(50);
    private static final int HOSTS_PER_WRITER = 100;

    /** One stop / write / restart. */
    record Round(int round, String node, long records, Duration writing, long entriesBehind, Duration serving,
                 Duration caughtUp, double loadAverage) {}

    private CatchUpBenchmark() {}

    public static void main(String[] args) throws Exception {
        run(args);
    }

    static List<Round> run(String[] args) throws Exception {
        BenchArguments arguments = new BenchArguments(args, OPTIONS);
        int records = arguments.integer("records", 100_000);
        int rounds = arguments.integer("rounds", 3);
        int writers = arguments.integer("writers", 4);
        int recordsPerRequest = arguments.integer("records-per-request", 100);
        String heap = arguments.text("cluster-heap", "1g");
        Path workDirectory = arguments.path("work-dir", Path.of("target/cluster-bench").toAbsolutePath());
        Duration startTimeout = arguments.seconds("start-timeout-seconds", Duration.ofSeconds(240));
        Duration catchUpTimeout = arguments.seconds("catch-up-timeout-seconds", Duration.ofSeconds(300));
        Path data = workDirectory.resolve("catchup");
        IngestBenchmark.deleteRecursively(data);

        List<Round> results = new ArrayList<>();
        try (ProcessCluster cluster = ProcessCluster.start(StrataProcess.repositoryRoot(), data,
                List.of("-Xmx" + heap), startTimeout)) {
            Placement placement = cluster.placement(startTimeout);
            try (StrataClient admin = StrataClient.builder().endpoints(cluster.grpcEndpoints()).build()) {
                CpuTable.create(admin);
            }
            Instant start = Instant.now().minus(Duration.ofHours(3));
            for (int round = 1; round <= rounds; round++) {
                int node = ProcessCluster.ZONES.size() - 1 - (round - 1) % ProcessCluster.ZONES.size();
                FailoverBenchmark.awaitCaughtUp(cluster, placement, catchUpTimeout);
                Round result = catchUp(cluster, placement, node, round, records, writers, recordsPerRequest, start,
                        catchUpTimeout);
                results.add(result);
                System.out.printf(Locale.ROOT, "catch-up round %d: %s behind by %,d records (%,d log entries), serving"
                                + " after %.2f s, caught up after %.2f s, load %.1f%n", round, result.node(),
                        result.records(), result.entriesBehind(), seconds(result.serving()), seconds(result.caughtUp()),
                        result.loadAverage());
            }
        }
        String report = report(results, writers, recordsPerRequest);
        System.out.println(report);
        Path reportFile = arguments.path("report", null);
        if (reportFile != null) {
            Files.writeString(reportFile, report + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        return results;
    }

    private static Round catchUp(ProcessCluster cluster, Placement placement, int node, int round, int records,
                                 int writers, int recordsPerRequest, Instant start, Duration timeout) throws Exception {
        cluster.stopNode(node);
        List<String> survivors = new ArrayList<>();
        for (int other = 0; other < ProcessCluster.ZONES.size(); other++) {
            if (other != node) {
                survivors.add(cluster.grpcEndpoints().get(other));
            }
        }
        long writingStarted = System.nanoTime();
        try (StrataClient client = StrataClient.builder().endpoints(survivors).callDeadline(Duration.ofSeconds(30)).build()) {
            int perWriter = Math.ceilDiv(records, writers);
            List<Thread> threads = new ArrayList<>();
            List<RuntimeException> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
            for (int writer = 0; writer < writers; writer++) {
                CpuRecordSource source = new CpuRecordSource(CpuTable.DATABASE, CpuTable.TABLE,
                        (round * writers + writer) * HOSTS_PER_WRITER, HOSTS_PER_WRITER, start, 42);
                int mine = Math.min(perWriter, records - writer * perWriter);
                threads.add(Thread.ofPlatform().name("catch-up-writer-" + writer).start(() -> {
                    try {
                        for (int written = 0; written < mine; written += recordsPerRequest) {
                            client.writeRecords(source.nextRequest(Math.min(recordsPerRequest, mine - written)));
                        }
                    } catch (RuntimeException failure) {
                        failures.add(failure);
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            if (!failures.isEmpty()) {
                throw new IllegalStateException("writes failed while " + cluster.nodeId(node) + " was down",
                        failures.getFirst());
            }
        }
        Duration writing = Duration.ofNanos(System.nanoTime() - writingStarted);

        Map<GroupId, Long> committed = new HashMap<>();
        for (GroupId group : placement.groupIds()) {
            committed.put(group, cluster.probe().leader(placement, group)
                    .orElseThrow(() -> new IllegalStateException("no leader of " + group)).committedIndex());
        }
        double load = ResourceSample.machineLoadAverage();

        long restarted = System.nanoTime();
        cluster.startNode(node);
        long serving = System.nanoTime();
        String nodeId = cluster.nodeId(node);
        long entriesBehind = -1;
        long deadline = restarted + timeout.toNanos();
        while (true) {
            boolean all = true;
            boolean answered = true;
            long behind = 0;
            for (GroupId group : placement.groupIds()) {
                Optional<ReplicaStatus> status = cluster.probe().status(placement, group, nodeId);
                answered &= status.isPresent();
                long applied = status.map(ReplicaStatus::appliedIndex).orElse(-1L);
                behind += Math.max(0, committed.get(group) - Math.max(0, applied));
                if (applied < committed.get(group)) {
                    all = false;
                }
            }
            if (entriesBehind < 0 && answered) {
                entriesBehind = behind;
            }
            if (all) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(nodeId + " did not catch up within " + timeout + "; " + behind
                        + " entries behind");
            }
            TimeUnit.NANOSECONDS.sleep(POLL.toNanos());
        }
        long caughtUp = System.nanoTime();
        return new Round(round, nodeId, records, writing, Math.max(0, entriesBehind), Duration.ofNanos(serving - restarted),
                Duration.ofNanos(caughtUp - restarted), load);
    }

    static String report(List<Round> rounds, int writers, int recordsPerRequest) {
        BenchTable table = new BenchTable("round", "node stopped", "records written while down", "write time s",
                "log entries behind at first answer", "start → serving s", "start → caught up s", "load avg");
        for (Round round : rounds) {
            table.add(round.round(), round.node(), String.format(Locale.ROOT, "%,d", round.records()),
                    format(round.writing()), String.format(Locale.ROOT, "%,d", round.entriesBehind()),
                    format(round.serving()), format(round.caughtUp()),
                    String.format(Locale.ROOT, "%.1f", round.loadAverage()));
        }
        return "### Catch-up (3 strata server processes; one stopped with SIGTERM, records written by " + writers
                + " writers x " + recordsPerRequest + " records/request, then restarted)\n\n" + table;
    }

    private static String format(Duration duration) {
        return String.format(Locale.ROOT, "%.2f", seconds(duration));
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
