package io.strata.cli.sql;

import io.strata.cli.output.OutputFormat;
import io.strata.cli.output.QueryResultPrinter;
import io.strata.client.StrataClient;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Runs one SQL statement and prints its rows, optionally followed by the row count and the time
 * from sending the query to printing its last row ({@code 12 rows in 0.034 s}). Failures of the
 * query ({@link io.strata.client.error.StrataClientException}) propagate to the caller.
 */
final class StatementRunner {
    private final StrataClient client;
    private final Clock clock;
    private final PrintWriter out;

    StatementRunner(StrataClient client, Clock clock, PrintWriter out) {
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Runs {@code sql}, prints its rows in {@code format}, then the count line when {@code withSummary}. */
    void run(String sql, OutputFormat format, boolean withSummary) {
        Instant started = clock.instant();
        long rows = new QueryResultPrinter(format, out).print(client.query(sql));
        Duration took = Duration.between(started, clock.instant());
        if (withSummary) {
            out.println(summary(rows, took));
            out.flush();
        }
    }

    /** {@code 1 row in 0.002 s}, {@code 12 rows in 0.034 s}. */
    static String summary(long rows, Duration took) {
        return String.format(Locale.ROOT, "%d %s in %.3f s", rows, rows == 1 ? "row" : "rows", took.toNanos() / 1e9);
    }
}
