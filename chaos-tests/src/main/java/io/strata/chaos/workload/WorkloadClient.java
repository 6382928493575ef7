package io.strata.chaos.workload;

import io.strata.chaos.history.RecordVersion;
import java.util.List;

/**
 * What the workload does to the cluster, one call per history operation.
 *
 * <p>Contract: one instance per client process, used by one thread at a time (a process runs one
 * operation at a time), so implementations need not be thread-safe. A call returns normally only
 * when the cluster acknowledged it. It throws a {@code StrataException} whose code says the
 * request was definitely not applied (validation, rejected records, conflict, throttling) only when
 * that is certain; timeouts, lost connections and unavailability may have been applied and must
 * surface as anything else (see {@link OutcomeClassifier}). Calls must not retry internally in a
 * way that could apply a write twice under a different identity: a retry resends the same record.
 */
public interface WorkloadClient extends AutoCloseable {
    /** WriteRecords of one record with its version. */
    void write(RecordVersion record);

    /** WriteRecords of one record with a higher version than any before (upsert). */
    void upsert(RecordVersion record);

    /** Every record of the series, read linearizably. */
    List<RecordVersion> read(String series);

    @Override
    void close();
}
