package io.strata.http.timestream;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Message;
import io.strata.http.operation.OperationHandler;
import io.strata.http.operation.OperationRequest;
import java.util.Objects;
import java.util.function.Function;

/**
 * Serves one Timestream operation with an engine operation that speaks strata.v1: decodes the
 * JSON body with the operation's {@link OperationCodec}, calls the engine, encodes its answer.
 * The engine's {@link io.strata.core.error.StrataException}s pass through unchanged, so the
 * protocol layer answers them with their Timestream name and status. Thread-safe when the engine
 * operation is (see {@link OperationHandler}).
 *
 * @param <Q> the strata.v1 request message
 * @param <R> the strata.v1 response message
 */
public final class ProtoOperationHandler<Q extends Message, R extends Message> implements OperationHandler {
    private final OperationCodec<Q, R> codec;
    private final Function<? super Q, ? extends R> operation;

    public ProtoOperationHandler(OperationCodec<Q, R> codec, Function<? super Q, ? extends R> operation) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.operation = Objects.requireNonNull(operation, "operation");
    }

    @Override
    public JsonNode handle(OperationRequest request) {
        R response = operation.apply(codec.request(request.body()));
        if (response == null) {
            throw new IllegalStateException("the engine answered " + request.operation().operationName() + " with null");
        }
        return codec.response(response);
    }
}
