package io.strata.http.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.core.error.ErrorCode;
import io.strata.core.error.RejectedRecord;
import io.strata.core.error.RejectedRecordsException;
import io.strata.core.error.StrataException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An error as Timestream puts it on the wire: the HTTP status and
 * {@code {"__type": "<ErrorName>", "Message": "..."}}, plus {@code RejectedRecords} for
 * RejectedRecordsException.
 *
 * <p>{@code Message} is capitalised because that is the member name in Timestream's service
 * model (every Timestream error shape declares {@code Message}); the AWS SDKs read either casing.
 * {@code __type} carries the bare error name: the SDKs take the part after a {@code #} when there
 * is one, so the namespace adds nothing.
 *
 * <p>Errors of the protocol itself (unknown target, unreadable HTTP, too large a body) reuse
 * Timestream's names where one fits; the status may then differ from the name's usual one
 * (413 for too large a body) because the status tells HTTP intermediaries what happened.
 */
public record ErrorResponse(int status, String errorName, String message, List<RejectedRecord> rejectedRecords) {
    /** AWS's name for a target the service does not know; not in Timestream's own error list. */
    public static final String UNKNOWN_OPERATION = "UnknownOperationException";

    public ErrorResponse {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an error needs a 4xx or 5xx status: " + status);
        }
        Objects.requireNonNull(errorName, "errorName");
        Objects.requireNonNull(message, "message");
        rejectedRecords = List.copyOf(rejectedRecords);
    }

    /** Exactly what the exception says: its error name, message and {@link ErrorCode#httpStatus()}. */
    public static ErrorResponse of(StrataException exception) {
        List<RejectedRecord> rejected = exception instanceof RejectedRecordsException rejectedRecords
                ? rejectedRecords.rejectedRecords()
                : List.of();
        return new ErrorResponse(exception.code().httpStatus(), exception.errorName(), exception.getMessage(), rejected);
    }

    public static ErrorResponse of(ErrorCode code, String message) {
        return new ErrorResponse(code.httpStatus(), code.errorName(), message, List.of());
    }

    /** A request Timestream would reject as invalid, with a protocol-level status. */
    public static ErrorResponse validation(int status, String message) {
        return new ErrorResponse(status, ErrorCode.VALIDATION.errorName(), message, List.of());
    }

    public static ErrorResponse unknownOperation(String message) {
        return new ErrorResponse(400, UNKNOWN_OPERATION, message, List.of());
    }

    public ProtocolResponse toResponse(String requestId) {
        ObjectNode body = AwsJsonProtocol.MAPPER.createObjectNode();
        body.put("__type", errorName);
        body.put("Message", message);
        if (!rejectedRecords.isEmpty()) {
            ArrayNode records = body.putArray("RejectedRecords");
            for (RejectedRecord record : rejectedRecords) {
                ObjectNode node = records.addObject();
                node.put("RecordIndex", record.recordIndex());
                node.put("Reason", record.reason());
                record.existingVersion().ifPresent(version -> node.put("ExistingVersion", version));
            }
        }
        try {
            byte[] bytes = AwsJsonProtocol.MAPPER.writeValueAsBytes(body);
            return new ProtocolResponse(status, bytes, requestId, Optional.of(errorName));
        } catch (JsonProcessingException e) {
            // Only strings and numbers go in: this cannot fail short of a Jackson bug.
            throw new UncheckedIOException(e);
        }
    }
}
