package io.strata.http.timestream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Message;
import io.strata.core.error.ValidationException;
import io.strata.core.model.ConstraintViolations;
import java.util.Objects;
import java.util.function.Function;

/**
 * One Timestream operation's JSON encoding: the request body to its strata.v1 request message,
 * and the strata.v1 response message to the response body. Immutable and thread-safe; the
 * codecs of every operation are constants of {@link AdminJsonCodec}, {@link WriteJsonCodec} and
 * {@link QueryJsonCodec}.
 *
 * @param <Q> the strata.v1 request message
 * @param <R> the strata.v1 response message
 */
public final class OperationCodec<Q extends Message, R extends Message> {
    private final Function<RequestMembers, Q> decoder;
    private final Function<R, ObjectNode> encoder;

    OperationCodec(Function<RequestMembers, Q> decoder, Function<R, ObjectNode> encoder) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
    }

    /**
     * The request message the body stands for. Unknown members are ignored.
     *
     * @throws ValidationException naming every member of the wrong JSON type and every enum string
     *     outside Timestream's set, in Coral's words, all in one message
     */
    public Q request(JsonNode body) {
        if (!(body instanceof ObjectNode object)) {
            throw new ValidationException("The request body must be a JSON object.");
        }
        ConstraintViolations violations = new ConstraintViolations();
        Q request = decoder.apply(RequestMembers.of(object, violations));
        violations.throwIfAny();
        return request;
    }

    /** The response body: Timestream's JSON object for {@code response}. */
    public ObjectNode response(R response) {
        return encoder.apply(Objects.requireNonNull(response, "response"));
    }
}
