package io.strata.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import io.strata.http.operation.OperationRegistry;
import org.junit.jupiter.api.Test;

class HttpEndpointConfigTest {
    @Test
    void secretsNeverAppearWhenTheConfigIsPrinted() {
        HttpEndpointConfig config = HttpEndpointConfig.defaults()
                .withCredentials(Map.of("AKIDVISIBLE", "very-secret-value"), Duration.ofMinutes(5));

        assertThat(config.toString()).contains("AKIDVISIBLE").doesNotContain("very-secret-value");
        assertThat(config.verifiesSignatures()).isTrue();
        assertThat(HttpEndpointConfig.defaults().verifiesSignatures()).isFalse();
    }

    @Test
    void anAdvertisedAddressWithoutSchemeIsRefusedBecauseBotocoreWouldAssumeHttps() {
        assertThatThrownBy(() -> HttpEndpointConfig.defaults().withAdvertisedAddress("node-1:8087"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scheme");
    }

    @Test
    void nonsensicalLimitsAreRefused() {
        assertThatThrownBy(() -> HttpEndpointConfig.defaults().withWorkers(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpEndpointConfig.defaults().withWorkers(1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpEndpointConfig.defaults().withMaxBodyBytes(10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpEndpointConfig.defaults().withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpEndpointConfig.defaults().withCredentials(Map.of("AKID", " "), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPortInUseFailsToStartWithAClearError() {
        try (TimestreamHttpServer first = TimestreamHttpServer.start(HttpEndpointConfig.defaults().withPort(0),
                OperationRegistry.builder().build(), Clock.systemUTC())) {
            assertThatThrownBy(() -> TimestreamHttpServer.start(HttpEndpointConfig.defaults().withPort(first.port()),
                    OperationRegistry.builder().build(), Clock.systemUTC()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining(String.valueOf(first.port()));
        }
    }
}
