package io.strata.core.table;

/** What a table is partitioned by: one dimension, or the measure name (the default). */
public enum PartitionKeyType {
    DIMENSION,
    MEASURE
}
