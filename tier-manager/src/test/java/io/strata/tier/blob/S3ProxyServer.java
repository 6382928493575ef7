package io.strata.tier.blob;

import java.net.URI;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3 endpoint for tests: s3proxy's HTTP server on a free loopback port, with jclouds'
 * transient backend. Not the filesystem backends: under a concurrent overwrite, jclouds' "filesystem"
 * served a GET whose length came from one version and bytes from the other (1 run in 4), and
 * s3proxy's "filesystem-nio2" answered 500 to listings after an aborted upload. Real S3 does
 * neither, and the contract test must not fail for the stand-in's bugs.
 */
public final class S3ProxyServer implements AutoCloseable {
    static final String ACCESS_KEY_ID = "strata-test-access";
    static final String SECRET_ACCESS_KEY = "strata-test-secret";
    static final String REGION = "us-east-1";

    private final BlobStoreContext context;
    private final S3Proxy proxy;

    private S3ProxyServer(BlobStoreContext context, S3Proxy proxy) {
        this.context = context;
        this.proxy = proxy;
    }

    public static S3ProxyServer start() throws Exception {
        BlobStoreContext context = ContextBuilder.newBuilder("transient")
                .credentials(ACCESS_KEY_ID, SECRET_ACCESS_KEY)
                .build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY_ID, SECRET_ACCESS_KEY)
                .build();
        proxy.start();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "STARTED".equals(proxy.getState()));
        return new S3ProxyServer(context, proxy);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    public void createBucket(String bucket) {
        context.getBlobStore().createContainerInLocation(null, bucket);
    }

    public void deleteBucket(String bucket) {
        context.getBlobStore().deleteContainer(bucket);
    }

    public S3BlobStoreConfiguration configuration(String bucket) {
        return S3BlobStoreConfiguration.of(endpoint(), REGION, ACCESS_KEY_ID, SECRET_ACCESS_KEY, bucket);
    }

    @Override
    public void close() throws Exception {
        try {
            proxy.stop();
        } finally {
            context.close();
        }
    }
}
