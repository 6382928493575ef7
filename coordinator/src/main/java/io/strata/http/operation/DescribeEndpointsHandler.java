package io.strata.http.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Answers DescribeEndpoints with this node itself, so clients that discover endpoints (botocore
 * given {@code AWS_ENDPOINT_URL}) keep talking to it.
 *
 * <p>The address carries its scheme ({@code http://host:port}): Timestream answers a bare host,
 * but botocore prepends {@code https://} to a scheme-less address, which a plain-HTTP node cannot
 * serve. Precedence: the configured advertised address; else the {@code Host} the client used
 * (right behind a wildcard bind or a DNS name); else the bound address.
 */
public final class DescribeEndpointsHandler implements OperationHandler {
    private final Optional<String> advertisedAddress;
    private final Supplier<String> boundAddress;
    private final long cachePeriodInMinutes;

    /**
     * @param boundAddress {@code http://host:port} of the listening socket, known once it is bound
     */
    public DescribeEndpointsHandler(Optional<String> advertisedAddress, Supplier<String> boundAddress,
                                    Duration cachePeriod) {
        this.advertisedAddress = Objects.requireNonNull(advertisedAddress, "advertisedAddress");
        this.boundAddress = Objects.requireNonNull(boundAddress, "boundAddress");
        this.cachePeriodInMinutes = Math.max(1, cachePeriod.toMinutes());
    }

    @Override
    public JsonNode handle(OperationRequest request) {
        String address = advertisedAddress
                .or(() -> request.host().filter(host -> !host.isBlank()).map(host -> "http://" + host))
                .orElseGet(boundAddress);
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ObjectNode endpoint = response.putArray("Endpoints").addObject();
        endpoint.put("Address", address);
        endpoint.put("CachePeriodInMinutes", cachePeriodInMinutes);
        return response;
    }
}
