package io.strata.core.table;

import io.strata.core.model.ConstraintViolations;
import java.time.Duration;

/**
 * How long a table keeps records in each store: memory 1–8766 hours (default 6), magnetic
 * 1–73000 days (default 73000, i.e. 200 years). Age is measured from the record's time.
 */
public record RetentionProperties(long memoryStoreRetentionPeriodInHours, long magneticStoreRetentionPeriodInDays) {
    public static final long MAXIMUM_MEMORY_HOURS = 8766;
    public static final long MAXIMUM_MAGNETIC_DAYS = 73000;
    public static final RetentionProperties DEFAULT = new RetentionProperties(6, MAXIMUM_MAGNETIC_DAYS);

    public RetentionProperties {
        ConstraintViolations violations = new ConstraintViolations();
        violations.range(memoryStoreRetentionPeriodInHours,
                "retentionProperties.memoryStoreRetentionPeriodInHours", 1, MAXIMUM_MEMORY_HOURS);
        violations.range(magneticStoreRetentionPeriodInDays,
                "retentionProperties.magneticStoreRetentionPeriodInDays", 1, MAXIMUM_MAGNETIC_DAYS);
        violations.throwIfAny();
    }

    public Duration memoryRetention() {
        return Duration.ofHours(memoryStoreRetentionPeriodInHours);
    }

    public Duration magneticRetention() {
        return Duration.ofDays(magneticStoreRetentionPeriodInDays);
    }
}
