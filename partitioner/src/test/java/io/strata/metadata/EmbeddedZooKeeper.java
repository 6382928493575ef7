package io.strata.metadata;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.apache.curator.utils.CloseableUtils;

/**
 * A real ZooKeeper server on a random port with its data in a test's temporary directory, and the
 * Curator clients connected to it. A short tick (250 ms) lets sessions expire within seconds, so
 * session-loss tests stay quick; the same directory and port survive {@link #restart()}.
 */
final class EmbeddedZooKeeper implements AutoCloseable {
    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(3);

    private final TestingServer server;
    private final List<CuratorFramework> clients = new ArrayList<>();

    EmbeddedZooKeeper(File dataDirectory) throws Exception {
        InstanceSpec spec = new InstanceSpec(dataDirectory, -1, -1, -1, false, -1, 250, -1);
        this.server = new TestingServer(spec, true);
    }

    CuratorFramework newClient() throws InterruptedException {
        CuratorFramework client = CuratorFrameworkFactory.builder()
                .connectString(server.getConnectString())
                .sessionTimeoutMs((int) SESSION_TIMEOUT.toMillis())
                .connectionTimeoutMs(2_000)
                .retryPolicy(new ExponentialBackoffRetry(100, 5, 1_000))
                .build();
        client.start();
        if (!client.blockUntilConnected(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no connection to the embedded ZooKeeper at " + server.getConnectString());
        }
        synchronized (clients) {
            clients.add(client);
        }
        return client;
    }

    void stop() throws Exception {
        server.stop();
    }

    void restart() throws Exception {
        server.restart();
    }

    @Override
    public void close() throws Exception {
        synchronized (clients) {
            clients.forEach(CloseableUtils::closeQuietly);
        }
        server.close();
    }
}
