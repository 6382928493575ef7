package io.strata.raft.protocol;

import io.strata.core.error.AccessDeniedException;
import io.strata.core.error.ConflictException;
import io.strata.core.error.ErrorCode;
import io.strata.core.error.InternalServerException;
import io.strata.core.error.QueryExecutionException;
import io.strata.core.error.ResourceNotFoundException;
import io.strata.core.error.ServiceQuotaExceededException;
import io.strata.core.error.ServiceUnavailableException;
import io.strata.core.error.StrataException;
import io.strata.core.error.ThrottlingException;
import io.strata.core.error.ValidationException;

/**
 * A {@link StrataException} as the text {@code "<ErrorName>: <message>"}, the form in which a
 * shard's rejection crosses from a Raft server to the client. Only the error name and the message
 * survive, which is why shards report per-record rejections inside their apply result rather than
 * as a {@link io.strata.core.error.RejectedRecordsException}.
 */
public final class StrataExceptionText {
    static final String SEPARATOR = ": ";

    private StrataExceptionText() {}

    public static String encode(StrataException exception) {
        return exception.errorName() + SEPARATOR + exception.getMessage();
    }

    /** The exception {@code text} describes; unknown names become an internal error. */
    public static StrataException decode(String text) {
        int split = text.indexOf(SEPARATOR);
        if (split < 0) {
            return new InternalServerException(text);
        }
        ErrorCode code = ErrorCode.fromErrorName(text.substring(0, split));
        String message = text.substring(split + SEPARATOR.length());
        return switch (code) {
            case VALIDATION -> new ValidationException(message);
            case RESOURCE_NOT_FOUND -> new ResourceNotFoundException(message);
            case CONFLICT -> new ConflictException(message);
            case THROTTLING -> new ThrottlingException(message);
            case SERVICE_QUOTA_EXCEEDED -> new ServiceQuotaExceededException(message);
            case ACCESS_DENIED -> new AccessDeniedException(message);
            case QUERY_EXECUTION -> new QueryExecutionException(message);
            case INTERNAL_SERVER -> new InternalServerException(message);
            case SERVICE_UNAVAILABLE -> new ServiceUnavailableException(message);
            case REJECTED_RECORDS, INVALID_ENDPOINT -> new StrataException(code, message);
        };
    }
}
