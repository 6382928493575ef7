package io.strata.coordinator.write;

import io.strata.api.v1.RecordsIngested;
import io.strata.api.v1.WriteRecordsRequest;
import io.strata.api.v1.WriteRecordsResponse;
import io.strata.coordinator.catalog.TableCatalog;
import io.strata.coordinator.catalog.WritableTable;
import io.strata.core.error.ConflictException;
import io.strata.core.error.InternalServerException;
import io.strata.core.error.RejectedRecord;
import io.strata.core.error.RejectedRecordsException;
import io.strata.core.error.ServiceUnavailableException;
import io.strata.core.error.StrataException;
import io.strata.core.model.Dimension;
import io.strata.core.model.Record;
import io.strata.core.table.PartitionKeyType;
import io.strata.core.time.StoreTarget;
import io.strata.core.write.ValidatedRecord;
import io.strata.core.write.WriteRecordsValidator;
import io.strata.core.write.WriteValidation;
import io.strata.internal.v1.RecordOutcome;
import io.strata.internal.v1.TableEntry;
import io.strata.internal.v1.TableWriteSettings;
import io.strata.internal.v1.WriteBatch;
import io.strata.metadata.RoutingCache;
import io.strata.metadata.RoutingView;
import io.strata.partition.PartitionFunction;
import io.strata.partition.PartitionKey;
import io.strata.partition.PartitionRouter;
import io.strata.partition.PartitionSettings;
import io.strata.placement.GroupId;
import io.strata.placement.Placement;
import io.strata.raft.client.GroupClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.ObjIntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WriteRecords on any node: validate (core) → look up the ACTIVE table → partition each accepted
 * record → the records of each Raft group, with this coordinator's ingest time and the table's
 * settings, into a {@link WriteBatch} entry that {@link GroupWriteBatcher} may share with concurrent
 * writes to the same group and table → replicate through each group → merge the per-record outcomes.
 *
 * <p><b>Acknowledgement.</b> The returned future completes only after every group has committed
 * its batch (a Raft majority) and applied it. If any group cannot (no quorum within the client
 * timeout) the call fails with {@link ServiceUnavailableException}: nothing is acknowledged, though
 * the batches of other groups may be stored; a retry of the same request is idempotent.
 *
 * <p><b>Outcome.</b> All records stored → {@code RecordsIngested{total, memory, magnetic}}. Some
 * rejected (by validation or on apply) → {@link RejectedRecordsException} with their request
 * indexes; the other records are stored.
 *
 * <p>Thread-safe; non-blocking up to the catalog lookup (a cache hit in the common case). The
 * schema update after a write runs on {@code executor}, never on a Raft client thread.
 */
public final class WriteCoordinator {
    private static final Logger LOG = LoggerFactory.getLogger(WriteCoordinator.class);

    private final TableCatalog tables;
    private final RoutingCache routing;
    private final GroupClients clients;
    private final Clock clock;
    private final Executor executor;
    private final ObjIntConsumer<StoreTarget> storedRecords;
    private final WriteRecordsValidator validator = new WriteRecordsValidator();
    private final GroupWriteBatcher batcher;

    /**
     * TEST ONLY, off by default: acknowledge every Nth write request without replicating it, so the
     * chaos harness can prove that its checker reports lost writes. Never set it in production.
     */
    public static final String TEST_DROP_EVERY_NTH_WRITE = "strata.test.dropEveryNthWrite";
    private final int testDropEveryNthWrite = Integer.getInteger(TEST_DROP_EVERY_NTH_WRITE, 0);
    private final java.util.concurrent.atomic.AtomicLong testWritesSeen = new java.util.concurrent.atomic.AtomicLong();

    public WriteCoordinator(TableCatalog tables, RoutingCache routing, GroupClients clients, Clock clock,
                            Executor executor) {
        this(tables, routing, clients, clock, executor, (tier, count) -> { }, WriteBatchingSettings.defaults());
    }

    /**
     * @param storedRecords told, once per committed write (also one with rejected records), how many
     *     records went to MEMORY and to MAGNETIC (0 included); called on {@code executor}
     * @param batching how concurrent writes to one group are combined into one Raft entry
     */
    public WriteCoordinator(TableCatalog tables, RoutingCache routing, GroupClients clients, Clock clock,
                            Executor executor, ObjIntConsumer<StoreTarget> storedRecords,
                            WriteBatchingSettings batching) {
        this.batcher = new GroupWriteBatcher(batching);
        this.storedRecords = Objects.requireNonNull(storedRecords, "storedRecords");
        this.tables = Objects.requireNonNull(tables, "tables");
        this.routing = Objects.requireNonNull(routing, "routing");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    public CompletableFuture<WriteRecordsResponse> write(WriteRecordsRequest request) {
        try {
            return start(request);
        } catch (StrataException rejected) {
            return CompletableFuture.failedFuture(rejected);
        }
    }

    private CompletableFuture<WriteRecordsResponse> start(WriteRecordsRequest request) {
        var input = WriteRequests.toInput(request);
        validator.checkRequest(input);
        RoutingView view = routing.routableView();
        Placement placement = view.placementIfAny().orElseThrow(() -> new ServiceUnavailableException(
                "The cluster has no placement yet (fewer than three zones have joined); retry shortly."));
        WritableTable table = tables.writable(request.getDatabaseName(), request.getTableName());
        WriteValidation validation = validator.validate(input, table.definition(), table.schema());

        PartitionFunction partitions = new PartitionFunction(request.getDatabaseName(), request.getTableName(),
                PartitionSettings.defaultsWithKey(partitionKey(table)));
        PartitionRouter router = PartitionRouter.of(placement);
        long ingestTimeNanos = Math.multiplyExact(clock.millis(), 1_000_000L);
        Map<GroupId, EncodedRecords.Builder> byGroup = new TreeMap<>();
        for (ValidatedRecord accepted : validation.accepted()) {
            Record record = accepted.record();
            SortedMap<String, String> dimensions = new TreeMap<>();
            for (Dimension dimension : record.dimensions()) {
                dimensions.put(dimension.name(), dimension.value());
            }
            GroupId group = router.groupOf(partitions.partitionOf(record.time(), record.measureName().value(), dimensions));
            byGroup.computeIfAbsent(group, ignored -> new EncodedRecords.Builder())
                    .add(StoredRecords.of(accepted.recordIndex(), record));
        }

        if (testDropEveryNthWrite > 0 && testWritesSeen.incrementAndGet() % testDropEveryNthWrite == 0) {
            int total = validation.accepted().size();
            return CompletableFuture.completedFuture(WriteRecordsResponse.newBuilder()
                    .setRecordsIngested(RecordsIngested.newBuilder().setTotal(total).setMemoryStore(total)).build());
        }
        WriteBatch header = header(table.entry());
        List<CompletableFuture<RecordOutcomes>> sent = new ArrayList<>(byGroup.size());
        for (Map.Entry<GroupId, EncodedRecords.Builder> records : byGroup.entrySet()) {
            GroupClient client = clients.clientFor(view, records.getKey());
            sent.add(batcher.write(client::submit, records.getKey(), header, ingestTimeNanos,
                    records.getValue().build()));
        }
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                .handleAsync((ignored, failure) -> {
                    if (failure != null) {
                        throw new CompletionException(firstFailure(sent));
                    }
                    growSchema(table, validation);
                    return merge(validation, sent);
                }, executor);
    }

    private static PartitionKey partitionKey(WritableTable table) {
        io.strata.core.table.PartitionKey key = table.definition().partitionKey().key();
        // A MEASURE-partitioned table spreads by series: hashing only measure_name would put a whole
        // fleet's "cpu" rows on one bucket (see PartitionKey.Kind.SERIES).
        return key.type() == PartitionKeyType.DIMENSION
                ? PartitionKey.dimension(key.name().orElseThrow())
                : PartitionKey.series();
    }

    /** The table's fields of a {@link WriteBatch}; the batcher adds the ingest time and the records. */
    private static WriteBatch header(TableEntry table) {
        TableWriteSettings.Builder settings = TableWriteSettings.newBuilder()
                .setMemoryStoreRetentionHours(table.getMemoryStoreRetentionHours())
                .setMagneticStoreRetentionDays(table.getMagneticStoreRetentionDays())
                .setEnableMagneticStoreWrites(table.getMagneticStoreWriteProperties().getEnableMagneticStoreWrites());
        if (table.getMagneticStoreWriteProperties().hasMagneticStoreRejectedDataLocation()) {
            settings.setRejectedDataLocation(table.getMagneticStoreWriteProperties().getMagneticStoreRejectedDataLocation());
        }
        return WriteBatch.newBuilder()
                .setDatabaseName(table.getDatabaseName())
                .setTableName(table.getTableName())
                .setTableId(table.getTableId())
                .setSettings(settings)
                .build();
    }

    /** The error to answer: unavailability first (it tells the client to retry), else the first one. */
    private static Throwable firstFailure(List<CompletableFuture<RecordOutcomes>> sent) {
        Throwable first = null;
        for (CompletableFuture<RecordOutcomes> future : sent) {
            if (future.isCompletedExceptionally()) {
                Throwable cause = future.exceptionNow();
                while (cause instanceof CompletionException && cause.getCause() != null) {
                    cause = cause.getCause();
                }
                if (cause instanceof ServiceUnavailableException) {
                    return cause;
                }
                if (first == null) {
                    first = cause;
                }
            }
        }
        return first == null ? new InternalServerException("A write failed without a reason") : first;
    }

    private void growSchema(WritableTable table, WriteValidation validation) {
        if (validation.schema().equals(table.schema())) {
            return;
        }
        try {
            tables.mergeSchema(table.entry().getDatabaseName(), table.entry().getTableName(),
                    table.entry().getTableId(), validation.schema());
        } catch (ConflictException concurrentTypes) {
            LOG.warn("Schema of {}.{} not extended: {}", table.entry().getDatabaseName(),
                    table.entry().getTableName(), concurrentTypes.getMessage());
        } catch (StrataException unavailable) {
            LOG.warn("Schema of {}.{} not extended now, the next write retries: {}",
                    table.entry().getDatabaseName(), table.entry().getTableName(), unavailable.getMessage());
        }
    }

    private WriteRecordsResponse merge(WriteValidation validation,
                                              List<CompletableFuture<RecordOutcomes>> sent) {
        int memory = 0;
        int magnetic = 0;
        List<RejectedRecord> rejected = new ArrayList<>(validation.rejected());
        for (CompletableFuture<RecordOutcomes> future : sent) {
            RecordOutcomes outcomes = future.join();
            for (int i = 0; i < outcomes.count(); i++) {
                RecordOutcome outcome = outcomes.get(i);
                switch (outcome.getOutcomeCase()) {
                    case STORED_IN -> {
                        switch (outcome.getStoredIn()) {
                            case STORE_TIER_MAGNETIC -> magnetic++;
                            default -> memory++;
                        }
                    }
                    case REJECTED -> rejected.add(outcome.getRejected().hasExistingVersion()
                            ? RejectedRecord.withExistingVersion(outcome.getRequestIndex(),
                                    outcome.getRejected().getReason(), outcome.getRejected().getExistingVersion())
                            : RejectedRecord.of(outcome.getRequestIndex(), outcome.getRejected().getReason()));
                    case OUTCOME_NOT_SET -> throw new InternalServerException(
                            "A shard answered no outcome for record " + outcome.getRequestIndex());
                }
            }
        }
        storedRecords.accept(StoreTarget.MEMORY, memory);
        storedRecords.accept(StoreTarget.MAGNETIC, magnetic);
        if (!rejected.isEmpty()) {
            throw new RejectedRecordsException(rejected);
        }
        return WriteRecordsResponse.newBuilder()
                .setRecordsIngested(RecordsIngested.newBuilder()
                        .setTotal(memory + magnetic)
                        .setMemoryStore(memory)
                        .setMagneticStore(magnetic))
                .build();
    }
}
