package io.strata.core.time;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Timestream's rule for which records a table accepts, and into which store.
 *
 * <p>With {@code ingest} the ingest time carried in the replicated command (never a local clock, so
 * every replica decides alike):
 *
 * <ul>
 *   <li>{@code ingest − memoryRetention ≤ t ≤ ingest + 15 min} → {@link StoreTarget#MEMORY}; both
 *       bounds inclusive, as Timestream documents them;
 *   <li>older than that, magnetic writes enabled and {@code t ≥ ingest − magneticRetention} →
 *       {@link StoreTarget#MAGNETIC};
 *   <li>anything else → {@link StoreTarget#REJECTED} with Timestream's reason, e.g. {@code The
 *       record timestamp is outside the time range [2023-02-13T19:22:45.051Z,
 *       2023-02-20T20:02:45.051Z) of the memory store.}
 * </ul>
 *
 * <p>[U] Timestream prints the range half-open although its documented end is inclusive; Strata
 * prints the documented bounds (start and end truncated to milliseconds) and accepts the end
 * itself. A too-old record on a table with magnetic writes enabled is rejected with the same
 * sentence naming the magnetic store and its window {@code [ingest − magneticRetention, ingest + 15
 * min)}: Timestream's text for that case is not published.
 *
 * @param memoryRetention the table's memory store retention (positive)
 * @param magneticRetention the table's magnetic store retention (positive)
 * @param magneticWritesEnabled whether the table accepts writes into the magnetic store
 */
public record IngestionWindow(Duration memoryRetention, Duration magneticRetention, boolean magneticWritesEnabled) {
    /** How far ahead of the ingest time a record may be. */
    public static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(15);

    private static final long FUTURE_TOLERANCE_NANOS = FUTURE_TOLERANCE.toNanos();
    private static final DateTimeFormatter BOUND_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public IngestionWindow {
        Objects.requireNonNull(memoryRetention, "memoryRetention");
        Objects.requireNonNull(magneticRetention, "magneticRetention");
        if (memoryRetention.isNegative() || memoryRetention.isZero()
                || magneticRetention.isNegative() || magneticRetention.isZero()) {
            throw new IllegalArgumentException("retention periods must be positive");
        }
    }

    /**
     * Classifies a record.
     *
     * @param recordTimeNanos the record's time, nanoseconds since the epoch
     * @param ingestTimeNanos the ingest time carried in the command, nanoseconds since the epoch
     */
    public IngestionDecision classify(long recordTimeNanos, long ingestTimeNanos) {
        long end = saturatedAdd(ingestTimeNanos, FUTURE_TOLERANCE_NANOS);
        long memoryStart = saturatedSubtract(ingestTimeNanos, nanos(memoryRetention));
        if (recordTimeNanos > end) {
            return IngestionDecision.rejected(outsideRange(memoryStart, end, "memory"));
        }
        if (recordTimeNanos >= memoryStart) {
            return IngestionDecision.memory();
        }
        if (!magneticWritesEnabled) {
            return IngestionDecision.rejected(outsideRange(memoryStart, end, "memory"));
        }
        long magneticStart = saturatedSubtract(ingestTimeNanos, nanos(magneticRetention));
        if (recordTimeNanos >= magneticStart) {
            return IngestionDecision.magnetic();
        }
        return IngestionDecision.rejected(outsideRange(magneticStart, end, "magnetic"));
    }

    private static String outsideRange(long startNanos, long endNanos, String store) {
        return "The record timestamp is outside the time range [" + format(startNanos) + ", " + format(endNanos)
                + ") of the " + store + " store.";
    }

    private static String format(long epochNanos) {
        return BOUND_FORMAT.format(Instant.ofEpochSecond(
                Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L)));
    }

    private static long nanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    private static long saturatedSubtract(long a, long b) {
        long difference = a - b;
        return ((a ^ b) & (a ^ difference)) < 0 ? Long.MIN_VALUE : difference;
    }
}
