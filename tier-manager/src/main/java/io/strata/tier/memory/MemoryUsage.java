package io.strata.tier.memory;

/**
 * What the memory store holds, as reported to operators and checked against its limit.
 *
 * <p>{@code bytes} is an estimate computed from the logical content only (16 bytes of time and
 * version per row, 8 per numeric or boolean cell, the UTF-8 length of each string cell, the series
 * keys plus a fixed overhead per series). It deliberately ignores array capacities and dictionary
 * history, so every replica holding the same rows reports the same number and refuses the same
 * writes, whether it got there by applying commands or by installing a snapshot.
 */
public record MemoryUsage(long bytes, long rows, long series) {
    public MemoryUsage {
        if (bytes < 0 || rows < 0 || series < 0) {
            throw new IllegalArgumentException("usage cannot be negative: " + bytes + "/" + rows + "/" + series);
        }
    }
}
