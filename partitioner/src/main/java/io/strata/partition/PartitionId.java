package io.strata.partition;

import java.util.Objects;

/**
 * One partition of one table: rows whose time falls in slot {@code timeSlot} (slot index, i.e.
 * {@code floorDiv(timeNanos, slotWidthNanos)}) and whose partition key hashes to {@code bucket}.
 */
public record PartitionId(String database, String table, long timeSlot, int bucket) {
    public PartitionId {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(table, "table");
        if (bucket < 0) {
            throw new IllegalArgumentException("bucket must be >= 0, got " + bucket);
        }
    }
}
