package io.strata.coordinator.write;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import io.strata.core.error.InternalServerException;
import io.strata.internal.v1.ShardCommand;
import io.strata.internal.v1.WriteBatch;
import io.strata.internal.v1.WriteBatchResult;
import io.strata.placement.GroupId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Combines concurrent writes bound for the same Raft group and table into one {@link WriteBatch}
 * entry (group commit at the coordinator): see {@link WriteBatchingSettings} for when a write waits
 * and how big an entry grows.
 *
 * <p><b>Per-write semantics are unchanged.</b> A write's records stay together and in request order
 * inside the entry; the shard answers one outcome per record in entry order, so each write gets
 * exactly the outcomes of its own records ({@link RecordOutcomes}), with their own request indexes.
 * The entry carries the latest ingest time of its writes (the moment the last of them was
 * accepted). Retrying a write is idempotent as before: the shard accepts an identical point again.
 *
 * <p><b>Acknowledgement.</b> A write's future completes only when the entry that carries it has
 * been committed by a majority and applied (the sender's future completed). If the entry fails,
 * every write in it fails with the same error; none is acknowledged.
 *
 * <p><b>Threading and ordering.</b> Thread-safe and non-blocking (apart from the sender's own
 * backpressure). Writes for one group and table enter entries in the order {@link #write} was
 * called and entries are handed to the sender in that order. Futures complete on the sender's
 * completion thread: callers must not block in their callbacks.
 */
public final class GroupWriteBatcher {
    private final WriteBatchingSettings settings;
    private final ConcurrentHashMap<LaneKey, Lane> lanes = new ConcurrentHashMap<>();

    public GroupWriteBatcher(WriteBatchingSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Sends {@code records} to {@code group} in an entry shared with other writes of the same table.
     *
     * @param sender replicates one serialized {@link ShardCommand} and answers the shard's reply
     *     (a serialized {@link WriteBatchResult}) once committed and applied
     * @param header the table's {@link WriteBatch} fields without ingest time and records
     * @param ingestTimeNanos when the coordinator accepted this write
     */
    public CompletableFuture<RecordOutcomes> write(Function<byte[], CompletableFuture<byte[]>> sender, GroupId group,
                                                   WriteBatch header, long ingestTimeNanos, EncodedRecords records) {
        Objects.requireNonNull(sender, "sender");
        Member member = new Member(sender, ingestTimeNanos, records, new CompletableFuture<>());
        LaneKey key = new LaneKey(group, header);
        while (true) {
            Lane lane = lanes.computeIfAbsent(key, Lane::new);
            if (lane.enqueue(member)) {
                lane.drain();
                return member.result();
            }
            // The lane went idle and was retired between lookup and enqueue: take a fresh one.
            lanes.remove(key, lane);
        }
    }

    /** Lanes currently kept (for tests: idle lanes are dropped). */
    int lanes() {
        return lanes.size();
    }

    private record LaneKey(GroupId group, WriteBatch header) {
        LaneKey {
            Objects.requireNonNull(group, "group");
            if (header.getRecordsCount() != 0 || header.getIngestTimeNanos() != 0) {
                throw new IllegalArgumentException("the header carries neither records nor an ingest time");
            }
        }
    }

    private record Member(Function<byte[], CompletableFuture<byte[]>> sender, long ingestTimeNanos,
                          EncodedRecords records, CompletableFuture<RecordOutcomes> result) {}

    /** The writes waiting for, and the entries in flight to, one group for one table. */
    private final class Lane {
        private final LaneKey key;
        private final ArrayDeque<Member> waiting = new ArrayDeque<>();
        private int inFlight;
        private boolean retired;

        Lane(LaneKey key) {
            this.key = key;
        }

        synchronized boolean enqueue(Member member) {
            if (retired) {
                return false;
            }
            waiting.add(member);
            return true;
        }

        /** Sends entries while slots are free; called after an enqueue and after an entry completes. */
        void drain() {
            while (true) {
                List<Member> entry;
                synchronized (this) {
                    if (waiting.isEmpty() || inFlight >= settings.maxEntriesInFlight()) {
                        if (waiting.isEmpty() && inFlight == 0) {
                            retired = true;
                            lanes.remove(key, this);
                        }
                        return;
                    }
                    entry = takeEntry();
                    inFlight++;
                }
                send(entry);
            }
        }

        private List<Member> takeEntry() {
            List<Member> entry = new ArrayList<>();
            Member first = waiting.poll();
            entry.add(first);
            long records = first.records().count();
            long bytes = first.records().bytes().size();
            for (Member next = waiting.peek(); next != null; next = waiting.peek()) {
                if (records + next.records().count() > settings.maxRecordsPerEntry()
                        || bytes + next.records().bytes().size() > settings.maxBytesPerEntry()) {
                    break;
                }
                entry.add(waiting.poll());
                records += next.records().count();
                bytes += next.records().bytes().size();
            }
            return entry;
        }

        private void send(List<Member> entry) {
            CompletableFuture<byte[]> sent;
            try {
                sent = entry.getFirst().sender().apply(encode(key.header(), entry));
            } catch (RuntimeException failure) {
                sent = CompletableFuture.failedFuture(failure);
            }
            sent.whenComplete((reply, failure) -> {
                synchronized (this) {
                    inFlight--;
                }
                try {
                    complete(entry, reply, failure);
                } finally {
                    drain();
                }
            });
        }
    }

    private static void complete(List<Member> entry, byte[] reply, Throwable failure) {
        if (failure != null) {
            entry.forEach(member -> member.result().completeExceptionally(failure));
            return;
        }
        WriteBatchResult result;
        try {
            result = WriteBatchResult.parseFrom(reply);
        } catch (InvalidProtocolBufferException e) {
            InternalServerException unreadable = new InternalServerException("Unreadable write result from a shard", e);
            entry.forEach(member -> member.result().completeExceptionally(unreadable));
            return;
        }
        int expected = 0;
        for (Member member : entry) {
            expected += member.records().count();
        }
        if (result.getOutcomesCount() != expected) {
            InternalServerException mismatch = new InternalServerException("A shard answered "
                    + result.getOutcomesCount() + " outcomes for a write entry of " + expected + " records");
            entry.forEach(member -> member.result().completeExceptionally(mismatch));
            return;
        }
        int from = 0;
        for (Member member : entry) {
            member.result().complete(new RecordOutcomes(result, from, member.records().count()));
            from += member.records().count();
        }
    }

    /**
     * The {@link ShardCommand} of one entry, written field by field: the header (with the latest
     * ingest time of the entry's writes) followed by every write's already encoded records, which
     * protobuf reads as one repeated {@code records} field.
     */
    static byte[] encode(WriteBatch header, List<Member> entry) {
        long ingestTime = Long.MIN_VALUE;
        int recordBytes = 0;
        for (Member member : entry) {
            ingestTime = Math.max(ingestTime, member.ingestTimeNanos());
            recordBytes += member.records().bytes().size();
        }
        WriteBatch stamped = header.toBuilder().setIngestTimeNanos(ingestTime).build();
        int batchBytes = stamped.getSerializedSize() + recordBytes;
        byte[] command = new byte[CodedOutputStream.computeTagSize(ShardCommand.WRITE_BATCH_FIELD_NUMBER)
                + CodedOutputStream.computeUInt32SizeNoTag(batchBytes) + batchBytes];
        CodedOutputStream output = CodedOutputStream.newInstance(command);
        try {
            output.writeTag(ShardCommand.WRITE_BATCH_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            output.writeUInt32NoTag(batchBytes);
            stamped.writeTo(output);
            for (Member member : entry) {
                output.writeRawBytes(member.records().bytes());
            }
            output.checkNoSpaceLeft();
        } catch (IOException inMemory) {
            throw new UncheckedIOException(inMemory);
        }
        return command;
    }
}
