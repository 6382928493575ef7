package io.strata.http.timestream;

import io.strata.http.HttpEndpointConfig;
import io.strata.http.TimestreamHttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.timestreamquery.TimestreamQueryClient;
import software.amazon.awssdk.services.timestreamwrite.TimestreamWriteClient;

/**
 * The real HTTP endpoint on a free port serving a {@link RecordingEngine} through
 * {@link TimestreamOperations}, with the real SDK v2 clients pointed at it as a user would
 * (endpoint override, discovery off, no retries so each test sees the first answer).
 */
final class TimestreamEndpoint implements AutoCloseable {
    final RecordingEngine engine = new RecordingEngine();
    final TimestreamHttpServer server;
    final TimestreamWriteClient write;
    final TimestreamQueryClient query;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    TimestreamEndpoint() {
        server = TimestreamHttpServer.start(HttpEndpointConfig.defaults().withPort(0),
                TimestreamOperations.registry(engine, engine, engine), Clock.systemUTC());
        AwsBasicCredentials credentials = AwsBasicCredentials.create("AKIDTEST", "test-secret");
        write = TimestreamWriteClient.builder()
                .endpointOverride(server.endpoint())
                .endpointDiscoveryEnabled(false)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .overrideConfiguration(configuration -> configuration.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        query = TimestreamQueryClient.builder()
                .endpointOverride(server.endpoint())
                .endpointDiscoveryEnabled(false)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .overrideConfiguration(configuration -> configuration.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** Posts a raw JSON body, for requests no SDK would build (wrong JSON types). */
    HttpResponse<String> post(String operation, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(server.endpoint().resolve(URI.create("/")))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "Timestream_20181101." + operation)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        write.close();
        query.close();
        http.close();
        server.close();
    }
}
