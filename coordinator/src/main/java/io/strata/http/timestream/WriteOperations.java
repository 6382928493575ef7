package io.strata.http.timestream;

import io.strata.api.v1.WriteRecordsRequest;
import io.strata.api.v1.WriteRecordsResponse;

/**
 * The engine's write operation (strata.v1 WriteService), called by the gRPC service and the HTTP
 * endpoint alike.
 *
 * <p><b>Threading:</b> called concurrently from gRPC executor threads and HTTP worker threads;
 * thread-safe; blocks until the records are committed (or rejected).
 *
 * <p><b>Ordering:</b> none between calls; within one call, records are judged in request order
 * (rejected records are reported by their index).
 *
 * <p><b>Idempotence:</b> an identical retry stores nothing new and counts the records as ingested
 * again (the AWS SDKs retry on 5xx, 429 and I/O errors).
 *
 * <p><b>Errors:</b> ValidationException (nothing stored), RejectedRecordsException (the others
 * were stored), ResourceNotFoundException, ThrottlingException, ServiceUnavailableException. The
 * request arrives unvalidated beyond JSON types and enum strings.
 */
public interface WriteOperations {
    WriteRecordsResponse writeRecords(WriteRecordsRequest request);
}
