package io.strata.cli.load;

import com.google.common.util.concurrent.RateLimiter;
import io.strata.api.v1.CreateTableRequest;
import io.strata.api.v1.RetentionProperties;
import io.strata.cli.ClusterOptions;
import io.strata.cli.CommandEnvironment;
import io.strata.cli.ErrorLine;
import io.strata.client.StrataClient;
import io.strata.client.error.StrataClientException;
import io.strata.client.write.RecordWriter;
import io.strata.client.write.RecordWriterSettings;
import io.strata.load.data.DevopsCpuStream;
import io.strata.load.data.IotSensorStream;
import io.strata.load.data.PointStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code strata load}: generates the devops (TSBS cpu-like) or IoT dataset and writes it as
 * multi-measure records through a {@link RecordWriter}, time step by time step over all series,
 * with a progress line on standard error and a summary on standard output. Exit code 0 when every
 * row was stored, 1 when some were not, 2 when the table could not be created because the cluster
 * could not be reached.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Generate a seeded devops (TSBS cpu-like) or IoT dataset and write it to a Strata cluster.")
public final class LoadCommand implements Callable<Integer> {
    /** Every row was stored. */
    public static final int OK = 0;
    /** Some rows were not stored (see the summary). */
    public static final int ROWS_NOT_STORED = 1;
    /** The cluster could not be reached. */
    public static final int CONNECTION_FAILED = 2;

    private static final int MAX_MEMORY_RETENTION_HOURS = 8766;
    private static final int DEFAULT_MEMORY_RETENTION_HOURS = 6;
    private static final int DEFAULT_MAGNETIC_RETENTION_DAYS = 73000;

    private final CommandEnvironment environment;

    @Mixin
    private ClusterOptions cluster;

    @Option(names = "--dataset", defaultValue = "devops", paramLabel = "devops|iot",
            description = "devops: TSBS-like cpu of hosts (measure 'cpu'); iot: sensor readings (measure 'sensor_metrics'). Default: ${DEFAULT-VALUE}.")
    private String dataset;

    @Option(names = {"--hosts", "--devices"}, defaultValue = "10", paramLabel = "N", description = "Hosts (devops) or devices (iot). Default: ${DEFAULT-VALUE}.")
    private int series;

    @Option(names = "--rows", defaultValue = "10000", paramLabel = "N", description = "Rows (records) to write in all. Default: ${DEFAULT-VALUE}.")
    private long rows;

    @Option(names = "--start", paramLabel = "TIME",
            description = "Time of the first point: ISO-8601 (2024-05-01T00:00:00Z), now or now-2h. Default: so that the last point is now.")
    private String start;

    @Option(names = "--interval", defaultValue = "10s", paramLabel = "DURATION", description = "Time between the points of a series. Default: ${DEFAULT-VALUE}.")
    private String interval;

    @Option(names = "--rate", paramLabel = "N/s", description = "Write at most this many rows per second (e.g. 5000/s). Default: as fast as the cluster takes them.")
    private String rate;

    @Option(names = "--database", paramLabel = "NAME", description = "Database to write to. Default: devops or iot.")
    private String database;

    @Option(names = "--table", paramLabel = "NAME", description = "Table to write to. Default: cpu or sensor_readings.")
    private String table;

    @Option(names = "--create", description = "Create the database and table when missing (memory retention covers the generated time span).")
    private boolean create;

    @Option(names = "--batch", defaultValue = "100", paramLabel = "N", description = "Records per WriteRecords request, 1..100. Default: ${DEFAULT-VALUE}.")
    private int batch;

    @Option(names = "--in-flight", defaultValue = "4", paramLabel = "N", description = "Requests outstanding at once. Default: ${DEFAULT-VALUE}.")
    private int inFlight;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Seed of the generated data. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--progress-every", defaultValue = "1s", paramLabel = "DURATION", description = "Time between progress updates. Default: ${DEFAULT-VALUE}.")
    private String progressEvery;

    @Spec
    private CommandSpec spec;

    /** The command as {@code strata} runs it. */
    public LoadCommand() {
        this(CommandEnvironment.system());
    }

    /** The command in {@code environment} (tests). */
    public LoadCommand(CommandEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean iot = switch (dataset.strip().toLowerCase(Locale.ROOT)) {
            case "devops" -> false;
            case "iot" -> true;
            default -> throw invalid("--dataset must be devops or iot, was '" + dataset + "'");
        };
        if (series < 1) {
            throw invalid("--hosts/--devices must be at least 1, was " + series);
        }
        if (rows < 0) {
            throw invalid("--rows must not be negative, was " + rows);
        }
        if (batch < 1 || batch > RecordWriterSettings.MAX_RECORDS_PER_REQUEST) {
            throw invalid("--batch must be 1..100, was " + batch);
        }
        if (inFlight < 1) {
            throw invalid("--in-flight must be at least 1, was " + inFlight);
        }
        Duration step = argument(() -> TimeArguments.duration(interval));
        Duration updateEvery = argument(() -> TimeArguments.duration(progressEvery));
        RateLimiter limiter = rate == null ? null : RateLimiter.create(argument(() -> TimeArguments.ratePerSecond(rate)));
        long pointsPerSeries = (rows + series - 1) / series;
        Duration span = step.multipliedBy(Math.max(pointsPerSeries - 1, 0));
        // Truncated to milliseconds: records carry millisecond times.
        Instant first = (start == null ? environment.clock().instant().minus(span) : argument(() -> TimeArguments.instant(start, environment.clock())))
                .truncatedTo(ChronoUnit.MILLIS);
        String databaseName = database != null ? database : iot ? "iot" : "devops";
        String tableName = table != null ? table : iot ? "sensor_readings" : "cpu";
        PointStream stream = iot ? new IotSensorStream(seed, series, first, step, Duration.ofMillis(Math.min(50, step.toMillis() / 10)))
                : new DevopsCpuStream(seed, series, first, step);

        try (StrataClient client = environment.connect(cluster)) {
            if (create) {
                try {
                    createIfMissing(client, databaseName, tableName, span, out);
                } catch (StrataClientException e) {
                    err.println(ErrorLine.of(e, cluster.endpoints()));
                    err.flush();
                    return ErrorLine.isConnectionFailure(e) ? CONNECTION_FAILED : ROWS_NOT_STORED;
                }
            }
            out.printf(Locale.ROOT, "Writing %,d %s rows of %,d %s into %s.%s, %s to %s%n", rows, iot ? "iot" : "devops", series,
                    iot ? "devices" : "hosts", databaseName, tableName, first, first.plus(span));
            out.flush();
            LoadCounters counters = new LoadCounters();
            ProgressLine progress = new ProgressLine(err, environment.terminal(), environment.clock(), updateEvery, rows);
            RecordWriterSettings settings = RecordWriterSettings.defaults().withMaxRecordsPerRequest(batch).withMaxRequestsInFlight(inFlight);
            try (RecordWriter writer = client.newRecordWriter(settings)) {
                PointRecords records = new PointRecords(stream);
                for (long row = 0; row < rows; row++) {
                    if (limiter != null) {
                        limiter.acquire();
                    }
                    writer.write(databaseName, tableName, records.next((int) (row % series))).whenComplete(counters::record);
                    progress.update(counters);
                }
                awaitOutcomes(writer.flush(), counters, progress, updateEvery);
            }
            progress.finish(counters);
            printSummary(out, counters, Duration.between(progress.started(), environment.clock().instant()), databaseName, tableName);
            return counters.notStored() == 0 ? OK : ROWS_NOT_STORED;
        }
    }

    private static void awaitOutcomes(CompletableFuture<Void> flushed, LoadCounters counters, ProgressLine progress, Duration every) {
        long waitMillis = Math.max(every.toMillis(), 10);
        while (true) {
            try {
                flushed.get(waitMillis, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                progress.update(counters);
            } catch (ExecutionException e) {
                // Every record's own future says what became of it; the counters have it.
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void createIfMissing(StrataClient client, String databaseName, String tableName, Duration span, PrintWriter out) {
        try {
            client.admin().createDatabase(databaseName);
            out.println("Created database " + databaseName);
        } catch (StrataClientException e) {
            if (!e.is(StrataClientException.CONFLICT)) {
                throw e;
            }
        }
        // The memory store takes records no older than its retention: cover the generated span (plus an hour of slack).
        long hours = Math.clamp(span.toHours() + 2, DEFAULT_MEMORY_RETENTION_HOURS, MAX_MEMORY_RETENTION_HOURS);
        try {
            client.admin().createTable(CreateTableRequest.newBuilder().setDatabaseName(databaseName).setTableName(tableName)
                    .setRetentionProperties(RetentionProperties.newBuilder().setMemoryStoreRetentionPeriodInHours(hours)
                            .setMagneticStoreRetentionPeriodInDays(DEFAULT_MAGNETIC_RETENTION_DAYS))
                    .build());
            out.println("Created table " + databaseName + "." + tableName + " (memory retention " + hours + " h)");
        } catch (StrataClientException e) {
            if (!e.is(StrataClientException.CONFLICT)) {
                throw e;
            }
        }
    }

    private static void printSummary(PrintWriter out, LoadCounters counters, Duration took, String databaseName, String tableName) {
        double seconds = Math.max(took.toNanos() / 1e9, 1e-9);
        out.printf(Locale.ROOT, "Loaded %,d rows into %s.%s in %.3f s (%,.0f rows/s); rejected %,d%n", counters.stored(),
                databaseName, tableName, took.toNanos() / 1e9, counters.stored() / seconds, counters.notStored());
        for (Map.Entry<String, Long> reason : counters.notStoredByReason().entrySet()) {
            out.printf(Locale.ROOT, "  %,10d  %s%n", reason.getValue(), reason.getKey());
        }
        out.flush();
    }

    private ParameterException invalid(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private <T> T argument(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }
}
