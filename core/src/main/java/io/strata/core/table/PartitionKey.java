package io.strata.core.table;

import io.strata.core.error.ValidationException;
import io.strata.core.model.ConstraintViolations;
import io.strata.core.model.Dimension;
import io.strata.core.model.ReservedNames;
import java.util.Objects;
import java.util.Optional;

/**
 * One partition key: {@code MEASURE} (partition by measure name; no name) or {@code DIMENSION}
 * with a dimension name and an enforcement level.
 *
 * <p>[U] Timestream does not document the enforcement used when none is given; Strata uses
 * {@link PartitionKeyEnforcement#OPTIONAL}, the choice that never rejects records the user did not
 * ask to reject. A MEASURE key carries OPTIONAL: every record has a measure name anyway.
 */
public record PartitionKey(PartitionKeyType type, Optional<String> name, PartitionKeyEnforcement enforcementInRecord) {
    private static final PartitionKey MEASURE = new PartitionKey(PartitionKeyType.MEASURE, Optional.empty(),
            PartitionKeyEnforcement.OPTIONAL);

    public PartitionKey {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(enforcementInRecord, "enforcementInRecord");
        switch (type) {
            case MEASURE -> {
                if (name.isPresent()) {
                    throw new ValidationException("A partition key of type MEASURE cannot have a name; "
                            + "the measure name partitions the table.");
                }
            }
            case DIMENSION -> {
                ConstraintViolations violations = new ConstraintViolations();
                String path = "schema.compositePartitionKey.1.member.name";
                if (violations.requirePresent(name.orElse(null), path)) {
                    violations.byteLength(name.get(), path, 1, Dimension.MAXIMUM_NAME_BYTES);
                }
                violations.throwIfAny();
                if (ReservedNames.isReserved(name.get())) {
                    throw new ValidationException(ReservedNames.reason("Dimension", name.get()));
                }
            }
        }
    }

    /** The default key: partition by measure name. */
    public static PartitionKey measure() {
        return MEASURE;
    }

    public static PartitionKey dimension(String name, PartitionKeyEnforcement enforcement) {
        return new PartitionKey(PartitionKeyType.DIMENSION, Optional.of(name), enforcement);
    }

    /** The dimension every record must carry, if this key requires one. */
    public Optional<String> requiredDimension() {
        return type == PartitionKeyType.DIMENSION && enforcementInRecord == PartitionKeyEnforcement.REQUIRED
                ? name
                : Optional.empty();
    }
}
