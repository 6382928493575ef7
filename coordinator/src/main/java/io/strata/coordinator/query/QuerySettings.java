package io.strata.coordinator.query;

import io.strata.query.execution.QueryLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * How a node runs queries.
 *
 * @param limits each query's execution timeout and memory budget (coordinator and each shard
 *     fragment separately)
 * @param pageWait how long one Query call waits for a running query before answering a page with
 *     no rows and a NextToken (Timestream's API call times out after 60 s)
 * @param resultRetention how long a finished query's result stays pageable (Timestream: 1 hour)
 * @param fragmentRetryBudget how long a shard fragment keeps trying other replicas of its group
 * @param maximumPageBytes the most serialized row bytes in one page (Timestream: 1 MB)
 */
public record QuerySettings(QueryLimits limits, Duration pageWait, Duration resultRetention, Duration fragmentRetryBudget,
                            int maximumPageBytes) {
    public static final int DEFAULT_MAXIMUM_PAGE_BYTES = 1024 * 1024;

    public QuerySettings {
        Objects.requireNonNull(limits, "limits");
        positive(pageWait, "pageWait");
        positive(resultRetention, "resultRetention");
        positive(fragmentRetryBudget, "fragmentRetryBudget");
        if (maximumPageBytes <= 0) {
            throw new IllegalArgumentException("maximumPageBytes must be positive, was " + maximumPageBytes);
        }
    }

    public static QuerySettings defaults() {
        return new QuerySettings(QueryLimits.DEFAULT, Duration.ofSeconds(20), Duration.ofHours(1), Duration.ofSeconds(30),
                DEFAULT_MAXIMUM_PAGE_BYTES);
    }

    public QuerySettings withLimits(QueryLimits newLimits) {
        return new QuerySettings(newLimits, pageWait, resultRetention, fragmentRetryBudget, maximumPageBytes);
    }

    public QuerySettings withResultRetention(Duration retention) {
        return new QuerySettings(limits, pageWait, retention, fragmentRetryBudget, maximumPageBytes);
    }

    private static void positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }
}
