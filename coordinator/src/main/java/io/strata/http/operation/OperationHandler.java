package io.strata.http.operation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Serves one Timestream operation behind the HTTP endpoint: the engine registers one per
 * operation it implements (CreateDatabase, WriteRecords, Query, ...) in an {@link OperationRegistry}.
 *
 * <p><b>Threading:</b> called on one of the endpoint's bounded worker threads, concurrently for
 * requests from different connections, so implementations must be thread-safe. A handler may
 * block (waiting for a Raft commit, a query fan-out); it then holds that worker, and when every
 * worker and queue slot is taken new requests are answered {@code ThrottlingException} (429).
 *
 * <p><b>Ordering:</b> requests of one connection are handled one at a time, in the order they
 * arrived; there is no order between connections.
 *
 * <p><b>Idempotence:</b> the endpoint calls a handler once per request it receives, but the AWS
 * SDKs retry on 5xx, 429 and I/O errors, so the same logical call may arrive more than once
 * (Query carries a {@code ClientToken} for that; WriteRecords relies on the engine's dedup of
 * identical records).
 *
 * <p><b>Errors:</b> throw a {@link io.strata.core.error.StrataException}: the client receives its
 * error name and message with {@link io.strata.core.error.ErrorCode#httpStatus()}. Any other
 * exception is a bug: it is logged with its stack trace and the client receives
 * {@code InternalServerException} (500) without it.
 */
@FunctionalInterface
public interface OperationHandler {
    /**
     * @return the JSON response body: an object in Timestream's shape for the operation; null
     *     stands for {@code {}} (operations without output, like DeleteTable)
     */
    JsonNode handle(OperationRequest request);
}
