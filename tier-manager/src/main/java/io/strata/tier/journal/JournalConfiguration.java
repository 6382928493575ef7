package io.strata.tier.journal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;

/**
 * How a {@link CommandJournal} lays out its files.
 *
 * @param directory the queue's directory; one journal per directory (per shard replica)
 * @param rollCycle how often Chronicle starts a new cycle file. Cycles are the unit
 *     {@link CommandJournal#dropCyclesBefore} deletes, so a shorter cycle keeps the journal closer to
 *     the last snapshot at the cost of more files. A queue keeps the roll cycle it was created with.
 * @param clock decides which cycle an append lands in. It only names files: the entries and their
 *     order never depend on it, so replay stays deterministic whatever the clock says.
 */
public record JournalConfiguration(Path directory, RollCycle rollCycle, Clock clock) {
    /** An hour of appends per file: a few snapshots' worth for a busy shard. */
    public static final RollCycle DEFAULT_ROLL_CYCLE = RollCycles.FAST_HOURLY;

    public JournalConfiguration {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(rollCycle, "rollCycle");
        Objects.requireNonNull(clock, "clock");
    }

    public static JournalConfiguration of(Path directory) {
        return new JournalConfiguration(directory, DEFAULT_ROLL_CYCLE, Clock.systemUTC());
    }
}
