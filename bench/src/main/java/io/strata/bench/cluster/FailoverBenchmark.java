package io.strata.bench.cluster;

import io.strata.client.StrataClient;
import io.strata.client.transport.RetryPolicy;
import io.strata.placement.GroupId;
import io.strata.placement.Placement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Leader failover: steady writes go to one Raft group of a three-process cluster ({@link
 * ProcessCluster}); the process that leads the group is killed with -9; the benchmark times how long
 * until the group has a new leader (Ratis group info from the survivors) and until a write sent
 * after the kill is acknowledged through the public API (what a user waits). The killed node is then
 * restarted and allowed to catch up before the next round.
 *
 * <p>Writers use the ordinary client with all three endpoints and a short retry backoff (20–200 ms),
 * so the time includes the client moving off a dead coordinator when the killed node was the one it
 * talked to.
 *
 * <p>Usage: {@code FailoverBenchmark [--rounds 5] [--writers 4] [--records-per-request 10]
 * [--cluster-heap 512m] [--work-dir target/cluster-bench] [--report <file>]}.
 */
public final class FailoverBenchmark {
    private static final Set<String> OPTIONS = Set.of("rounds", "writers", "records-per-request", "cluster-heap",
            "work-dir", "report", "start-timeout-seconds", "round-timeout-seconds");
    private static final Duration POLL = Duration.ofMillis(50);

    /** One kill. */
    record Round(int round, String killed, String newLeader, Duration elected, Duration acknowledgedAgain,
                 Duration longestGap, double loadAverage) {}

    private FailoverBenchmark() {}

    public static void main(String[] args) throws Exception {
        run(args);
    }

    static List<Round> run(String[] args) throws Exception {
        BenchArguments arguments = new BenchArguments(args, OPTIONS);
        int rounds = arguments.integer("rounds", 5);
        int writers = arguments.integer("writers", 4);
        int recordsPerRequest = arguments.integer("records-per-request", 10);
        String heap = arguments.text("cluster-heap", "512m");
        Path workDirectory = arguments.path("work-dir", Path.of("target/cluster-bench").toAbsolutePath());
        Duration startTimeout = arguments.seconds("start-timeout-seconds", Duration.ofSeconds(240));
        Duration roundTimeout = arguments.seconds("round-timeout-seconds", Duration.ofSeconds(120));
        Path data = workDirectory.resolve("failover");
        IngestBenchmark.deleteRecursively(data);

        List<Round> results = new ArrayList<>();
        long failedCalls;
        try (ProcessCluster cluster = ProcessCluster.start(StrataProcess.repositoryRoot(), data,
                List.of("-Xmx" + heap), startTimeout);
             StrataClient client = StrataClient.builder().endpoints(cluster.grpcEndpoints())
                     .callDeadline(Duration.ofSeconds(15))
                     .retryPolicy(new RetryPolicy(1_000, Duration.ofMillis(20), Duration.ofMillis(200), 2.0,
                             Duration.ofSeconds(90)))
                     .build()) {
            CpuTable.create(client);
            Placement placement = cluster.placement(startTimeout);
            GroupId target = placement.groupIds().getFirst();
            Instant start = GroupTargeting.startInOneSlot(Instant.now(), Duration.ofHours(3), Duration.ofHours(1));
            List<Integer> hosts = GroupTargeting.hostsOn(placement, target, start, writers * 10);
            try (SteadyWriters steady = new SteadyWriters(client, writers, recordsPerRequest,
                    writer -> new CpuRecordSource(CpuTable.DATABASE, CpuTable.TABLE,
                            hosts.subList(writer * 10, writer * 10 + 10), start, 42))) {
                for (int round = 1; round <= rounds; round++) {
                    results.add(killLeader(cluster, placement, target, steady, round, roundTimeout));
                    Round last = results.getLast();
                    System.out.printf(Locale.ROOT, "failover round %d: killed %s, new leader %s after %.2f s, writes"
                                    + " acknowledged again after %.2f s (longest gap %.2f s), load %.1f%n", round,
                            last.killed(), last.newLeader(), seconds(last.elected()), seconds(last.acknowledgedAgain()),
                            seconds(last.longestGap()), last.loadAverage());
                }
                failedCalls = steady.failedCalls();
            }
        }
        String report = report(results, failedCalls, writers, recordsPerRequest);
        System.out.println(report);
        Path reportFile = arguments.path("report", null);
        if (reportFile != null) {
            Files.writeString(reportFile, report + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        return results;
    }

    private static Round killLeader(ProcessCluster cluster, Placement placement, GroupId target, SteadyWriters steady,
                                    int round, Duration timeout) throws Exception {
        // Steady state first: every node up and caught up, writes flowing.
        awaitCaughtUp(cluster, placement, timeout);
        long flowing = System.nanoTime();
        await("writes acknowledged before the kill", timeout, () -> steady.acknowledgedSince(flowing) >= 3);
        ReplicaStatus leader = cluster.probe().leader(placement, target)
                .orElseThrow(() -> new IllegalStateException("no leader of " + target));
        int victim = cluster.indexOf(leader.nodeId());
        double load = ResourceSample.machineLoadAverage();

        long killed = System.nanoTime();
        cluster.killNode(victim);

        Optional<ReplicaStatus> newLeader = Optional.empty();
        long electedAt = 0;
        OptionalLong acknowledgedAt = OptionalLong.empty();
        long deadline = killed + timeout.toNanos();
        while ((newLeader.isEmpty() || acknowledgedAt.isEmpty()) && System.nanoTime() < deadline) {
            if (newLeader.isEmpty()) {
                newLeader = cluster.probe().leader(placement, target)
                        .filter(status -> !status.nodeId().equals(leader.nodeId()));
                electedAt = System.nanoTime();
            }
            acknowledgedAt = steady.firstAcknowledgedSentAfter(killed);
            TimeUnit.NANOSECONDS.sleep(POLL.toNanos());
        }
        if (newLeader.isEmpty() || acknowledgedAt.isEmpty()) {
            throw new IllegalStateException("round " + round + ": after killing " + leader.nodeId() + ", no "
                    + (newLeader.isEmpty() ? "new leader" : "acknowledged write") + " within " + timeout);
        }
        long recovered = acknowledgedAt.getAsLong();
        TimeUnit.SECONDS.sleep(1);
        Duration gap = steady.longestGap(killed - TimeUnit.SECONDS.toNanos(1), recovered + TimeUnit.SECONDS.toNanos(1));

        cluster.startNode(victim);
        return new Round(round, leader.nodeId(), newLeader.get().nodeId(), Duration.ofNanos(electedAt - killed),
                Duration.ofNanos(recovered - killed), gap, load);
    }

    /** Waits until every peer of every group has applied what its leader committed. */
    static void awaitCaughtUp(ProcessCluster cluster, Placement placement, Duration timeout) throws InterruptedException {
        await("every replica caught up", timeout, () -> {
            for (GroupId group : placement.groupIds()) {
                Optional<ReplicaStatus> leader = cluster.probe().leader(placement, group);
                if (leader.isEmpty()) {
                    return false;
                }
                for (Optional<ReplicaStatus> replica : cluster.probe().statuses(placement, group)) {
                    if (replica.isEmpty() || replica.get().appliedIndex() < leader.get().committedIndex()) {
                        return false;
                    }
                }
            }
            return true;
        });
    }

    static void await(String what, Duration timeout, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not within " + timeout + ": " + what);
            }
            TimeUnit.NANOSECONDS.sleep(POLL.toNanos());
        }
    }

    static String report(List<Round> rounds, long failedCalls, int writers, int recordsPerRequest) {
        BenchTable table = new BenchTable("round", "killed (leader)", "new leader", "new leader seen after s",
                "writes acknowledged again after s", "longest acknowledgement gap s", "load avg");
        for (Round round : rounds) {
            table.add(round.round(), round.killed(), round.newLeader(), format(round.elected()),
                    format(round.acknowledgedAgain()), format(round.longestGap()),
                    String.format(Locale.ROOT, "%.1f", round.loadAverage()));
        }
        List<Duration> again = rounds.stream().map(Round::acknowledgedAgain).sorted().toList();
        List<Duration> elected = rounds.stream().map(Round::elected).sorted().toList();
        StringBuilder report = new StringBuilder("### Leader failover (3 strata server processes, kill -9 of the leader; "
                + writers + " writers x " + recordsPerRequest + " records/request to one group)\n\n").append(table);
        if (!again.isEmpty()) {
            report.append(String.format(Locale.ROOT, "%nWrites acknowledged again: p50 %s s, max %s s (target <= 3 s);"
                            + " new leader seen: p50 %s s, max %s s. Calls that failed after the client's retries: %d.%n",
                    format(again.get((again.size() - 1) / 2)), format(again.getLast()),
                    format(elected.get((elected.size() - 1) / 2)), format(elected.getLast()), failedCalls));
        }
        return report.toString();
    }

    private static String format(Duration duration) {
        return String.format(Locale.ROOT, "%.2f", seconds(duration));
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
