package io.strata.core.time;

import java.util.Objects;

/**
 * The ingestion window's verdict for one record.
 *
 * @param target where the record goes
 * @param reason Timestream's rejection reason when {@code target} is {@link StoreTarget#REJECTED},
 *     otherwise empty
 */
public record IngestionDecision(StoreTarget target, String reason) {
    private static final IngestionDecision MEMORY = new IngestionDecision(StoreTarget.MEMORY, "");
    private static final IngestionDecision MAGNETIC = new IngestionDecision(StoreTarget.MAGNETIC, "");

    public IngestionDecision {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(reason, "reason");
        if ((target == StoreTarget.REJECTED) == reason.isEmpty()) {
            throw new IllegalArgumentException("a reason is given exactly when the record is rejected");
        }
    }

    public static IngestionDecision memory() {
        return MEMORY;
    }

    public static IngestionDecision magnetic() {
        return MAGNETIC;
    }

    public static IngestionDecision rejected(String reason) {
        return new IngestionDecision(StoreTarget.REJECTED, reason);
    }

    public boolean accepted() {
        return target != StoreTarget.REJECTED;
    }
}
