package io.strata.tier.shard;

import io.strata.internal.v1.StoredRecord;
import io.strata.internal.v1.WriteBatch;
import io.strata.tier.memory.MemoryStore;
import io.strata.tier.memory.TableReference;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;

/**
 * The memory store's rows in a snapshot: length-delimited {@link WriteBatch} messages (one table
 * each, at most {@value #RECORDS_PER_BATCH} records), the format the Raft log already uses, so
 * loading an image is writing its records into an empty store. Rows are written with their
 * versions, one per point, so the loaded store holds exactly the same points.
 */
final class MemoryImage {
    private static final int RECORDS_PER_BATCH = 1024;

    private MemoryImage() {
    }

    static void write(MemoryStore memory, Path file) throws IOException {
        try (OutputStream output = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            BatchWriter writer = new BatchWriter(output);
            try {
                memory.forEachRecord(writer);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.flush();
        }
    }

    /** Hands every record of the image to {@code sink}, in image order. */
    static void read(Path file, BiConsumer<TableReference, StoredRecord> sink) throws IOException {
        try (InputStream input = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            WriteBatch batch;
            while ((batch = WriteBatch.parseDelimitedFrom(input)) != null) {
                TableReference table = new TableReference(batch.getDatabaseName(), batch.getTableName(),
                        batch.getTableId());
                for (int i = 0; i < batch.getRecordsCount(); i++) {
                    sink.accept(table, batch.getRecords(i));
                }
            }
        }
    }

    private static final class BatchWriter implements BiConsumer<TableReference, StoredRecord> {
        private final OutputStream output;
        private final WriteBatch.Builder batch = WriteBatch.newBuilder();
        private TableReference table;

        BatchWriter(OutputStream output) {
            this.output = output;
        }

        @Override
        public void accept(TableReference recordTable, StoredRecord record) {
            if (!recordTable.equals(table) || batch.getRecordsCount() == RECORDS_PER_BATCH) {
                flush();
                table = recordTable;
            }
            batch.addRecords(record);
        }

        void flush() {
            if (batch.getRecordsCount() == 0) {
                return;
            }
            try {
                batch.setDatabaseName(table.databaseName()).setTableName(table.tableName()).setTableId(table.tableId())
                        .build().writeDelimitedTo(output);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            batch.clear();
        }
    }
}
