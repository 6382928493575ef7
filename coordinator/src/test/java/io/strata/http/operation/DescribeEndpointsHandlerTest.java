package io.strata.http.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DescribeEndpointsHandlerTest {
    @Test
    void theAdvertisedAddressWinsThenTheHostTheClientUsedThenTheBoundAddress() {
        DescribeEndpointsHandler advertised = new DescribeEndpointsHandler(
                Optional.of("http://strata.example:8087"), () -> "http://10.0.0.5:8087", Duration.ofHours(24));
        DescribeEndpointsHandler unadvertised = new DescribeEndpointsHandler(
                Optional.empty(), () -> "http://10.0.0.5:8087", Duration.ofMinutes(90));

        assertThat(address(advertised.handle(request(Optional.of("node-1:8087"))))).isEqualTo("http://strata.example:8087");
        assertThat(address(unadvertised.handle(request(Optional.of("node-1:8087"))))).isEqualTo("http://node-1:8087");
        assertThat(address(unadvertised.handle(request(Optional.empty())))).isEqualTo("http://10.0.0.5:8087");
        assertThat(unadvertised.handle(request(Optional.empty())).at("/Endpoints/0/CachePeriodInMinutes").asLong())
                .isEqualTo(90);
    }

    @Test
    void anOperationGetsOneHandlerOnly() {
        OperationRegistry.Builder builder = OperationRegistry.builder().register(TimestreamOperation.QUERY, request -> null);

        assertThatThrownBy(() -> builder.register(TimestreamOperation.QUERY, request -> null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Query");
    }

    private static String address(JsonNode response) {
        return response.at("/Endpoints/0/Address").asText();
    }

    private static OperationRequest request(Optional<String> host) {
        return new OperationRequest(TimestreamOperation.DESCRIBE_ENDPOINTS, JsonNodeFactory.instance.objectNode(),
                Optional.empty(), host, "request-1");
    }
}
