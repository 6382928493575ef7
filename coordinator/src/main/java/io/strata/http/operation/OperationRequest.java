package io.strata.http.operation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * One parsed Timestream API call, as an {@link OperationHandler} sees it.
 *
 * @param operation the operation named by {@code X-Amz-Target}
 * @param body the JSON request body, exactly as the client sent it (members in Timestream's
 *     PascalCase: {@code DatabaseName}, {@code Records}, ...); never null, {@code {}} when empty
 * @param accessKeyId the caller's verified access key id when signatures are verified; empty in
 *     development mode, where the claimed identity is not checked
 * @param host the {@code Host} header the client used, if any
 * @param requestId the id this endpoint answers in {@code x-amzn-RequestId}, for logs
 */
public record OperationRequest(
        TimestreamOperation operation, ObjectNode body, Optional<String> accessKeyId, Optional<String> host,
        String requestId) {
    public OperationRequest {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(requestId, "requestId");
    }
}
