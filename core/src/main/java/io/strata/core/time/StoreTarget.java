package io.strata.core.time;

/** Where the ingestion window sends a record. */
public enum StoreTarget {
    MEMORY,
    MAGNETIC,
    REJECTED
}
