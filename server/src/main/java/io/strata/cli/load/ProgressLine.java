package io.strata.cli.load;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * The progress of a load, at most once per {@code every}: rows stored out of the total, rows per
 * second, the estimated time left and the rows not stored. On a terminal the line is rewritten in
 * place; otherwise (a log, a pipe) each update is a line of its own. Used by the producer thread.
 */
final class ProgressLine {
    private final PrintWriter out;
    private final boolean inPlace;
    private final Clock clock;
    private final Duration every;
    private final long total;
    private final Instant started;
    private Instant nextUpdate;

    ProgressLine(PrintWriter out, boolean inPlace, Clock clock, Duration every, long total) {
        this.out = Objects.requireNonNull(out, "out");
        this.inPlace = inPlace;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.every = Objects.requireNonNull(every, "every");
        this.total = total;
        this.started = clock.instant();
        this.nextUpdate = started.plus(every);
    }

    /** The time the load started. */
    Instant started() {
        return started;
    }

    /** Prints the line when the last one is {@code every} old. */
    void update(LoadCounters counters) {
        Instant now = clock.instant();
        if (now.isBefore(nextUpdate)) {
            return;
        }
        nextUpdate = now.plus(every);
        print(counters, now);
        if (!inPlace) {
            out.println();
        }
        out.flush();
    }

    /** Prints the final state and ends the line. */
    void finish(LoadCounters counters) {
        print(counters, clock.instant());
        out.println();
        out.flush();
    }

    private void print(LoadCounters counters, Instant now) {
        long done = counters.outcomes();
        double seconds = Math.max(Duration.between(started, now).toNanos() / 1e9, 1e-9);
        double rate = counters.stored() / seconds;
        String eta = done == 0 || done >= total ? (done >= total ? "0:00" : "--:--")
                : clockText(Math.round((total - done) / (done / seconds)));
        String line = String.format(Locale.ROOT, "rows %,d/%,d (%.0f%%)  %,.0f rows/s  ETA %s  rejected %,d",
                counters.stored(), total, total == 0 ? 100.0 : 100.0 * done / total, rate, eta, counters.notStored());
        if (inPlace) {
            out.print("\r" + line + "\u001b[K");
        } else {
            out.print(line);
        }
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour on. */
    static String clockText(long seconds) {
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest)
                : String.format(Locale.ROOT, "%d:%02d", minutes, rest);
    }
}
