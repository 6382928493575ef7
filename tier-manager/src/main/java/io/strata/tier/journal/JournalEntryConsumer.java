package io.strata.tier.journal;

import java.nio.ByteBuffer;

/**
 * Receives the entries a {@link CommandJournal} replays, in journal order, on the thread that called
 * replay.
 */
@FunctionalInterface
public interface JournalEntryConsumer {
    /**
     * @param raftIndex the Raft index the entry was appended with
     * @param command the command's bytes, from position to limit. The buffer is read-only and reused
     *     for the next entry (replay allocates nothing per entry): copy what must outlive this call.
     */
    void accept(long raftIndex, ByteBuffer command);
}
