package io.strata.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import io.strata.http.operation.OperationRegistry;
import io.strata.http.operation.TimestreamOperation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile or broken clients: every answer is a 4xx with an AWS error body (or, for a client too
 * slow to finish its request, a closed connection), and the endpoint keeps serving afterwards.
 * One worker only, so anything that pinned it would break the request that follows.
 */
class MalformedRequestTest {
    private static final int MAX_BODY = 64 * 1024;
    private static final Duration REQUEST_READ_TIMEOUT = Duration.ofSeconds(2);

    private static TimestreamHttpServer server;
    private static HttpClient http;

    @BeforeAll
    static void startServer() {
        OperationRegistry registry = OperationRegistry.builder()
                .register(TimestreamOperation.LIST_DATABASES, request -> {
                    ObjectNode response = JsonNodeFactory.instance.objectNode();
                    response.putArray("Databases");
                    return response;
                })
                .build();
        HttpEndpointConfig config = HttpEndpointConfig.defaults().withPort(0).withWorkers(1, 4)
                .withMaxBodyBytes(MAX_BODY).withTimeouts(REQUEST_READ_TIMEOUT, Duration.ofSeconds(60));
        server = TimestreamHttpServer.start(config, registry, Clock.systemUTC());
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    static void stopServer() {
        http.close();
        server.close();
    }

    @AfterEach
    void theEndpointStillServesANormalRequest() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.endpoint())
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "Timestream_20181101.ListDatabases")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"Databases\":[]}");
    }

    @Test
    void bytesThatAreNotHttpGetA400AndTheConnectionIsClosed() throws Exception {
        try (RawConnection connection = new RawConnection(server.address())) {
            RawResponse response = connection.send(new byte[] {0, 1, 2, 'G', 'A', 'R', 'B', 'A', 'G', 'E', '\r', '\n', '\r', '\n'})
                    .readResponse();

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.errorType()).isEqualTo("ValidationException");
            assertThat(response.message()).startsWith("Malformed HTTP request");
            assertThat(connection.closedByServer()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"DatabaseName\": ", "not json at all", "[1, 2]", "\"text\"", "{} trailing", "{\"a\":1,\"a\":2}"})
    void aBodyThatIsNotOneJsonObjectIsAValidationErrorAndTheConnectionStaysUsable(String body) throws Exception {
        try (RawConnection connection = new RawConnection(server.address())) {
            RawResponse response = connection.send(RawConnection.request("ListDatabases", body)).readResponse();

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.errorType()).isEqualTo("ValidationException");
            assertThat(response.headers()).containsEntry("x-amzn-errortype", "ValidationException");
            assertThat(response.message()).containsAnyOf("not valid JSON", "must be a JSON object");

            assertThat(connection.send(RawConnection.request("ListDatabases", "{}")).readResponse().status()).isEqualTo(200);
        }
    }

    @Test
    void deeplyNestedJsonIsRefusedAsInvalid() throws Exception {
        String body = "{\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";
        try (RawConnection connection = new RawConnection(server.address())) {
            RawResponse response = connection.send(RawConnection.request("ListDatabases", body)).readResponse();

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.errorType()).isEqualTo("ValidationException");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/json", "application/x-amz-json-1.1", ""})
    void aWrongOrMissingContentTypeIsRefused(String contentType) throws Exception {
        String header = contentType.isEmpty() ? "" : "Content-Type: " + contentType + "\r\n";
        String request = "POST / HTTP/1.1\r\nHost: localhost\r\n" + header
                + "X-Amz-Target: Timestream_20181101.ListDatabases\r\nContent-Length: 2\r\n\r\n{}";
        try (RawConnection connection = new RawConnection(server.address())) {
            RawResponse response = connection.send(request).readResponse();

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.errorType()).isEqualTo("ValidationException");
            assertThat(response.message()).contains("Content-Type").contains("application/x-amz-json-1.0");
        }
    }

    @Test
    void aMissingTargetIsAnUnknownOperation() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.endpoint())
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"__type\":\"UnknownOperationException\"").contains("Missing X-Amz-Target");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Timestream_20181101.DropEverything", "DynamoDB_20120810.ListTables",
            "Timestream_20181101.writerecords", "Timestream_20181101."})
    void anUnknownTargetIsAnUnknownOperationNamingIt(String target) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.endpoint())
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", target)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("UnknownOperationException");
        assertThat(response.body()).contains("\"__type\":\"UnknownOperationException\"").contains(target);
    }

    @Test
    void aMethodOtherThanPostIsRefused() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.endpoint()).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).contains("\"__type\":\"ValidationException\"").contains("POST");
    }

    @Test
    void aDeclaredBodyOverTheLimitGets413BeforeItIsSent() throws Exception {
        try (RawConnection connection = new RawConnection(server.address())) {
            RawResponse response = connection.send(RawConnection.requestHead("ListDatabases", 50 * 1024 * 1024))
                    .readResponse();

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.errorType()).isEqualTo("ValidationException");
            assertThat(response.message()).contains(String.valueOf(MAX_BODY));
            assertThat(connection.closedByServer()).isTrue();
        }
    }

    @Test
    void aChunkedBodyThatGrowsOverTheLimitGets413() throws Exception {
        String head = "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-amz-json-1.0\r\n"
                + "X-Amz-Target: Timestream_20181101.ListDatabases\r\nTransfer-Encoding: chunked\r\n\r\n";
        String chunk = Integer.toHexString(16 * 1024) + "\r\n" + "x".repeat(16 * 1024) + "\r\n";
        try (RawConnection connection = new RawConnection(server.address())) {
            connection.send(head);
            for (int i = 0; i < 5; i++) {
                connection.send(chunk);
            }
            RawResponse response = connection.readResponse();

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.errorType()).isEqualTo("ValidationException");
        }
    }

    @Test
    void aBodyOverTheLimitSentByJavasHttpClientGets413() throws Exception {
        byte[] body = new byte[MAX_BODY + 1];
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.endpoint())
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "Timestream_20181101.ListDatabases")
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"__type\":\"ValidationException\"");
    }

    @Test
    void oversizedHeadersGetA4xxAndTheConnectionIsClosed() throws Exception {
        String request = "POST / HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "p".repeat(64 * 1024) + "\r\n\r\n";
        try (RawConnection connection = new RawConnection(server.address())) {
            RawResponse response = connection.send(request).readResponse();

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.errorType()).isEqualTo("ValidationException");
            assertThat(connection.closedByServer()).isTrue();
        }
    }

    @Test
    void aClientThatSendsHeadersThenStallsIsDisconnectedWithoutPinningTheOnlyWorker() throws Exception {
        try (RawConnection stalled = new RawConnection(server.address())) {
            stalled.send(RawConnection.requestHead("ListDatabases", 100) + "{\"Max");

            // The single worker is free: the stalled request never reached it.
            theEndpointStillServesANormalRequest();
            assertThat(stalled.closedByServer()).isTrue();
        }
    }

    @Test
    void aClientThatTricklesItsRequestIsCutOffAtTheRequestDeadline() throws Exception {
        ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
        try (RawConnection trickling = new RawConnection(server.address())) {
            byte[] request = RawConnection.request("ListDatabases", "{" + " ".repeat(2_000) + "}").getBytes(StandardCharsets.UTF_8);
            int[] next = {0};
            // One byte every 100 ms would need minutes: far beyond the 2 s request deadline.
            sender.scheduleAtFixedRate(() -> {
                try {
                    if (next[0] < request.length) {
                        trickling.send(new byte[] {request[next[0]++]});
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }, 0, 100, TimeUnit.MILLISECONDS);

            assertThat(trickling.closedByServer()).isTrue();
            assertThat(next[0]).isLessThan(request.length);
        } finally {
            sender.shutdownNow();
        }
    }

    @Test
    void aClientThatHalfClosesInTheMiddleOfABodyGetsA400() throws Exception {
        try (RawConnection connection = new RawConnection(server.address())) {
            connection.send(RawConnection.requestHead("ListDatabases", 100) + "{\"MaxResults\"");
            connection.shutdownOutput();
            RawResponse response = connection.readResponse();

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.errorType()).isEqualTo("ValidationException");
            assertThat(connection.closedByServer()).isTrue();
        }
    }

    @Test
    void aClientThatHalfClosesAfterACompleteRequestStillGetsTheAnswer() throws Exception {
        try (RawConnection connection = new RawConnection(server.address())) {
            connection.send(RawConnection.request("ListDatabases", "{}"));
            connection.shutdownOutput();
            RawResponse response = connection.readResponse();

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"Databases\":[]}");
            assertThat(connection.closedByServer()).isTrue();
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderOnOneConnection() throws Exception {
        try (RawConnection connection = new RawConnection(server.address())) {
            connection.send(RawConnection.request("ListDatabases", "{}")
                    + RawConnection.request("NoSuchOperation", "{}")
                    + RawConnection.request("ListDatabases", "[]"));

            assertThat(connection.readResponse().status()).isEqualTo(200);
            assertThat(connection.readResponse().errorType()).isEqualTo("UnknownOperationException");
            assertThat(connection.readResponse().message()).contains("must be a JSON object");
        }
    }

    @Test
    void keepAliveServesManyRequestsOnOneConnection() throws Exception {
        try (RawConnection connection = new RawConnection(server.address())) {
            for (int i = 0; i < 20; i++) {
                RawResponse response = connection.send(RawConnection.request("ListDatabases", "{}")).readResponse();
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.headers()).containsEntry("connection", "keep-alive");
            }
        }
    }

    @Test
    void theEndpointAnswersOnTheUriTheSdkUses() {
        assertThat(server.endpoint()).isEqualTo(URI.create("http://127.0.0.1:" + server.port()));
    }
}
