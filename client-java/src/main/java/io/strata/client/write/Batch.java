package io.strata.client.write;

import io.strata.api.v1.Record;
import io.strata.api.v1.WriteRecordsRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * The records of one future WriteRecords request and their futures. Filled under the writer's
 * lock; once sealed it is only read, by the one thread that sends it and handles its outcome.
 */
final class Batch {
    final TableId table;
    final List<Record> records;
    final List<CompletableFuture<WriteResult>> futures;
    /** Completes once every record's future is complete; what {@code flush()} waits for. */
    final CompletableFuture<Void> done = new CompletableFuture<>();
    ScheduledFuture<?> lingerTimer;
    /** The number of the WriteRecords attempt running now (1, 2, ...). */
    volatile int attempts;

    Batch(TableId table, int capacity) {
        this.table = table;
        this.records = new ArrayList<>(capacity);
        this.futures = new ArrayList<>(capacity);
    }

    void add(Record record, CompletableFuture<WriteResult> future) {
        records.add(record);
        futures.add(future);
    }

    int size() {
        return records.size();
    }

    WriteRecordsRequest toRequest() {
        return WriteRecordsRequest.newBuilder()
                .setDatabaseName(table.databaseName())
                .setTableName(table.tableName())
                .addAllRecords(records)
                .build();
    }
}
