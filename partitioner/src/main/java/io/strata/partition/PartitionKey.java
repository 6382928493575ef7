package io.strata.partition;

import java.util.Objects;

/**
 * What a table hashes to pick a bucket: the value of its partition-key dimension, its
 * {@code measure_name}, or (when the table has no composite partition key) the whole series
 * identity.
 *
 * <p>{@link Kind#SERIES} is Strata's default for tables created without a schema: Timestream
 * describes such tables as partitioned by {@code MEASURE}, but hashing only the measure name would
 * put every {@code cpu} row of a fleet on one bucket, so Strata spreads by series and gives up
 * key pruning for those tables. The typed catalog chooses the kind; this type only hashes.
 *
 * @param kind          which value is hashed
 * @param dimensionName the dimension for {@link Kind#DIMENSION}, {@code null} otherwise
 */
public record PartitionKey(Kind kind, String dimensionName) {
    public enum Kind {
        /** The value of one dimension (Timestream's customer-defined partition key). */
        DIMENSION,
        /** The record's {@code measure_name} (Timestream's {@code Type: MEASURE}). */
        MEASURE_NAME,
        /** The series: sorted dimensions and the measure name. */
        SERIES
    }

    public PartitionKey {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.DIMENSION) {
            if (dimensionName == null || dimensionName.isEmpty()) {
                throw new IllegalArgumentException("a DIMENSION partition key needs a dimension name");
            }
        } else if (dimensionName != null) {
            throw new IllegalArgumentException(kind + " partition key takes no dimension name");
        }
    }

    public static PartitionKey dimension(String name) {
        return new PartitionKey(Kind.DIMENSION, name);
    }

    public static PartitionKey measureName() {
        return new PartitionKey(Kind.MEASURE_NAME, null);
    }

    public static PartitionKey series() {
        return new PartitionKey(Kind.SERIES, null);
    }

    /** Whether an equality on one column value ({@link #dimensionName()} or measure_name) pins the bucket. */
    public boolean prunableByEquality() {
        return kind != Kind.SERIES;
    }
}
