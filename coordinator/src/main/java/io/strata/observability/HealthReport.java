package io.strata.observability;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One answer of a health check: healthy or not, and why not.
 *
 * @param healthy true when nothing is failing
 * @param reasons failing check name → what is wrong, sorted by check; empty exactly when healthy
 */
public record HealthReport(boolean healthy, SortedMap<String, String> reasons) {
    public HealthReport {
        reasons = Collections.unmodifiableSortedMap(new TreeMap<>(reasons));
        if (healthy != reasons.isEmpty()) {
            throw new IllegalArgumentException("a report is healthy exactly when it has no failing reasons");
        }
    }

    /** {@code UP} or {@code DOWN}, the status word in the JSON body. */
    public String status() {
        return healthy ? "UP" : "DOWN";
    }
}
