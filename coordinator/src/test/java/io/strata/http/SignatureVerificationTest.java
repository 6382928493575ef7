package io.strata.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.http.operation.OperationRegistry;
import io.strata.http.operation.OperationRequest;
import io.strata.http.operation.TimestreamOperation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.timestreamquery.TimestreamQueryClient;
import software.amazon.awssdk.services.timestreamwrite.TimestreamWriteClient;
import software.amazon.awssdk.services.timestreamwrite.model.AccessDeniedException;

/** SigV4 as the AWS SDKs sign Timestream calls: verified for real when keys are configured. */
class SignatureVerificationTest {
    private static final String ACCESS_KEY = "AKIDSTRATAEXAMPLE";
    private static final String SECRET = "strata/secret+key/EXAMPLE";
    private static final List<OperationRequest> HANDLED = new CopyOnWriteArrayList<>();

    private static TimestreamHttpServer verifying;
    private static TimestreamHttpServer development;

    @BeforeAll
    static void startServers() {
        OperationRegistry registry = OperationRegistry.builder()
                .register(TimestreamOperation.LIST_DATABASES, request -> {
                    HANDLED.add(request);
                    ObjectNode response = JsonNodeFactory.instance.objectNode();
                    response.putArray("Databases");
                    return response;
                })
                .build();
        HttpEndpointConfig config = HttpEndpointConfig.defaults().withPort(0);
        verifying = TimestreamHttpServer.start(config.withCredentials(Map.of(ACCESS_KEY, SECRET, "AKIDOTHER", "other"),
                Duration.ofMinutes(5)), registry, Clock.systemUTC());
        development = TimestreamHttpServer.start(config, registry, Clock.systemUTC());
    }

    @AfterAll
    static void stopServers() {
        verifying.close();
        development.close();
    }

    @BeforeEach
    void forgetRequests() {
        HANDLED.clear();
    }

    @Test
    void requestsSignedWithAConfiguredKeyAreAcceptedAndCarryTheCallersKey() {
        try (TimestreamWriteClient write = SdkClients.write(verifying, ACCESS_KEY, SECRET);
             TimestreamQueryClient query = SdkClients.query(verifying, ACCESS_KEY, SECRET)) {
            assertThat(write.listDatabases(builder -> builder.maxResults(5)).databases()).isEmpty();
            assertThat(query.describeEndpoints(builder -> { }).endpoints()).hasSize(1);
        }
        assertThat(HANDLED).singleElement().satisfies(request ->
                assertThat(request.accessKeyId()).contains(ACCESS_KEY));
    }

    @Test
    void aWrongSecretIsRefusedWith403AccessDeniedBeforeTheHandlerRuns() {
        try (TimestreamWriteClient write = SdkClients.write(verifying, ACCESS_KEY, "not-the-secret")) {
            AccessDeniedException denied = catchThrowableOfType(AccessDeniedException.class,
                    () -> write.listDatabases(builder -> { }));

            assertThat(denied.statusCode()).isEqualTo(403);
            assertThat(denied.awsErrorDetails().errorMessage()).contains("signature we calculated does not match");
        }
        assertThat(HANDLED).isEmpty();
    }

    @Test
    void anUnknownAccessKeyIsRefusedWith403() {
        try (TimestreamWriteClient write = SdkClients.write(verifying, "AKIDUNKNOWN", SECRET)) {
            AccessDeniedException denied = catchThrowableOfType(AccessDeniedException.class,
                    () -> write.listDatabases(builder -> { }));

            assertThat(denied.statusCode()).isEqualTo(403);
            assertThat(denied.awsErrorDetails().errorMessage()).contains("security token included in the request is invalid");
        }
        assertThat(HANDLED).isEmpty();
    }

    @Test
    void anUnsignedRequestIsRefusedWith403() throws Exception {
        try (RawConnection connection = new RawConnection(verifying.address())) {
            RawResponse response = connection.send(RawConnection.request("ListDatabases", "{}")).readResponse();

            assertThat(response.status()).isEqualTo(403);
            assertThat(response.errorType()).isEqualTo("AccessDeniedException");
            assertThat(response.message()).contains("Missing Authentication Token");
        }
        assertThat(HANDLED).isEmpty();
    }

    @Test
    void theSignatureCoversTheBody() throws Exception {
        String body = "{\"MaxResults\":5}";
        String signed = signedRequest(body, Clock.systemUTC());

        try (RawConnection connection = new RawConnection(verifying.address())) {
            assertThat(connection.send(signed + body).readResponse().status()).isEqualTo(200);
            RawResponse tampered = connection.send(signed + "{\"MaxResults\":9}").readResponse();
            assertThat(tampered.status()).isEqualTo(403);
            assertThat(tampered.errorType()).isEqualTo("AccessDeniedException");
        }
        assertThat(HANDLED).singleElement().satisfies(request ->
                assertThat(request.body().path("MaxResults").asInt()).isEqualTo(5));
    }

    @Test
    void aSignatureFromTooFarInThePastIsRefusedButOneWithinTheAllowedSkewPasses() throws Exception {
        String body = "{}";
        try (RawConnection connection = new RawConnection(verifying.address())) {
            RawResponse stale = connection.send(signedRequest(body, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10))) + body)
                    .readResponse();
            assertThat(stale.status()).isEqualTo(403);
            assertThat(stale.message()).contains("Signature expired");

            RawResponse skewed = connection.send(signedRequest(body, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(2))) + body)
                    .readResponse();
            assertThat(skewed.status()).isEqualTo(200);
        }
    }

    @Test
    void developmentModeAcceptsAnyCredentialsAndUnsignedRequests() throws Exception {
        try (TimestreamWriteClient write = SdkClients.write(development, "AKIDANYTHING", "whatever")) {
            assertThat(write.listDatabases(builder -> { }).databases()).isEmpty();
        }
        try (RawConnection connection = new RawConnection(development.address())) {
            assertThat(connection.send(RawConnection.request("ListDatabases", "{}")).readResponse().status()).isEqualTo(200);
        }
        assertThat(HANDLED).hasSize(2).allSatisfy(request -> assertThat(request.accessKeyId()).isEmpty());
    }

    /** A ListDatabases request head signed by the SDK's own SigV4 signer, at {@code signingClock}'s time. */
    private static String signedRequest(String body, Clock signingClock) {
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(verifying.endpoint())
                .putHeader("Content-Type", "application/x-amz-json-1.0")
                .putHeader("X-Amz-Target", "Timestream_20181101.ListDatabases")
                .putHeader("Content-Length", String.valueOf(body.getBytes(StandardCharsets.UTF_8).length))
                .build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(signing -> signing
                .identity(AwsCredentialsIdentity.create(ACCESS_KEY, SECRET))
                .request(request)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "timestream")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-central-1")
                .putProperty(HttpSigner.SIGNING_CLOCK, signingClock)).request();
        StringBuilder head = new StringBuilder("POST / HTTP/1.1\r\n");
        signed.forEachHeader((name, values) -> values.forEach(value -> head.append(name).append(": ").append(value).append("\r\n")));
        if (signed.firstMatchingHeader("Host").isEmpty()) {
            head.append("Host: ").append(verifying.endpoint().getAuthority()).append("\r\n");
        }
        return head.append("\r\n").toString();
    }
}
