package io.strata.core.table;

/** Whether every record must carry the partition-key dimension. */
public enum PartitionKeyEnforcement {
    REQUIRED,
    OPTIONAL
}
