package io.strata.server.dev;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;

/**
 * A standalone ZooKeeper server inside this JVM, for {@code strata dev}: ZooKeeper's own
 * {@link ZooKeeperServer} and connection factory (curator-test's server would drag JUnit into the
 * runtime), data and transaction log under one directory so a restart finds the catalog again.
 */
public final class EmbeddedZooKeeper implements AutoCloseable {
    private static final int TICK_MILLIS = 2000;
    private static final int MAXIMUM_CLIENT_CONNECTIONS = 200;

    private final ZooKeeperServer server;
    private final ServerCnxnFactory connections;

    private EmbeddedZooKeeper(ZooKeeperServer server, ServerCnxnFactory connections) {
        this.server = server;
        this.connections = connections;
    }

    /** Starts serving {@code host:port} with its files under {@code directory}. */
    public static EmbeddedZooKeeper start(String host, int port, Path directory) throws IOException {
        Files.createDirectories(directory);
        ZooKeeperServer server = new ZooKeeperServer(directory.resolve("snapshots").toFile(),
                directory.resolve("log").toFile(), TICK_MILLIS);
        ServerCnxnFactory connections = ServerCnxnFactory.createFactory(new InetSocketAddress(host, port),
                MAXIMUM_CLIENT_CONNECTIONS);
        try {
            connections.startup(server);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            connections.shutdown();
            throw new IOException("Interrupted while starting ZooKeeper", e);
        }
        return new EmbeddedZooKeeper(server, connections);
    }

    public String connectString() {
        InetSocketAddress address = connections.getLocalAddress();
        return address.getHostString() + ":" + address.getPort();
    }

    @Override
    public void close() {
        connections.shutdown();
        server.shutdown(true);
    }
}
