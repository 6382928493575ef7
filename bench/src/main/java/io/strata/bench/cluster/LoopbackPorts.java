package io.strata.bench.cluster;

import io.strata.server.dev.DevCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.random.RandomGenerator;

/** Free loopback ports for the clusters a benchmark starts, so runs never collide with a developer's own. */
final class LoopbackPorts {
    private LoopbackPorts() {}

    /** A port free now (the OS picks it). */
    static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An offset for {@code strata dev --port-offset} whose every port (gRPC, Raft, HTTP, ZooKeeper) is free. */
    static int freeDevOffset(RandomGenerator random) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int offset = 20_000 + random.nextInt(300) * 100;
            if (devPortsFree(offset)) {
                return offset;
            }
        }
        throw new IllegalStateException("no free port range for a dev cluster");
    }

    private static boolean devPortsFree(int offset) {
        for (int first : new int[] {DevCluster.FIRST_GRPC_PORT, DevCluster.FIRST_RAFT_PORT, DevCluster.FIRST_HTTP_PORT}) {
            for (int i = 0; i < 3; i++) {
                if (!isFree(first + offset + i)) {
                    return false;
                }
            }
        }
        return isFree(DevCluster.ZOOKEEPER_PORT + offset);
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
