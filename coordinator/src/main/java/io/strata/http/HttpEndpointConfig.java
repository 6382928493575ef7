package io.strata.http;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the Timestream-compatible HTTP endpoint listens, how much it accepts and whom it trusts.
 *
 * @param bindAddress the local address to listen on ({@code 0.0.0.0} for every interface)
 * @param port the TCP port; 0 picks a free one (see {@link TimestreamHttpServer#port()})
 * @param maxBodyBytes the largest request body accepted; larger ones get 413 before they are read
 * @param workerThreads threads that run operation handlers; a handler may block one of them
 * @param queueCapacity complete requests that may wait for a worker; beyond that the endpoint
 *     answers {@code ThrottlingException} (429) at once instead of queueing without bound
 * @param requestReadTimeout how long a client may take from the first byte of a request to its
 *     last; a slow or stalled sender is disconnected after it, so it never holds anything longer
 * @param idleTimeout how long a keep-alive connection may stay without a request
 * @param advertisedAddress what DescribeEndpoints answers ({@code http://host:port}); when empty,
 *     the Host the client used, else the bound address
 * @param endpointCachePeriod the CachePeriodInMinutes DescribeEndpoints answers
 * @param credentials access key id → secret access key; empty means development mode, where any
 *     (or no) signature is accepted; otherwise every request must carry a valid SigV4 signature
 * @param allowedClockSkew how far a signed request's X-Amz-Date may be from this node's clock
 */
public record HttpEndpointConfig(
        String bindAddress,
        int port,
        int maxBodyBytes,
        int workerThreads,
        int queueCapacity,
        Duration requestReadTimeout,
        Duration idleTimeout,
        Optional<String> advertisedAddress,
        Duration endpointCachePeriod,
        Map<String, String> credentials,
        Duration allowedClockSkew) {

    /** Strata's default port for the Timestream-compatible endpoint. */
    public static final int DEFAULT_PORT = 8087;
    /** 1 MiB: a full WriteRecords (100 records, each well under 2 KiB of values) fits several times. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    public HttpEndpointConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in 0..65535: " + port);
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1024: " + maxBodyBytes);
        }
        if (workerThreads < 1) {
            throw new IllegalArgumentException("workerThreads must be at least 1: " + workerThreads);
        }
        if (queueCapacity < 0) {
            throw new IllegalArgumentException("queueCapacity must be >= 0: " + queueCapacity);
        }
        requirePositive(requestReadTimeout, "requestReadTimeout");
        requirePositive(idleTimeout, "idleTimeout");
        requirePositive(endpointCachePeriod, "endpointCachePeriod");
        Objects.requireNonNull(advertisedAddress, "advertisedAddress");
        advertisedAddress.ifPresent(address -> {
            if (!address.startsWith("http://") && !address.startsWith("https://")) {
                // botocore prepends https:// to a scheme-less address, which breaks a plain-HTTP node.
                throw new IllegalArgumentException("advertisedAddress needs a scheme (http://host:port): " + address);
            }
        });
        credentials = Map.copyOf(credentials);
        credentials.forEach((accessKey, secret) -> {
            if (accessKey.isBlank() || secret.isBlank()) {
                throw new IllegalArgumentException("credentials need a non-blank access key id and secret");
            }
        });
        Objects.requireNonNull(allowedClockSkew, "allowedClockSkew");
        if (allowedClockSkew.isNegative()) {
            throw new IllegalArgumentException("allowedClockSkew must be >= 0: " + allowedClockSkew);
        }
    }

    /** Loopback, port {@value #DEFAULT_PORT}, 1 MiB bodies, 8 workers, 64 queued, no signature check. */
    public static HttpEndpointConfig defaults() {
        return new HttpEndpointConfig("127.0.0.1", DEFAULT_PORT, DEFAULT_MAX_BODY_BYTES, 8, 64,
                Duration.ofSeconds(30), Duration.ofMinutes(2), Optional.empty(), Duration.ofMinutes(1440),
                Map.of(), Duration.ofMinutes(5));
    }

    /** Whether requests must carry a valid SigV4 signature from one of {@link #credentials()}. */
    public boolean verifiesSignatures() {
        return !credentials.isEmpty();
    }

    public HttpEndpointConfig withPort(int newPort) {
        return new HttpEndpointConfig(bindAddress, newPort, maxBodyBytes, workerThreads, queueCapacity,
                requestReadTimeout, idleTimeout, advertisedAddress, endpointCachePeriod, credentials, allowedClockSkew);
    }

    public HttpEndpointConfig withWorkers(int threads, int queue) {
        return new HttpEndpointConfig(bindAddress, port, maxBodyBytes, threads, queue,
                requestReadTimeout, idleTimeout, advertisedAddress, endpointCachePeriod, credentials, allowedClockSkew);
    }

    public HttpEndpointConfig withMaxBodyBytes(int bytes) {
        return new HttpEndpointConfig(bindAddress, port, bytes, workerThreads, queueCapacity,
                requestReadTimeout, idleTimeout, advertisedAddress, endpointCachePeriod, credentials, allowedClockSkew);
    }

    public HttpEndpointConfig withTimeouts(Duration requestRead, Duration idle) {
        return new HttpEndpointConfig(bindAddress, port, maxBodyBytes, workerThreads, queueCapacity,
                requestRead, idle, advertisedAddress, endpointCachePeriod, credentials, allowedClockSkew);
    }

    public HttpEndpointConfig withCredentials(Map<String, String> accessKeySecrets, Duration clockSkew) {
        return new HttpEndpointConfig(bindAddress, port, maxBodyBytes, workerThreads, queueCapacity,
                requestReadTimeout, idleTimeout, advertisedAddress, endpointCachePeriod, accessKeySecrets, clockSkew);
    }

    public HttpEndpointConfig withAdvertisedAddress(String address) {
        return new HttpEndpointConfig(bindAddress, port, maxBodyBytes, workerThreads, queueCapacity,
                requestReadTimeout, idleTimeout, Optional.of(address), endpointCachePeriod, credentials, allowedClockSkew);
    }

    /** Never prints the secrets: configs end up in logs. */
    @Override
    public String toString() {
        return "HttpEndpointConfig[bindAddress=" + bindAddress + ", port=" + port + ", maxBodyBytes=" + maxBodyBytes
                + ", workerThreads=" + workerThreads + ", queueCapacity=" + queueCapacity
                + ", requestReadTimeout=" + requestReadTimeout + ", idleTimeout=" + idleTimeout
                + ", advertisedAddress=" + advertisedAddress + ", endpointCachePeriod=" + endpointCachePeriod
                + ", accessKeys=" + credentials.keySet() + ", allowedClockSkew=" + allowedClockSkew + "]";
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }
}
