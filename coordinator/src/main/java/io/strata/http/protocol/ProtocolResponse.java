package io.strata.http.protocol;

import java.util.Objects;
import java.util.Optional;

/**
 * A response ready for the wire: always an AWS JSON 1.0 body.
 *
 * @param status the HTTP status
 * @param body the JSON body bytes; not copied
 * @param requestId the value of {@code x-amzn-RequestId}
 * @param errorType the error name for {@code x-amzn-ErrorType}, for error responses
 */
public record ProtocolResponse(int status, byte[] body, String requestId, Optional<String> errorType) {
    public ProtocolResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(errorType, "errorType");
    }
}
