package io.strata.raft;

import static org.awaitility.Awaitility.await;

import io.strata.raft.client.GroupClient;
import io.strata.raft.server.GroupStatus;
import io.strata.raft.server.RaftNode;
import io.strata.raft.server.RaftNodeSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Three real {@link RaftNode}s on loopback (gRPC, free ports, storage in a temporary directory),
 * each with its own {@link CommandLogShards}. Nodes can be stopped and restarted on the same
 * port and storage.
 */
final class ThreeNodeCluster implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(45);

    private final List<RaftNodeSettings> settings = new ArrayList<>();
    private final RaftNode[] nodes = new RaftNode[3];
    private final CommandLogShards[] shards = new CommandLogShards[3];
    private final List<GroupClient> clients = new ArrayList<>();

    ThreeNodeCluster(Path root, UnaryOperator<RaftNodeSettings> tuning) throws IOException {
        for (int i = 0; i < 3; i++) {
            NodeEndpoint endpoint = new NodeEndpoint("node-" + i, "127.0.0.1", freePort());
            settings.add(tuning.apply(RaftNodeSettings.defaults(endpoint, root.resolve("node-" + i))));
        }
        for (int i = 0; i < 3; i++) {
            start(i);
        }
    }

    List<NodeEndpoint> endpoints() {
        return settings.stream().map(RaftNodeSettings::endpoint).toList();
    }

    void addGroup(GroupId groupId) throws IOException {
        for (RaftNode node : nodes) {
            node.addGroup(groupId, endpoints());
        }
    }

    RaftNode node(int i) {
        return nodes[i];
    }

    void stop(int i) throws IOException {
        nodes[i].close();
        nodes[i] = null;
    }

    void start(int i) throws IOException {
        shards[i] = new CommandLogShards();
        nodes[i] = new RaftNode(settings.get(i), shards[i]);
        nodes[i].start();
    }

    boolean isRunning(int i) {
        return nodes[i] != null;
    }

    GroupClient client(GroupId groupId, Duration timeout) {
        GroupClient client = new GroupClient(groupId, endpoints(), timeout);
        clients.add(client);
        return client;
    }

    /** Waits until one running node leads the group and has committed in its term. */
    int awaitLeader(GroupId groupId) {
        return await("a leader of " + groupId).atMost(WAIT).until(() -> leader(groupId), Optional::isPresent).get();
    }

    Optional<Integer> leader(GroupId groupId) {
        return IntStream.range(0, 3).filter(i -> isRunning(i) && nodes[i].isLeader(groupId)).boxed().findFirst();
    }

    int anyFollower(GroupId groupId, int leader) {
        return IntStream.range(0, 3).filter(i -> i != leader && isRunning(i)).findFirst().orElseThrow();
    }

    List<String> contents(int i, GroupId groupId) {
        return shards[i].shard(groupId).map(CommandLogShard::contents).orElse(List.of());
    }

    CommandLogShard shard(int i, GroupId groupId) {
        return shards[i].shard(groupId).orElseThrow();
    }

    GroupStatus status(int i, GroupId groupId) {
        return nodes[i].status(groupId).orElseThrow();
    }

    /** Ratis keeps a group's log segments in {@code <storage>/<group uuid>/current}. */
    long logDirectoryBytes(int i, GroupId groupId) {
        return directoryBytes(groupDirectory(i, groupId).resolve("current"));
    }

    Path groupDirectory(int i, GroupId groupId) {
        return settings.get(i).storageDirectory().resolve(groupId.uuid().toString());
    }

    static long directoryBytes(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0; // a segment purged while walking
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        for (GroupClient client : clients) {
            client.close();
        }
        for (int i = 0; i < 3; i++) {
            if (nodes[i] != null) {
                stop(i);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
