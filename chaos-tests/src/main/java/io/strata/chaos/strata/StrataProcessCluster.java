package io.strata.chaos.strata;

import io.strata.chaos.cluster.ClusterNode;
import io.strata.chaos.cluster.ClusterUnderTest;
import io.strata.chaos.cluster.LocalProcessCluster;
import io.strata.chaos.cluster.NodeLaunch;
import io.strata.chaos.disk.TmpfsVolume;
import io.strata.chaos.network.NetworkHost;
import io.strata.chaos.network.NetworkPartitioner;
import io.strata.chaos.network.SocketRelay;
import io.strata.chaos.node.ObservedStrataServer;
import io.strata.chaos.node.ReplicaObserver.GroupLine;
import io.strata.chaos.process.ChildProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * ZooKeeper and N Strata node processes on this machine, each node in its own network namespace
 * when available (else on loopback), reachable from this JVM: in namespaces through a relay process
 * in a separate client namespace (never on a side of a partition) whose socket files this JVM turns
 * into loopback ports, so no address outside the run's namespaces is created.
 *
 * <p>A node process is {@link ObservedStrataServer}: {@code strata server}'s node plus a read-only
 * observer port. "Who leads group-i" asks every node's observer; the node that says it leads with
 * the highest term wins.
 *
 * <p>Single-threaded like {@link ClusterUnderTest}, except {@link #clientEndpoints()} and
 * {@link #observers()}, which are fixed after start and safe to share.
 */
public final class StrataProcessCluster implements ClusterUnderTest {
    private static final String CLIENT_HOST = "client";
    private static final List<String> ZONES = List.of("a", "b", "c");
    private static final Duration OBSERVER_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration RELAY_START = Duration.ofSeconds(60);

    /**
     * @param nodes 3 or more; zones a, b, c in turn (Raft groups need three zones)
     * @param groupCount Raft groups of the cluster
     * @param dataVolumeBytes tmpfs data directory per node (disk-full faults), 0 for plain directories
     * @param nodeJvmArguments extra JVM arguments of every node (heap, test-only switches)
     */
    public record Settings(int nodes, int groupCount, Path runDirectory, boolean useNamespaces, long dataVolumeBytes,
            List<String> nodeJvmArguments) {
        public Settings {
            if (nodes < 3) {
                throw new IllegalArgumentException("a Strata cluster needs at least 3 nodes (three zones), got " + nodes);
            }
            nodeJvmArguments = List.copyOf(nodeJvmArguments);
        }
    }

    private record Ports(int grpc, int raft, int http, int observer) {}

    private final LocalProcessCluster processes;
    private final Map<String, ObserverClient> observers;
    private final List<String> clientEndpoints;
    private final List<String> groups;

    private StrataProcessCluster(LocalProcessCluster processes, Map<String, ObserverClient> observers,
            List<String> clientEndpoints, List<String> groups) {
        this.processes = processes;
        this.observers = observers;
        this.clientEndpoints = clientEndpoints;
        this.groups = groups;
    }

    public static StrataProcessCluster start(Settings settings, PrintStream log) {
        Map<String, Ports> ports = new LinkedHashMap<>();
        List<LocalProcessCluster.NodeSpec> specs = new ArrayList<>();
        for (int i = 0; i < settings.nodes(); i++) {
            String name = "node-" + (i + 1);
            int[] free = freePorts(4);
            ports.put(name, new Ports(free[0], free[1], free[2], free[3]));
            specs.add(new LocalProcessCluster.NodeSpec(name, ZONES.get(i % ZONES.size()), free[0]));
        }
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < settings.groupCount(); i++) {
            groups.add("group-" + i);
        }
        AtomicReference<StrataProcessCluster> self = new AtomicReference<>();
        LocalProcessCluster.NodeCommand command = (node, launch, zookeeper) ->
                nodeCommand(settings, node, ports.get(node.name()), launch, zookeeper);
        LocalProcessCluster.Options options = new LocalProcessCluster.Options(specs, command, settings.runDirectory(),
                settings.dataVolumeBytes(), settings.useNamespaces(), freePorts(1)[0], groups,
                group -> self.get() == null ? Optional.empty() : self.get().leaderOf(group), List.of(CLIENT_HOST));
        LocalProcessCluster processes = LocalProcessCluster.start(options, log);
        try {
            Map<String, String> grpc = new LinkedHashMap<>();
            Map<String, String> observed = new LinkedHashMap<>();
            for (ClusterNode node : processes.nodes()) {
                String host = host(node);
                grpc.put(node.name(), host + ":" + ports.get(node.name()).grpc());
                observed.put(node.name(), host + ":" + ports.get(node.name()).observer());
            }
            Optional<NetworkHost> client = processes.host(CLIENT_HOST);
            if (client.isPresent()) {
                grpc = relayed(processes, client.get(), "grpc", grpc, settings.runDirectory(), log);
                observed = relayed(processes, client.get(), "observer", observed, settings.runDirectory(), log);
            }
            Map<String, ObserverClient> observers = new LinkedHashMap<>();
            observed.forEach((node, address) -> observers.put(node, new ObserverClient(address, OBSERVER_TIMEOUT)));
            StrataProcessCluster cluster = new StrataProcessCluster(processes, observers, List.copyOf(grpc.values()),
                    List.copyOf(groups));
            self.set(cluster);
            return cluster;
        } catch (RuntimeException e) {
            processes.close();
            throw e;
        }
    }

    private static List<String> nodeCommand(Settings settings, ClusterNode node, Ports ports, NodeLaunch launch,
            String zookeeper) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx384m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:ActiveProcessorCount=2"));
        String flags = System.getProperty("strata.jvm.flags", "");
        if (!flags.isBlank()) {
            command.addAll(Arrays.asList(flags.strip().split("\\s+")));
        }
        command.addAll(settings.nodeJvmArguments());
        command.addAll(launch.jvmArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ObservedStrataServer.class.getName());
        command.addAll(List.of("--node-id", node.name(), "--zone", node.zone(), "--zookeeper", zookeeper,
                "--data-dir", node.dataDirectory().toString(), "--host", host(node),
                "--grpc-port", Integer.toString(ports.grpc()), "--raft-port", Integer.toString(ports.raft()),
                "--http-port", Integer.toString(ports.http()), "--observer-port", Integer.toString(ports.observer()),
                "--groups", Integer.toString(settings.groupCount())));
        return command;
    }

    /**
     * Starts one relay process in the client namespace (socket file → node address) and, in this
     * JVM, one loopback port per socket file; returns node → loopback {@code host:port}.
     */
    private static Map<String, String> relayed(LocalProcessCluster processes, NetworkHost client, String purpose,
            Map<String, String> targets, Path runDirectory, PrintStream log) {
        Path sockets;
        try {
            // Socket file paths are limited to ~100 bytes: keep them short, outside the run directory.
            sockets = Files.createTempDirectory(Path.of("/tmp"), "strata-relay-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        processes.registerCleanup("relay sockets " + sockets, () -> {
            try (var files = Files.list(sockets)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(sockets);
        });
        List<String> arguments = new ArrayList<>();
        Map<String, Path> files = new LinkedHashMap<>();
        targets.forEach((node, address) -> {
            Path file = sockets.resolve(node + "." + purpose);
            files.put(node, file);
            arguments.add("unix:" + file + "=" + address);
        });
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                SocketRelay.class.getName()));
        command.addAll(arguments);
        ChildProcess relay = ChildProcess.start("relay-" + purpose, client.wrap(command), Map.of(), null,
                runDirectory.resolve("relay-" + purpose + ".log"));
        processes.registerCleanup("relay " + purpose + " pid " + relay.pid(), relay::close);
        long deadline = System.nanoTime() + RELAY_START.toNanos();
        while (!relay.hasLine(line -> line.startsWith("relay ready"))) {
            if (!relay.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the " + purpose + " relay did not start: " + relay.lines());
            }
            LockSupport.parkNanos(50_000_000L);
        }
        Map<String, String> local = new LinkedHashMap<>();
        files.forEach((node, file) -> {
            SocketRelay loopback = SocketRelay.start(new InetSocketAddress("127.0.0.1", 0),
                    SocketRelay.parse("unix:" + file));
            processes.registerCleanup("loopback relay to " + file, loopback::close);
            local.put(node, loopback.hostAndPort());
        });
        log.println("[cluster] " + purpose + " of " + targets + " reached through the client namespace at " + local);
        return local;
    }

    private static String host(ClusterNode node) {
        return node.address().substring(0, node.address().lastIndexOf(':'));
    }

    private static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // Only probing for a free port.
                }
            }
        }
    }

    /** gRPC endpoints this JVM can reach, one per node in node order. */
    public List<String> clientEndpoints() {
        return clientEndpoints;
    }

    /** Each node's observer, by node name, in node order. */
    public Map<String, ObserverClient> observers() {
        return observers;
    }

    public String networkMode() {
        return processes.networkMode();
    }

    /** The underlying processes (for their logs and pids). */
    public LocalProcessCluster processes() {
        return processes;
    }

    /** Whether every group has a node that leads it with a committed entry of its term. */
    public boolean everyGroupLed() {
        for (String group : groups) {
            if (leaderOf(group).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public List<ClusterNode> nodes() {
        return processes.nodes();
    }

    @Override
    public void start(String node, NodeLaunch launch) {
        processes.start(node, launch);
    }

    @Override
    public void kill(String node) {
        processes.kill(node);
    }

    @Override
    public void pause(String node) {
        processes.pause(node);
    }

    @Override
    public void resume(String node) {
        processes.resume(node);
    }

    @Override
    public boolean running(String node) {
        return processes.running(node);
    }

    @Override
    public List<String> groups() {
        return groups;
    }

    @Override
    public Optional<String> leaderOf(String group) {
        int index = Integer.parseInt(group.substring("group-".length()));
        record Claim(String node, long term) {}
        List<Claim> claims = new ArrayList<>();
        observers.forEach((node, observer) -> {
            if (!processes.running(node)) {
                return;
            }
            for (GroupLine line : observer.status().orElse(List.of())) {
                if (line.group() == index && line.leader() && line.leaderReady()) {
                    claims.add(new Claim(node, line.term()));
                }
            }
        });
        return claims.stream().max(Comparator.comparingLong(Claim::term)).map(Claim::node);
    }

    @Override
    public void stopZooKeeper() {
        processes.stopZooKeeper();
    }

    @Override
    public void startZooKeeper() {
        processes.startZooKeeper();
    }

    @Override
    public Optional<NetworkPartitioner> network() {
        return processes.network();
    }

    @Override
    public Optional<TmpfsVolume> dataVolume(String node) {
        return processes.dataVolume(node);
    }

    @Override
    public void healAll() {
        processes.healAll();
    }

    @Override
    public void close() {
        processes.close();
    }
}
