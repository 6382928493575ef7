package io.strata.tier.shard;

import io.strata.tier.magnetic.MagneticUsage;
import io.strata.tier.memory.MemoryStore;
import io.strata.tier.memory.MemoryUsage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What one shard replica holds, for operators: memory-store rows and bytes, magnetic segments and
 * bytes, and per table the oldest memory-store row and the memory retention, from which the
 * migration lag follows.
 *
 * <p>Threading: the shard's apply thread publishes after each command (reading counters the stores
 * keep, never scanning rows); any thread reads, without locks, values at most one command old.
 * The lag is computed by the reader for the time it gives: apply never reads a clock.
 */
public final class ShardStatistics {
    private static final long NANOS_PER_HOUR = TimeUnit.HOURS.toNanos(1);

    private volatile long memoryRows;
    private volatile long memoryBytes;
    private volatile long magneticSegments;
    private volatile long magneticBytes;
    private final Map<String, TableAge> tables = new ConcurrentHashMap<>();

    public long memoryRows() {
        return memoryRows;
    }

    public long memoryBytes() {
        return memoryBytes;
    }

    public long magneticSegments() {
        return magneticSegments;
    }

    public long magneticBytes() {
        return magneticBytes;
    }

    /**
     * How far migration is behind at {@code nowNanos}: over the tables, the largest age of the oldest
     * memory-store row beyond the table's memory retention; 0 when every row is within retention.
     * A table whose retention this replica has not seen in a write since it opened (rows that came
     * only from a snapshot or an older journal) counts as up to date.
     */
    public long migrationLagNanos(long nowNanos) {
        long lag = 0;
        for (TableAge table : tables.values()) {
            if (table.oldestRowNanos() == Long.MAX_VALUE || table.retentionNanos() <= 0) {
                continue;
            }
            long boundary = saturatedSubtract(nowNanos, table.retentionNanos());
            if (boundary > table.oldestRowNanos()) {
                lag = Math.max(lag, saturatedSubtract(boundary, table.oldestRowNanos()));
            }
        }
        return lag;
    }

    /** After a command: the totals, and the oldest row of {@code tableId} (null: no table changed). */
    void publish(MemoryStore memory, MagneticUsage magnetic, String tableId, long retentionHours) {
        MemoryUsage usage = memory.usage();
        memoryRows = usage.rows();
        memoryBytes = usage.bytes();
        magneticSegments = magnetic.segments();
        magneticBytes = magnetic.bytes();
        if (tableId != null) {
            table(tableId, memory.oldestTimeNanos(tableId), retentionHours);
        }
    }

    /** After a snapshot replaced the memory store: every table's oldest row again. */
    void publishAll(MemoryStore memory, MagneticUsage magnetic) {
        publish(memory, magnetic, null, 0);
        tables.replaceAll((tableId, age) -> new TableAge(memory.oldestTimeNanos(tableId), age.retentionNanos()));
        for (String tableId : memory.tableIds()) {
            table(tableId, memory.oldestTimeNanos(tableId), 0);
        }
    }

    private void table(String tableId, long oldestRowNanos, long retentionHours) {
        TableAge known = tables.get(tableId);
        long retention = retentionHours > 0 ? retentionHours * NANOS_PER_HOUR
                : known == null ? 0 : known.retentionNanos();
        if (known == null || known.oldestRowNanos() != oldestRowNanos || known.retentionNanos() != retention) {
            tables.put(tableId, new TableAge(oldestRowNanos, retention));
        }
    }

    private static long saturatedSubtract(long left, long right) {
        long difference = left - right;
        return ((left ^ right) & (left ^ difference)) < 0 ? (left < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : difference;
    }

    /** @param retentionNanos 0 when not known yet */
    private record TableAge(long oldestRowNanos, long retentionNanos) {}
}
