package io.strata.tier.journal;

import java.nio.ByteBuffer;
import java.util.HexFormat;

/** One replayed entry, copied out of the reused buffer, comparable by value in assertions. */
record JournalEntry(long raftIndex, String commandHex) {
    static JournalEntry of(long raftIndex, byte[] command) {
        return new JournalEntry(raftIndex, HexFormat.of().formatHex(command));
    }

    static JournalEntry copyOf(long raftIndex, ByteBuffer command) {
        byte[] bytes = new byte[command.remaining()];
        command.get(bytes);
        return of(raftIndex, bytes);
    }
}
