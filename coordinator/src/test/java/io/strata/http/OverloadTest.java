package io.strata.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.http.operation.OperationRegistry;
import io.strata.http.operation.TimestreamOperation;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.timestreamwrite.TimestreamWriteClient;
import software.amazon.awssdk.services.timestreamwrite.model.ThrottlingException;

/** With every worker busy and the queue full, the endpoint answers 429 at once instead of piling up. */
class OverloadTest {
    @Test
    void requestsBeyondTheWorkersAndTheQueueGetThrottlingExceptionAndTheRestComplete() throws Exception {
        CountDownLatch firstEntered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger handled = new AtomicInteger();
        OperationRegistry registry = OperationRegistry.builder()
                .register(TimestreamOperation.LIST_DATABASES, request -> {
                    firstEntered.countDown();
                    try {
                        if (!release.await(60, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("the test never released the handler");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    handled.incrementAndGet();
                    ObjectNode response = JsonNodeFactory.instance.objectNode();
                    response.putArray("Databases");
                    return response;
                })
                .build();
        HttpEndpointConfig config = HttpEndpointConfig.defaults().withPort(0).withWorkers(1, 1);
        try (TimestreamHttpServer server = TimestreamHttpServer.start(config, registry, Clock.systemUTC());
             HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
             TimestreamWriteClient sdk = SdkClients.write(server, "AKID", "secret")) {
            HttpRequest listDatabases = HttpRequest.newBuilder(server.endpoint())
                    .header("Content-Type", "application/x-amz-json-1.0")
                    .header("X-Amz-Target", "Timestream_20181101.ListDatabases")
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build();

            CompletableFuture<HttpResponse<String>> running = http.sendAsync(listDatabases, HttpResponse.BodyHandlers.ofString());
            assertThat(firstEntered.await(30, TimeUnit.SECONDS)).isTrue();
            // One more fits in the queue; the other three find worker and queue full.
            List<CompletableFuture<HttpResponse<String>>> extra = IntStream.range(0, 4)
                    .mapToObj(i -> http.sendAsync(listDatabases, HttpResponse.BodyHandlers.ofString()))
                    .toList();

            await().atMost(Duration.ofSeconds(30)).until(() -> extra.stream().filter(CompletableFuture::isDone).count() == 3);
            List<HttpResponse<String>> throttled = extra.stream().filter(CompletableFuture::isDone).map(CompletableFuture::join).toList();
            assertThat(throttled).allSatisfy(response -> {
                assertThat(response.statusCode()).isEqualTo(429);
                assertThat(response.body()).contains("\"__type\":\"ThrottlingException\"");
            });
            ThrottlingException sdkThrottled = catchThrowableOfType(ThrottlingException.class, () -> sdk.listDatabases(b -> { }));
            assertThat(sdkThrottled.statusCode()).isEqualTo(429);
            assertThat(handled).hasValue(0);

            release.countDown();

            assertThat(running.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            HttpResponse<String> queued = extra.stream().map(CompletableFuture::join).filter(response -> response.statusCode() != 429)
                    .findFirst().orElseThrow();
            assertThat(queued.statusCode()).isEqualTo(200);
            assertThat(handled).hasValue(2);
            assertThat(http.send(listDatabases, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
    }
}
