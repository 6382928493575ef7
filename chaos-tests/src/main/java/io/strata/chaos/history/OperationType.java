package io.strata.chaos.history;

/** What a client operation does to the cluster. */
public enum OperationType {
    /** Writes a record that did not exist (Timestream WriteRecords without a higher version). */
    WRITE,
    /** Writes a record with an explicit version, replacing a lower one (Timestream upsert). */
    UPSERT,
    /** Reads every record of one series. */
    READ;

    public boolean writes() {
        return this != READ;
    }
}
