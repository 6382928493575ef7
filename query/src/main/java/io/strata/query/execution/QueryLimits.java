package io.strata.query.execution;

import java.time.Duration;
import java.util.Objects;

/** How long a query may run and how many bytes its hash tables and sort buffers may hold. */
public record QueryLimits(Duration timeout, long memoryBytes) {
    /** Timestream's maximum query duration, and a budget that fits the default 1 GB heap. */
    public static final QueryLimits DEFAULT = new QueryLimits(Duration.ofHours(1), 256L * 1024 * 1024);

    public QueryLimits {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (memoryBytes <= 0) {
            throw new IllegalArgumentException("memoryBytes must be positive: " + memoryBytes);
        }
    }
}
