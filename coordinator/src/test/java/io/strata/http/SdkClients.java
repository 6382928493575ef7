package io.strata.http;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.timestreamquery.TimestreamQueryClient;
import software.amazon.awssdk.services.timestreamwrite.TimestreamWriteClient;

/**
 * Real SDK v2 clients configured as a user points them at Strata: endpoint override, discovery
 * off. Retries are off so each test sees the first answer the endpoint gave.
 */
final class SdkClients {
    private SdkClients() {
    }

    static TimestreamWriteClient write(TimestreamHttpServer server, String accessKey, String secret) {
        return TimestreamWriteClient.builder()
                .endpointOverride(server.endpoint())
                .endpointDiscoveryEnabled(false)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
                .overrideConfiguration(configuration -> configuration.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    static TimestreamQueryClient query(TimestreamHttpServer server, String accessKey, String secret) {
        return TimestreamQueryClient.builder()
                .endpointOverride(server.endpoint())
                .endpointDiscoveryEnabled(false)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
                .overrideConfiguration(configuration -> configuration.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
