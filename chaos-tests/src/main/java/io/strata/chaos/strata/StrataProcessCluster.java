package io.strata.chaos.strata;

import io.strata.chaos.cluster.ClusterNode;
import io.strata.chaos.cluster.ClusterUnderTest;
import io.strata.chaos.cluster.LocalProcessCluster;
import io.strata.chaos.cluster.NodeLaunch;
import io.strata.chaos.disk.TmpfsVolume;
import io.strata.chaos.network.NetworkHost;
import io.strata.chaos.network.NetworkPartitioner;
import io.strata.chaos.network.SocketRelay;
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
 * <p>A node process is {@code bin/strata server}, the command users run, from the repository this
 * module was built in (its {@code server/target/strata-server.jar}, packaged by the reactor before
 * this module's tests). JVM options (heap, test-only switches, {@code -Dstrata.clock.skew}) go
 * through {@code STRATA_JAVA_OPTS}. What each node's replicas hold and which groups it leads come
 * from the node's own {@code ReplicaInspectionService} on its gRPC port; "who leads group-i" asks
 * every node, and the node that says it leads (leader-ready) with the highest term wins.
 *
 * <p>Single-threaded like {@link ClusterUnderTest}, except {@link #clientEndpoints()} and
 * {@link #replicaInspection()}, which are fixed after start and safe to share.
 */
public final class StrataProcessCluster implements ClusterUnderTest {
    private static final String CLIENT_HOST = "client";
    private static final List<String> ZONES = List.of("a", "b", "c");
    private static final Duration INSPECTION_TIMEOUT = Duration.ofSeconds(3);
    /** Heap and JIT of a node: eight engineers share two cores and a few GB. */
    private static final List<String> NODE_JVM_OPTIONS = List.of("-Xmx384m", "-Xss512k", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:ActiveProcessorCount=2");
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

    private record Ports(int grpc, int raft, int http) {}

    private final LocalProcessCluster processes;
    private final Map<String, ReplicaInspectionClient> replicaInspection;
    private final List<String> clientEndpoints;
    private final List<String> groups;

    private StrataProcessCluster(LocalProcessCluster processes, Map<String, ReplicaInspectionClient> replicaInspection,
            List<String> clientEndpoints, List<String> groups) {
        this.processes = processes;
        this.replicaInspection = replicaInspection;
        this.clientEndpoints = clientEndpoints;
        this.groups = groups;
    }

    public static StrataProcessCluster start(Settings settings, PrintStream log) {
        Path strata = strataCommand();
        Map<String, Ports> ports = new LinkedHashMap<>();
        List<LocalProcessCluster.NodeSpec> specs = new ArrayList<>();
        for (int i = 0; i < settings.nodes(); i++) {
            String name = "node-" + (i + 1);
            int[] free = freePorts(3);
            ports.put(name, new Ports(free[0], free[1], free[2]));
            specs.add(new LocalProcessCluster.NodeSpec(name, ZONES.get(i % ZONES.size()), free[0]));
        }
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < settings.groupCount(); i++) {
            groups.add("group-" + i);
        }
        AtomicReference<StrataProcessCluster> self = new AtomicReference<>();
        LocalProcessCluster.NodeCommand command = (node, launch, zookeeper) ->
                nodeCommand(strata, settings, node, ports.get(node.name()), launch, zookeeper);
        LocalProcessCluster.Options options = new LocalProcessCluster.Options(specs, command, settings.runDirectory(),
                settings.dataVolumeBytes(), settings.useNamespaces(), freePorts(1)[0], groups,
                group -> self.get() == null ? Optional.empty() : self.get().leaderOf(group), List.of(CLIENT_HOST));
        LocalProcessCluster processes = LocalProcessCluster.start(options, log);
        try {
            Map<String, String> grpc = new LinkedHashMap<>();
            for (ClusterNode node : processes.nodes()) {
                grpc.put(node.name(), host(node) + ":" + ports.get(node.name()).grpc());
            }
            Optional<NetworkHost> client = processes.host(CLIENT_HOST);
            if (client.isPresent()) {
                grpc = relayed(processes, client.get(), "grpc", grpc, settings.runDirectory(), log);
            }
            Map<String, ReplicaInspectionClient> inspection = new LinkedHashMap<>();
            grpc.forEach((node, address) -> {
                ReplicaInspectionClient replicas = new ReplicaInspectionClient(address, settings.groupCount(),
                        INSPECTION_TIMEOUT);
                processes.registerCleanup("replica inspection channel to " + node, replicas::close);
                inspection.put(node, replicas);
            });
            StrataProcessCluster cluster = new StrataProcessCluster(processes, inspection, List.copyOf(grpc.values()),
                    List.copyOf(groups));
            self.set(cluster);
            return cluster;
        } catch (RuntimeException e) {
            processes.close();
            throw e;
        }
    }

    /**
     * {@code env JAVA_HOME=… STRATA_JAVA_OPTS=… bin/strata server …}: {@code env} and the script both
     * exec, so the process the harness kills, pauses and waits for is the node's JVM itself.
     */
    private static List<String> nodeCommand(Path strata, Settings settings, ClusterNode node, Ports ports,
            NodeLaunch launch, String zookeeper) {
        List<String> javaOptions = new ArrayList<>(NODE_JVM_OPTIONS);
        javaOptions.addAll(settings.nodeJvmArguments());
        javaOptions.addAll(launch.jvmArguments());
        for (String option : javaOptions) {
            if (option.isBlank() || option.chars().anyMatch(Character::isWhitespace)) {
                // bin/strata splits STRATA_JAVA_OPTS on white space.
                throw new IllegalArgumentException("a node JVM option must be one word: '" + option + "'");
            }
        }
        List<String> command = new ArrayList<>(List.of("env", "JAVA_HOME=" + System.getProperty("java.home"),
                "STRATA_JAVA_OPTS=" + String.join(" ", javaOptions), strata.toString(), "server"));
        command.addAll(List.of("--node-id", node.name(), "--zone", node.zone(), "--zookeeper", zookeeper,
                "--data-dir", node.dataDirectory().toString(), "--host", host(node),
                "--grpc-port", Integer.toString(ports.grpc()), "--raft-port", Integer.toString(ports.raft()),
                "--http-port", Integer.toString(ports.http()), "--metrics-port", "0",
                "--groups", Integer.toString(settings.groupCount())));
        return command;
    }

    /**
     * The repository's {@code bin/strata} ({@code -Dstrata.home}, else the first of the working
     * directory and its parents that has it). Its server jar must exist: the reactor build
     * ({@code ./mvnw -pl chaos-tests -am verify}) packages it before these tests; the script would
     * otherwise start a Maven build of its own from inside a test.
     */
    static Path strataCommand() {
        String configured = System.getProperty("strata.home");
        Path directory = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        while (directory != null && !Files.isExecutable(directory.resolve("bin/strata"))) {
            directory = configured != null ? null : directory.getParent();
        }
        if (directory == null) {
            throw new IllegalStateException("no bin/strata in " + (configured != null ? configured
                    : "the working directory or its parents") + "; set -Dstrata.home to the repository root");
        }
        Path jar = directory.resolve("server/target/strata-server.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: build through the reactor, "
                    + "./mvnw -T1 -B -pl chaos-tests -am verify, which packages the server first");
        }
        return directory.resolve("bin/strata");
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

    /** Each node's replica inspection (its own replicas and groups), by node name, in node order. */
    public Map<String, ReplicaInspectionClient> replicaInspection() {
        return replicaInspection;
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
        replicaInspection.forEach((node, replicas) -> {
            if (!processes.running(node)) {
                return;
            }
            for (LocalGroup line : replicas.localGroups().orElse(List.of())) {
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
