package io.strata.raft.shard;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.strata.core.error.InternalServerException;
import io.strata.core.error.ValidationException;
import io.strata.core.time.IngestionDecision;
import io.strata.core.time.IngestionWindow;
import io.strata.internal.v1.RecordOutcome;
import io.strata.internal.v1.Rejection;
import io.strata.internal.v1.ShardCommand;
import io.strata.internal.v1.StoreTier;
import io.strata.internal.v1.StoredRecord;
import io.strata.internal.v1.TableWriteSettings;
import io.strata.internal.v1.WriteBatch;
import io.strata.internal.v1.WriteBatchResult;
import io.strata.raft.statemachine.ReplicatedShard;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * <b>Interim</b> storage of one shard replica until {@code io.strata.tier.shard.ShardStore} (branch
 * {@code memory}) lands: decodes {@link ShardCommand}s and applies {@link WriteBatch}es to a map of
 * points with Timestream's rules (ingestion window from the command's ingest time; identical value
 * accepted again; higher version replaces; otherwise rejected with Timestream's reason and
 * {@code ExistingVersion}). Seal, Expire and Compact are accepted and change nothing yet.
 *
 * <p>Durability comes from Raft, as for any Ratis state machine: the points live in memory, every
 * committed command is in the group's log, and {@link #snapshot} writes all points to one file so
 * the log can be purged; a restart installs the snapshot and Ratis re-applies the log after it.
 * What it lacks against the real store: columnar chunks, memory bounds, tiers and the journal.
 * Replace the factory in the node wiring with the ShardStore glue once the store exists.
 *
 * <p>Threading follows {@link ReplicatedShard}: apply/snapshot/install are serial; {@link #points}
 * (for tests and diagnostics) and {@link #validate} may run concurrently, hence the lock.
 */
public final class InterimPointShard implements ReplicatedShard {
    static final String SNAPSHOT_FILE = "points.bin";

    /** Point identity → (table incarnation, database, table, record), ordered for deterministic snapshots. */
    private final TreeMap<ByteString, StoredPoint> points = new TreeMap<>(ByteString.unsignedLexicographicalComparator());
    private long lastAppliedIndex;

    /** One stored point with the names of its table, as the snapshot keeps it. */
    public record StoredPoint(String databaseName, String tableName, String tableId, StoredRecord record) {}

    @Override
    public void validate(byte[] command) {
        decode(command);
    }

    @Override
    public synchronized byte[] apply(long index, byte[] command) {
        ShardCommand decoded = decode(command);
        boolean replay = index <= lastAppliedIndex;
        lastAppliedIndex = Math.max(lastAppliedIndex, index);
        return switch (decoded.getCommandCase()) {
            case WRITE_BATCH -> apply(decoded.getWriteBatch(), replay).toByteArray();
            case SEAL, EXPIRE, COMPACT -> new byte[0];
            case COMMAND_NOT_SET -> throw new InternalServerException("Shard command without a command at index " + index);
        };
    }

    private WriteBatchResult apply(WriteBatch batch, boolean replay) {
        TableWriteSettings settings = batch.getSettings();
        IngestionWindow window = new IngestionWindow(Duration.ofHours(settings.getMemoryStoreRetentionHours()),
                Duration.ofDays(settings.getMagneticStoreRetentionDays()), settings.getEnableMagneticStoreWrites());
        WriteBatchResult.Builder result = WriteBatchResult.newBuilder();
        for (StoredRecord record : batch.getRecordsList()) {
            RecordOutcome.Builder outcome = result.addOutcomesBuilder().setRequestIndex(record.getRequestIndex());
            IngestionDecision decision = window.classify(record.getTimeNanos(), batch.getIngestTimeNanos());
            if (!decision.accepted()) {
                outcome.setRejected(Rejection.newBuilder().setReason(decision.reason()));
                continue;
            }
            StoreTier tier = switch (decision.target()) {
                case MAGNETIC -> StoreTier.STORE_TIER_MAGNETIC;
                default -> StoreTier.STORE_TIER_MEMORY;
            };
            ByteString identity = PointIdentity.of(batch.getTableId(), record);
            StoredPoint existing = points.get(identity);
            StoredRecord stored = record.toBuilder().clearRequestIndex().build();
            if (existing == null) {
                if (!replay) {
                    points.put(identity, new StoredPoint(batch.getDatabaseName(), batch.getTableName(),
                            batch.getTableId(), stored));
                }
                outcome.setStoredIn(tier);
                continue;
            }
            StoredRecord previous = existing.record();
            boolean sameValue = sameValue(previous, record);
            if (record.getVersion() > previous.getVersion()) {
                if (!replay) {
                    points.put(identity, new StoredPoint(existing.databaseName(), existing.tableName(),
                            existing.tableId(), stored));
                }
                outcome.setStoredIn(tier);
            } else if (sameValue) {
                outcome.setStoredIn(tier);
            } else if (record.getVersion() == previous.getVersion()) {
                outcome.setRejected(Rejection.newBuilder()
                        .setReason("A record already exists with the same time, dimensions, measure name, and record "
                                + "version. A higher record version must be specified in order to update the measure "
                                + "value. Specifying record version is supported by the latest SDKs.")
                        .setExistingVersion(previous.getVersion()));
            } else {
                outcome.setRejected(Rejection.newBuilder()
                        .setReason("The record version " + record.getVersion() + " is lower than the existing version "
                                + previous.getVersion() + ". A higher version is required to update the measure value.")
                        .setExistingVersion(previous.getVersion()));
            }
        }
        return result.build();
    }

    private static boolean sameValue(StoredRecord left, StoredRecord right) {
        return left.getMeasureCase() == right.getMeasureCase()
                && left.getValue().equals(right.getValue())
                && left.getMulti().equals(right.getMulti());
    }

    @Override
    public byte[] query(byte[] request) {
        throw new ValidationException("Queries are not implemented yet.");
    }

    /** Every stored point, in identity order: what a replica holds, to compare replicas. */
    public synchronized List<StoredPoint> points() {
        return List.copyOf(points.values());
    }

    @Override
    public synchronized void snapshot(long index, Path directory) throws IOException {
        Path temporary = directory.resolve(SNAPSHOT_FILE + ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            WriteBatch.newBuilder().setIngestTimeNanos(index).build().writeDelimitedTo(out);
            for (StoredPoint point : points.values()) {
                WriteBatch.newBuilder()
                        .setDatabaseName(point.databaseName())
                        .setTableName(point.tableName())
                        .setTableId(point.tableId())
                        .addRecords(point.record())
                        .build()
                        .writeDelimitedTo(out);
            }
        }
        Files.move(temporary, directory.resolve(SNAPSHOT_FILE), StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public synchronized void installSnapshot(Path directory) throws IOException {
        Map<ByteString, StoredPoint> loaded = new TreeMap<>(ByteString.unsignedLexicographicalComparator());
        long index;
        try (InputStream in = Files.newInputStream(directory.resolve(SNAPSHOT_FILE))) {
            // The first entry carries the snapshot's index (in a field no point entry uses).
            index = WriteBatch.parseDelimitedFrom(in).getIngestTimeNanos();
            WriteBatch entry;
            while ((entry = WriteBatch.parseDelimitedFrom(in)) != null) {
                StoredRecord record = entry.getRecords(0);
                loaded.put(PointIdentity.of(entry.getTableId(), record),
                        new StoredPoint(entry.getDatabaseName(), entry.getTableName(), entry.getTableId(), record));
            }
        }
        points.clear();
        points.putAll(loaded);
        lastAppliedIndex = index;
    }

    private static ShardCommand decode(byte[] command) {
        try {
            return ShardCommand.parseFrom(command);
        } catch (InvalidProtocolBufferException e) {
            throw new ValidationException("Unreadable shard command: " + e.getMessage());
        }
    }

    @Override
    public void close() {}
}
