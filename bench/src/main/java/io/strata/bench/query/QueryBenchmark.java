package io.strata.bench.query;

import io.strata.bench.cluster.BenchArguments;
import io.strata.bench.cluster.LatencyRecorder;
import io.strata.query.execution.QueryResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Query latency over one shard, in process: loads the devops dataset ({@link DevopsShard}) into a
 * real shard replica, runs {@link DevopsQueries} through the node's query path
 * ({@link ShardQueryPath}) with every row in the memory store, then seals every partition and runs
 * them again with every row in magnetic segments. Per tier: warm-up rounds, then measured rounds;
 * each round runs every query once (round-robin, so load swings on the shared machine hit every
 * query alike). Reports wall-clock p50/p99 and the calling thread's CPU time p50 per query.
 *
 * <pre>
 * bench/run-query-bench.sh [--hosts 100] [--points 10000] [--seed 42] [--warmup 20] [--rounds 100]
 *     [--tiers memory,magnetic] [--queries name,...] [--work-dir dir] [--report file]
 * </pre>
 */
public final class QueryBenchmark {
    private static final Set<String> OPTIONS = Set.of("hosts", "points", "seed", "warmup", "rounds", "tiers",
            "queries", "work-dir", "report");

    private QueryBenchmark() {}

    /** One query's measurements on one tier. */
    public record Measurement(String tier, DevopsQueries query, int rows, double p50Millis, double p99Millis,
                              double cpuP50Millis, int rounds, List<Object> firstRow) {}

    public static void main(String[] args) throws Exception {
        BenchArguments arguments = new BenchArguments(args, OPTIONS);
        int hosts = arguments.integer("hosts", 100);
        int points = arguments.integer("points", 10_000);
        long seed = arguments.integer("seed", 42);
        int warmup = arguments.integer("warmup", 20);
        int rounds = arguments.integer("rounds", 100);
        List<String> tiers = List.of(arguments.text("tiers", "memory,magnetic").split(","));
        String only = arguments.text("queries", "");
        Path workDir = arguments.path("work-dir", Path.of("bench/target/query-bench"));
        Path report = arguments.path("report", workDir.resolve("report.md"));
        List<Measurement> results = run(workDir, hosts, points, seed, warmup, rounds, tiers,
                only.isEmpty() ? List.of() : List.of(only.split(",")), System.out::println);
        String table = table(results, hosts, points);
        System.out.println(table);
        Files.createDirectories(report.getParent());
        Files.writeString(report, table + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Loads, measures every selected query on every selected tier, and deletes the data again. */
    public static List<Measurement> run(Path workDir, int hosts, int points, long seed, int warmup, int rounds,
                                        List<String> tiers, List<String> queryNames,
                                        java.util.function.Consumer<String> log) throws IOException {
        Path data = workDir.resolve("shard-" + ProcessHandle.current().pid());
        deleteRecursively(data);
        List<Measurement> results = new ArrayList<>();
        long loadStart = System.nanoTime();
        try (DevopsShard shard = DevopsShard.load(data, hosts, points, seed)) {
            log.accept(String.format(Locale.ROOT, "loaded %,d records (%d hosts x %d points) in %.1f s; load average %s",
                    (long) hosts * points, hosts, points, (System.nanoTime() - loadStart) / 1e9, loadAverage()));
            Clock clock = Clock.fixed(Instant.ofEpochSecond(0, shard.lastTimeNanos()), ZoneOffset.UTC);
            ShardQueryPath path = new ShardQueryPath(shard, clock);
            List<DevopsQueries> queries = DevopsQueries.all(shard.firstTimeNanos() / 1_000_000,
                    DevopsShard.hostname(Math.min(7, hosts - 1))).stream()
                    .filter(query -> queryNames.isEmpty() || queryNames.contains(query.name())).toList();
            if (tiers.contains("memory")) {
                results.addAll(measure("memory", path, queries, warmup, rounds, log));
            }
            if (tiers.contains("magnetic")) {
                long sealStart = System.nanoTime();
                shard.sealAll();
                log.accept(String.format(Locale.ROOT, "sealed every partition in %.1f s",
                        (System.nanoTime() - sealStart) / 1e9));
                results.addAll(measure("magnetic", path, queries, warmup, rounds, log));
            }
        } finally {
            deleteRecursively(data);
        }
        return results;
    }

    private static List<Measurement> measure(String tier, ShardQueryPath path, List<DevopsQueries> queries, int warmup,
                                             int rounds, java.util.function.Consumer<String> log) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<DevopsQueries, LatencyRecorder> wall = new LinkedHashMap<>();
        Map<DevopsQueries, LatencyRecorder> cpu = new LinkedHashMap<>();
        Map<DevopsQueries, QueryResult> lastResult = new LinkedHashMap<>();
        for (DevopsQueries query : queries) {
            wall.put(query, new LatencyRecorder());
            cpu.put(query, new LatencyRecorder());
        }
        log.accept(tier + ": " + warmup + " warm-up rounds, " + rounds + " measured rounds; load average " + loadAverage());
        for (int round = 0; round < warmup + rounds; round++) {
            for (DevopsQueries query : queries) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                QueryResult result = path.run(query.sql());
                long elapsed = System.nanoTime() - start;
                long cpuElapsed = threads.getCurrentThreadCpuTime() - cpuStart;
                if (round >= warmup) {
                    wall.get(query).record(elapsed);
                    cpu.get(query).record(cpuElapsed);
                }
                lastResult.put(query, result);
            }
        }
        List<Measurement> measurements = new ArrayList<>();
        for (DevopsQueries query : queries) {
            long[] sorted = LatencyRecorder.sortedMerge(List.of(wall.get(query)));
            long[] cpuSorted = LatencyRecorder.sortedMerge(List.of(cpu.get(query)));
            QueryResult result = lastResult.get(query);
            measurements.add(new Measurement(tier, query, result.rows().size(),
                    LatencyRecorder.quantileMillis(sorted, 0.5), LatencyRecorder.quantileMillis(sorted, 0.99),
                    LatencyRecorder.quantileMillis(cpuSorted, 0.5), rounds,
                    result.rows().isEmpty() ? List.of() : result.rows().getFirst()));
        }
        log.accept(tier + " done; load average " + loadAverage());
        return measurements;
    }

    static String table(List<Measurement> results, int hosts, int points) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%n### Query latency, %d hosts x %d points (%,d rows), %s, load average %s%n%n",
                hosts, points, (long) hosts * points, Instant.now(), loadAverage()));
        text.append("| query | tier | result rows | p50 ms | p99 ms | CPU p50 ms | rounds | first row |\n");
        text.append("|---|---|---:|---:|---:|---:|---:|---|\n");
        for (Measurement result : results) {
            text.append(String.format(Locale.ROOT, "| %s | %s | %d | %.2f | %.2f | %.2f | %d | %s |%n",
                    result.query().name(), result.tier(), result.rows(), result.p50Millis(), result.p99Millis(),
                    result.cpuP50Millis(), result.rounds(), result.firstRow()));
        }
        return text.toString();
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path entry : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
