package io.strata.raft;

import io.strata.core.error.ConflictException;
import io.strata.core.error.ValidationException;
import io.strata.raft.statemachine.ReplicatedShard;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deterministic test shard: an append-only log of the commands applied to it, so replicas can
 * be compared entry by entry. Commands starting with {@code reject:} fail validation on the leader;
 * commands starting with {@code conflict:} are rejected deterministically when applied. The
 * snapshot is one file holding the whole log.
 */
final class CommandLogShard implements ReplicatedShard {
    static final String REJECT = "reject:";
    static final String CONFLICT = "conflict:";
    private static final String SNAPSHOT_FILE = "commands.log";

    private final List<String> commands = new ArrayList<>();
    private final AtomicInteger repeatedApplies = new AtomicInteger();
    private long lastIndex;

    @Override
    public void validate(byte[] command) {
        String text = new String(command, StandardCharsets.UTF_8);
        if (text.startsWith(REJECT)) {
            throw new ValidationException(text.substring(REJECT.length()));
        }
    }

    @Override
    public synchronized byte[] apply(long index, byte[] command) {
        if (index <= lastIndex) {
            repeatedApplies.incrementAndGet(); // a no-op, as the ReplicatedShard contract asks
            return ByteBuffer.allocate(Long.BYTES).putLong(commands.size()).array();
        }
        lastIndex = index;
        String text = new String(command, StandardCharsets.UTF_8);
        if (text.startsWith(CONFLICT)) {
            throw new ConflictException(text.substring(CONFLICT.length()));
        }
        commands.add(text);
        return ByteBuffer.allocate(Long.BYTES).putLong(commands.size()).array();
    }

    /** Answers the number of commands applied so far. */
    @Override
    public synchronized byte[] query(byte[] request) {
        return ByteBuffer.allocate(Long.BYTES).putLong(commands.size()).array();
    }

    @Override
    public synchronized void snapshot(long index, Path directory) throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(directory.resolve(SNAPSHOT_FILE)))) {
            out.writeLong(lastIndex);
            out.writeInt(commands.size());
            for (String command : commands) {
                out.writeUTF(command);
            }
        }
    }

    @Override
    public synchronized void installSnapshot(Path directory) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(directory.resolve(SNAPSHOT_FILE)))) {
            long index = in.readLong();
            int count = in.readInt();
            List<String> loaded = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                loaded.add(in.readUTF());
            }
            commands.clear();
            commands.addAll(loaded);
            lastIndex = index;
        }
    }

    synchronized List<String> contents() {
        return List.copyOf(commands);
    }

    int repeatedApplies() {
        return repeatedApplies.get();
    }

    @Override
    public void close() {}

    static long decodeCount(byte[] result) {
        return ByteBuffer.wrap(result).getLong();
    }
}
