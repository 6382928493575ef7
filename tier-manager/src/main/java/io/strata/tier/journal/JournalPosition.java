package io.strata.tier.journal;

/**
 * Where one entry sits in a {@link CommandJournal}: its Raft index and its place in the Chronicle
 * queue. A state-machine snapshot records the position of the last applied entry; after the
 * snapshot is durable, {@link CommandJournal#dropCyclesBefore} can drop everything older.
 *
 * @param raftIndex the Raft log index the entry was appended with
 * @param queueIndex Chronicle's index of the entry (cycle number and sequence within the cycle)
 */
public record JournalPosition(long raftIndex, long queueIndex) {
    public JournalPosition {
        if (raftIndex < 0) {
            throw new IllegalArgumentException("raftIndex must be >= 0, was " + raftIndex);
        }
        if (queueIndex < 0) {
            throw new IllegalArgumentException("queueIndex must be >= 0, was " + queueIndex);
        }
    }
}
