package io.strata.chaos.run;

import io.strata.chaos.check.CheckSuite;
import io.strata.chaos.check.FinalRead;
import io.strata.chaos.check.Violation;
import io.strata.chaos.history.History;
import io.strata.chaos.history.HistoryFile;
import io.strata.chaos.history.HistoryRecorder;
import io.strata.chaos.history.RecordVersion;
import io.strata.chaos.nemesis.ClockSkewNemesis;
import io.strata.chaos.nemesis.DiskFullNemesis;
import io.strata.chaos.nemesis.FaultRecord;
import io.strata.chaos.nemesis.KillRestartNemesis;
import io.strata.chaos.nemesis.LeaderKillNemesis;
import io.strata.chaos.nemesis.MajoritySplitNemesis;
import io.strata.chaos.nemesis.NemesisRunner;
import io.strata.chaos.nemesis.PauseNemesis;
import io.strata.chaos.nemesis.ZonePartitionNemesis;
import io.strata.chaos.nemesis.ZooKeeperOutageNemesis;
import io.strata.chaos.report.RunReport;
import io.strata.chaos.strata.ReplicaInspectionClient;
import io.strata.chaos.strata.ReplicaAgreement;
import io.strata.chaos.strata.StrataProcessCluster;
import io.strata.chaos.strata.StrataWorkloadClient;
import io.strata.client.StrataClient;
import io.strata.client.error.StrataClientException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * One chaos run end to end: start ZooKeeper and the Strata node processes → create the table →
 * workload processes record into a {@link HistoryRecorder} while a {@link NemesisRunner} plays the
 * seeded schedule → stop the workload → heal everything → wait until every series can be read
 * again → final read with a fresh client → {@link CheckSuite}, and {@link ReplicaAgreement} across
 * every replica → {@link RunReport}, printed and
 * written with {@code history.jsonl} to the run directory.
 *
 * <p>Not thread-safe; one run per instance. The cluster is always torn down, also on failure.
 */
public final class ChaosRun {
    public static final String DATABASE = "chaos";
    public static final String TABLE = "register";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration CALL_DEADLINE = Duration.ofSeconds(12);
    private static final int ATTEMPTS = 3;
    private static final Duration SERIES_GENERATION = Duration.ofMinutes(1);

    /** What a run leaves behind. */
    public record Result(RunReport report, Path runDirectory, Path historyFile) {}

    private final ChaosSettings settings;
    private final PrintStream log;

    public ChaosRun(ChaosSettings settings, PrintStream log) {
        this.settings = settings;
        this.log = log;
    }

    public Result run() {
        freshDirectory(settings.runDirectory());
        // Record times in milliseconds, well inside the 6-hour memory store window and clear of any
        // clock skew the schedule applies (at most about an hour).
        long base = Instant.now().minus(Duration.ofMinutes(90)).toEpochMilli();
        AtomicLong barrierTimes = new AtomicLong(base - 1);
        WorkloadProcess.SharedCounters counters = new WorkloadProcess.SharedCounters(new AtomicLong(base), new AtomicLong(2));

        log.println("[chaos] seed " + settings.seed() + ": " + settings.schedule().faults().size() + " faults over "
                + settings.schedule().length() + ", " + settings.nodes() + " nodes, " + settings.processes()
                + " processes, run directory " + settings.runDirectory().toAbsolutePath());
        try (StrataProcessCluster cluster = StrataProcessCluster.start(new StrataProcessCluster.Settings(settings.nodes(),
                settings.groupCount(), settings.runDirectory(), settings.useNamespaces(), settings.dataVolumeBytes(),
                settings.nodeJvmArguments()), log)) {
            List<String> probes = new ArrayList<>();
            for (int i = 0; i < settings.seriesCount(); i++) {
                probes.add("probe-s" + i);
            }
            awaitCluster(cluster, probes, barrierTimes::getAndDecrement);
            SeriesGenerations generations = new SeriesGenerations(settings.seriesCount(), SERIES_GENERATION, System::nanoTime);

            HistoryRecorder recorder = new HistoryRecorder(System::nanoTime);
            List<WorkloadProcess> processes = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            List<StrataWorkloadClient> clients = new ArrayList<>();
            for (int process = 0; process < settings.processes(); process++) {
                StrataWorkloadClient client = client(cluster, process, barrierTimes);
                clients.add(client);
                WorkloadProcess workload = new WorkloadProcess(process, client, recorder, generations, counters, settings.seed(),
                        settings.operationPause());
                processes.add(workload);
                threads.add(Thread.ofPlatform().name("workload-" + process).start(workload));
            }
            NemesisRunner runner = new NemesisRunner(List.of(new KillRestartNemesis(), new PauseNemesis(),
                    new ZonePartitionNemesis(), new MajoritySplitNemesis(), new ZooKeeperOutageNemesis(),
                    new DiskFullNemesis(), new ClockSkewNemesis(settings.clockSkew()), new LeaderKillNemesis()),
                    System::nanoTime, log);
            List<FaultRecord> faults;
            long startNanos = System.nanoTime();
            try {
                faults = runner.run(settings.schedule(), cluster, startNanos);
                // The workload runs for the schedule's whole length, also after its last fault.
                long end = startNanos + settings.schedule().length().toNanos();
                while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
                    LockSupport.parkNanos(Math.min(end - System.nanoTime(), 100_000_000L));
                }
            } finally {
                processes.forEach(WorkloadProcess::stop);
                for (Thread thread : threads) {
                    join(thread);
                }
                clients.forEach(StrataWorkloadClient::close);
            }
            History history = recorder.snapshot();
            // Written before healing, so a run whose cluster never settles still leaves its history.
            Path historyFile = settings.runDirectory().resolve("history.jsonl");
            HistoryFile.write(history, historyFile);
            log.println("[chaos] workload stopped after " + history.operations().size() + " operations; healing");

            cluster.healAll();
            List<String> series = generations.all();
            FinalRead finalRead = finalRead(cluster, series, barrierTimes);
            List<Violation> violations = new ArrayList<>(CheckSuite.all().check(history, finalRead));
            violations.addAll(ReplicaAgreement.check(cluster, DATABASE, TABLE, series, settings.settleTimeout()));
            RunReport report = new RunReport(settings.seed(), cluster.networkMode(), history, faults, violations);
            String table = report.render();
            write(settings.runDirectory().resolve("report.txt"), table + faultLines(faults));
            log.println(table);
            return new Result(report, settings.runDirectory(), historyFile);
        }
    }

    private StrataWorkloadClient client(StrataProcessCluster cluster, int process, AtomicLong barrierTimes) {
        List<String> endpoints = rotate(cluster.clientEndpoints(), process);
        List<ReplicaInspectionClient> replicas = rotate(List.copyOf(cluster.replicaInspection().values()), process);
        return new StrataWorkloadClient(endpoints, replicas, DATABASE, TABLE, barrierTimes::getAndDecrement,
                CALL_DEADLINE, ATTEMPTS);
    }

    /** Waits for leaders, creates the database and table, and reads each probe series once. */
    private void awaitCluster(StrataProcessCluster cluster, List<String> series, LongSupplier barriers) {
        long started = System.nanoTime();
        awaitCondition("every Raft group has a leader", START_TIMEOUT, cluster::everyGroupLed);
        try (StrataClient admin = StrataClient.builder().endpoints(cluster.clientEndpoints())
                .callDeadline(CALL_DEADLINE).build()) {
            awaitCondition("database and table created", START_TIMEOUT, () -> {
                try {
                    if (admin.admin().listDatabases().stream().noneMatch(database -> database.getDatabaseName().equals(DATABASE))) {
                        admin.admin().createDatabase(DATABASE);
                    }
                    if (admin.admin().listTables(DATABASE).stream().noneMatch(table -> table.getTableName().equals(TABLE))) {
                        admin.admin().createTable(DATABASE, TABLE);
                    }
                    return true;
                } catch (StrataClientException notYet) {
                    log.println("[chaos] creating the table: " + notYet.getMessage());
                    return false;
                }
            });
        }
        awaitReadable(cluster, series, barriers, START_TIMEOUT);
        log.println("[chaos] cluster serving after " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
    }

    private void awaitReadable(StrataProcessCluster cluster, List<String> series, LongSupplier barriers,
            Duration timeout) {
        try (StrataWorkloadClient probe = new StrataWorkloadClient(cluster.clientEndpoints(),
                List.copyOf(cluster.replicaInspection().values()), DATABASE, TABLE, barriers, CALL_DEADLINE, 1)) {
            for (String name : series) {
                awaitCondition("series " + name + " readable", timeout, () -> {
                    try {
                        probe.read(name);
                        return true;
                    } catch (RuntimeException notYet) {
                        return false;
                    }
                });
            }
        }
    }

    /** After healing: every group led again, then every series read by a fresh client. */
    private FinalRead finalRead(StrataProcessCluster cluster, List<String> series, AtomicLong barrierTimes) {
        awaitCondition("every Raft group has a leader after healing", settings.settleTimeout(), cluster::everyGroupLed);
        List<RecordVersion> records = new ArrayList<>();
        try (StrataWorkloadClient reader = new StrataWorkloadClient(cluster.clientEndpoints(),
                List.copyOf(cluster.replicaInspection().values()), DATABASE, TABLE, barrierTimes::getAndDecrement, CALL_DEADLINE,
                ATTEMPTS)) {
            for (String name : series) {
                List<List<RecordVersion>> read = new ArrayList<>();
                awaitCondition("final read of " + name, settings.settleTimeout(), () -> {
                    try {
                        read.add(reader.read(name));
                        return true;
                    } catch (RuntimeException notYet) {
                        log.println("[chaos] final read of " + name + " not yet: " + notYet.getMessage());
                        return false;
                    }
                });
                records.addAll(read.getFirst());
            }
        }
        log.println("[chaos] final read: " + records.size() + " records in " + series.size() + " series");
        return new FinalRead(records);
    }

    private static void awaitCondition(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout + " waiting until " + what);
            }
            LockSupport.parkNanos(250_000_000L);
        }
    }

    private static <T> List<T> rotate(List<T> items, int by) {
        List<T> rotated = new ArrayList<>(items);
        Collections.rotate(rotated, -(by % Math.max(1, items.size())));
        return rotated;
    }

    private static String faultLines(List<FaultRecord> faults) {
        StringBuilder out = new StringBuilder("faults in order:\n");
        faults.forEach(fault -> out.append("  ").append(fault).append('\n'));
        return out.toString();
    }

    private static void join(Thread thread) {
        try {
            thread.join(Duration.ofMinutes(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A replayed seed reuses its run directory: start from an empty one, or ZooKeeper would come up
     * with the earlier run's catalog and placement (and node logs would mix two runs).
     */
    private static void freshDirectory(Path directory) {
        try {
            Path absolute = directory.toAbsolutePath().normalize();
            Path mounts = Path.of("/proc/mounts");
            if (Files.exists(mounts) && Files.readString(mounts).contains(" " + absolute + "/")) {
                throw new IllegalStateException("a volume is still mounted under " + absolute + ": unmount it first");
            }
            if (Files.exists(absolute)) {
                try (var paths = Files.walk(absolute)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
