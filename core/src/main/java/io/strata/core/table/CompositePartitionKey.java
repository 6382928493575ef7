package io.strata.core.table;

import io.strata.core.error.ValidationException;
import io.strata.core.model.ConstraintViolation;
import io.strata.core.model.ConstraintViolations;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table's partitioning scheme (Timestream's {@code Schema.CompositePartitionKey}). Defaults to
 * {@code [{MEASURE}]}.
 *
 * <p>[U] The API model allows a list, but Timestream documents choosing <em>one</em> dimension;
 * Strata accepts exactly one key. Name, type and order are fixed at creation; only the enforcement
 * level may change ({@link #checkUpdate}).
 */
public record CompositePartitionKey(List<PartitionKey> keys) {
    public static final CompositePartitionKey DEFAULT = new CompositePartitionKey(List.of(PartitionKey.measure()));

    public CompositePartitionKey {
        Objects.requireNonNull(keys, "keys");
        if (keys.isEmpty()) {
            throw ConstraintViolations.toException(
                    ConstraintViolation.minLength(keys, "schema.compositePartitionKey", 1));
        }
        if (keys.size() > 1) {
            throw new ValidationException("A composite partition key can contain only one partition key; "
                    + keys.size() + " were given.");
        }
        keys = List.copyOf(keys);
    }

    public static CompositePartitionKey of(PartitionKey key) {
        return new CompositePartitionKey(List.of(key));
    }

    public PartitionKey key() {
        return keys.getFirst();
    }

    /** The dimension every record must carry, if the key is a REQUIRED dimension. */
    public Optional<String> requiredDimension() {
        return key().requiredDimension();
    }

    /**
     * Checks that {@code updated} only changes enforcement levels, as UpdateTable allows.
     *
     * @throws ValidationException naming what may not change
     */
    public void checkUpdate(CompositePartitionKey updated) {
        boolean sameShape = keys.size() == updated.keys.size();
        for (int i = 0; sameShape && i < keys.size(); i++) {
            sameShape = keys.get(i).type() == updated.keys.get(i).type()
                    && keys.get(i).name().equals(updated.keys.get(i).name());
        }
        if (!sameShape) {
            throw new ValidationException("The name, type and order of a table's partition keys cannot be changed; "
                    + "only EnforcementInRecord can be updated.");
        }
    }
}
