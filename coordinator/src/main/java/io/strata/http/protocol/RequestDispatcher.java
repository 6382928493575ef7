package io.strata.http.protocol;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.core.error.ErrorCode;
import io.strata.core.error.StrataException;
import io.strata.core.error.ValidationException;
import io.strata.http.operation.OperationHandler;
import io.strata.http.operation.OperationRegistry;
import io.strata.http.operation.OperationRequest;
import io.strata.http.operation.TimestreamOperation;
import io.strata.http.signature.SignatureVerifier;
import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one complete HTTP request into one AWS JSON 1.0 response: checks method, signature,
 * content type and target, parses the body, runs the registered handler and renders what it
 * returned or threw. Knows nothing of sockets; thread-safe, called on worker threads.
 *
 * <p>The signature is checked before anything else is looked at, so an unauthenticated caller
 * learns nothing about which operations exist.
 */
public final class RequestDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(RequestDispatcher.class);

    private final OperationRegistry registry;
    private final Optional<SignatureVerifier> signatureVerifier;

    /** @param signatureVerifier empty in development mode: any or no signature is accepted */
    public RequestDispatcher(OperationRegistry registry, Optional<SignatureVerifier> signatureVerifier) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.signatureVerifier = Objects.requireNonNull(signatureVerifier, "signatureVerifier");
    }

    public ProtocolResponse dispatch(ReceivedRequest request) {
        String requestId = UUID.randomUUID().toString();
        try {
            return handle(request, requestId);
        } catch (StrataException e) {
            return ErrorResponse.of(e).toResponse(requestId);
        } catch (RuntimeException e) {
            LOG.error("request {} ({}) failed", requestId, request.header(AwsJsonProtocol.TARGET_HEADER).orElse("?"), e);
            return ErrorResponse.of(ErrorCode.INTERNAL_SERVER,
                    "Internal server error. Request id: " + requestId).toResponse(requestId);
        }
    }

    private ProtocolResponse handle(ReceivedRequest request, String requestId) {
        if (!request.method().equals("POST")) {
            return ErrorResponse.validation(405,
                    "Timestream operations are called with POST, not " + request.method() + ".").toResponse(requestId);
        }
        Optional<String> accessKeyId = signatureVerifier.map(verifier -> verifier.verify(request));

        Optional<String> contentTypeError = contentTypeError(request.header("content-type"));
        if (contentTypeError.isPresent()) {
            return ErrorResponse.validation(400, contentTypeError.get()).toResponse(requestId);
        }
        Optional<String> target = request.header(AwsJsonProtocol.TARGET_HEADER);
        if (target.isEmpty()) {
            return ErrorResponse.unknownOperation("Missing X-Amz-Target header: expected "
                    + AwsJsonProtocol.TARGET_PREFIX + "<Operation>.").toResponse(requestId);
        }
        Optional<TimestreamOperation> operation = operationOf(target.get());
        if (operation.isEmpty()) {
            return ErrorResponse.unknownOperation("Unknown operation " + abbreviate(target.get())
                    + ": expected " + AwsJsonProtocol.TARGET_PREFIX + "<Operation> with a Timestream operation.")
                    .toResponse(requestId);
        }
        Optional<OperationHandler> handler = registry.handlerFor(operation.get());
        if (handler.isEmpty()) {
            // A real Timestream operation this node does not serve: the client's call is valid, so
            // say clearly that it is unsupported here, as a non-retryable 4xx.
            return ErrorResponse.validation(400, "The operation " + operation.get().operationName()
                    + " is not supported by this Strata endpoint.").toResponse(requestId);
        }
        ObjectNode body = parseBody(request.body());
        JsonNode result = handler.get().handle(new OperationRequest(
                operation.get(), body, accessKeyId, request.header("host"), requestId));
        return success(result, operation.get(), requestId);
    }

    private static ProtocolResponse success(JsonNode result, TimestreamOperation operation, String requestId) {
        JsonNode body = result == null ? AwsJsonProtocol.MAPPER.createObjectNode() : result;
        if (!body.isObject()) {
            throw new IllegalStateException("the " + operation.operationName()
                    + " handler returned a JSON " + body.getNodeType() + ", not an object");
        }
        try {
            return new ProtocolResponse(200, AwsJsonProtocol.MAPPER.writeValueAsBytes(body), requestId, Optional.empty());
        } catch (JacksonException e) {
            throw new IllegalStateException("could not serialise the " + operation.operationName() + " response", e);
        }
    }

    private static ObjectNode parseBody(byte[] bytes) {
        if (bytes.length == 0) {
            // Some clients send no body for operations without input; AWS treats it as {}.
            return AwsJsonProtocol.MAPPER.createObjectNode();
        }
        JsonNode node;
        try {
            node = AwsJsonProtocol.MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            // The original message without Jackson's source excerpt: no echo of the client's bytes.
            throw new ValidationException("The request body is not valid JSON: "
                    + abbreviate(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ValidationException("The request body could not be read.");
        }
        if (node == null || !node.isObject()) {
            throw new ValidationException("The request body must be a JSON object.");
        }
        return (ObjectNode) node;
    }

    private static Optional<String> contentTypeError(Optional<String> contentType) {
        if (contentType.isEmpty()) {
            return Optional.of("Missing Content-Type: Timestream requests are " + AwsJsonProtocol.CONTENT_TYPE + ".");
        }
        String mediaType = contentType.get();
        int parameters = mediaType.indexOf(';');
        if (parameters >= 0) {
            mediaType = mediaType.substring(0, parameters);
        }
        if (!mediaType.strip().toLowerCase(Locale.ROOT).equals(AwsJsonProtocol.CONTENT_TYPE)) {
            return Optional.of("Unsupported Content-Type " + abbreviate(contentType.get())
                    + ": Timestream requests are " + AwsJsonProtocol.CONTENT_TYPE + ".");
        }
        return Optional.empty();
    }

    private static Optional<TimestreamOperation> operationOf(String target) {
        if (!target.startsWith(AwsJsonProtocol.TARGET_PREFIX)) {
            return Optional.empty();
        }
        return TimestreamOperation.fromOperationName(target.substring(AwsJsonProtocol.TARGET_PREFIX.length()));
    }

    /** Client-controlled text goes back in messages; keep it short. */
    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
