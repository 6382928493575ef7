package io.strata.tier.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.AccessDeniedException;
import io.strata.core.error.ResourceNotFoundException;
import io.strata.core.error.ServiceUnavailableException;
import io.strata.core.error.ValidationException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract on a real S3 endpoint (s3proxy), plus what only S3 has: buckets, credentials, pages. */
class S3BlobStoreTest extends BlobStoreContractTest {
    private static final String BUCKET = "strata-blobs";
    private static final AtomicInteger TEST_NUMBER = new AtomicInteger();

    private static S3ProxyServer server;

    @BeforeAll
    static void startS3Proxy() throws Exception {
        server = S3ProxyServer.start();
        server.createBucket(BUCKET);
    }

    @AfterAll
    static void stopS3Proxy() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** Each test gets its own key prefix in the shared bucket: a fresh, empty store. */
    @Override
    protected BlobStore newStore() {
        return S3BlobStore.open(server.configuration(BUCKET).withKeyPrefix("test-" + TEST_NUMBER.incrementAndGet() + "/"));
    }

    @Test
    void keyPrefixesIsolateStoresSharingABucket() {
        BlobKey key = BlobKey.of("segments/a.seg");
        try (BlobStore other = S3BlobStore.open(server.configuration(BUCKET).withKeyPrefix("other-cluster/data/"))) {
            other.put(key, "other".getBytes(StandardCharsets.UTF_8));
            store.put(key, "mine".getBytes(StandardCharsets.UTF_8));

            assertThat(store.get(key)).asString(StandardCharsets.UTF_8).isEqualTo("mine");
            assertThat(other.get(key)).asString(StandardCharsets.UTF_8).isEqualTo("other");
            assertThat(other.list("")).containsExactly(key);
            other.delete(key);
            assertThat(store.exists(key)).isTrue();
        }
    }

    @Test
    void listFollowsEveryPage() {
        List<BlobKey> keys = IntStream.range(0, 23).mapToObj(i -> BlobKey.of(String.format("p/k%03d", i))).toList();
        keys.forEach(key -> store.put(key, new byte[] {1}));

        String keyPrefix = ((S3BlobStore) store).configuration().keyPrefix();
        try (BlobStore paged = S3BlobStore.open(server.configuration(BUCKET).withKeyPrefix(keyPrefix).withListPageSize(5))) {
            assertThat(paged.list("p/")).containsExactlyElementsOf(keys);
            assertThat(paged.list("p/k01")).hasSize(10);
        }
    }

    @Test
    void missingBucketFailsAtOpenWithItsName() {
        assertThatThrownBy(() -> S3BlobStore.open(server.configuration("no-such-bucket")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("S3 bucket 'no-such-bucket' does not exist");
    }

    @Test
    void refusedCredentialsFailAtOpenAsAccessDenied() {
        S3BlobStoreConfiguration wrongSecret =
                server.configuration(BUCKET).withCredentials(S3ProxyServer.ACCESS_KEY_ID, "not-the-secret");

        assertThatThrownBy(() -> S3BlobStore.open(wrongSecret))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("Access denied to bucket 'strata-blobs'");
    }

    @Test
    void bucketDeletedUnderAnOpenStoreIsReported() {
        String bucket = "short-lived";
        server.createBucket(bucket);
        try (BlobStore doomed = S3BlobStore.open(server.configuration(bucket))) {
            doomed.put(BlobKey.of("a"), new byte[] {1});
            doomed.delete(BlobKey.of("a"));
            server.deleteBucket(bucket);

            assertThatThrownBy(() -> doomed.put(BlobKey.of("b"), new byte[] {2}))
                    .isInstanceOf(ResourceNotFoundException.class)
                    .hasMessageContaining("S3 bucket 'short-lived' does not exist");
            assertThatThrownBy(() -> doomed.list(""))
                    .isInstanceOf(ResourceNotFoundException.class)
                    .hasMessageContaining("S3 bucket 'short-lived' does not exist");
        }
    }

    @Test
    void unreachableEndpointIsServiceUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        S3BlobStoreConfiguration nowhere = S3BlobStoreConfiguration.of(URI.create("http://127.0.0.1:" + closedPort),
                S3ProxyServer.REGION, S3ProxyServer.ACCESS_KEY_ID, S3ProxyServer.SECRET_ACCESS_KEY, BUCKET);

        assertThatThrownBy(() -> S3BlobStore.open(nowhere))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("Cannot reach S3 at http://127.0.0.1:" + closedPort);
    }

    @Test
    void configurationIsValidatedAtTheBoundary() {
        assertThatThrownBy(() -> server.configuration("Not_A_Bucket")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> server.configuration(BUCKET).withKeyPrefix("no-slash"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> server.configuration(BUCKET).withListPageSize(0)).isInstanceOf(ValidationException.class);
        assertThat(server.configuration(BUCKET).toString()).doesNotContain(S3ProxyServer.SECRET_ACCESS_KEY);
    }
}
