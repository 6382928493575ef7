package io.strata.chaos.cluster;

import io.strata.chaos.disk.TmpfsVolume;
import io.strata.chaos.network.NamespaceNetwork;
import io.strata.chaos.network.NamespaceSupport;
import io.strata.chaos.network.NetworkHost;
import io.strata.chaos.network.NetworkPartitioner;
import io.strata.chaos.process.ChildProcess;
import io.strata.chaos.process.JavaCommand;
import io.strata.chaos.process.Teardown;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A cluster of node processes on this machine: each node in its own network namespace when the
 * machine allows it (else all on loopback, said in {@link #networkMode()}), optionally on a small
 * tmpfs data directory, with ZooKeeper as its own process. What a node runs is a {@link NodeCommand}:
 * {@code strata server ...} for the real cluster, a dummy for the harness's own tests.
 *
 * <p>Single-threaded like its interface. Everything is undone by {@link #close()} through a
 * {@link Teardown}, also on JVM exit.
 */
public final class LocalProcessCluster implements ClusterUnderTest {
    /** Builds a node's command line; must put {@link NodeLaunch#jvmArguments()} on the JVM it starts. */
    @FunctionalInterface
    public interface NodeCommand {
        List<String> command(ClusterNode node, NodeLaunch launch, String zookeeperAddress);
    }

    public record NodeSpec(String name, String zone, int port) {}

    /**
     * @param dataVolumeBytes size of each node's tmpfs data directory; 0 for plain directories
     * @param zookeeperPort 0 to run no ZooKeeper
     * @param leaders "who leads" query for a group, for leader kills; empty groups if unknown
     * @param auxiliaryHosts more hosts on the network that are no node (a client host); never on a
     *     side of a partition, so they reach every node
     */
    public record Options(List<NodeSpec> nodes, NodeCommand command, Path runDirectory, long dataVolumeBytes,
            boolean useNamespaces, int zookeeperPort, List<String> groups, Function<String, Optional<String>> leaders,
            List<String> auxiliaryHosts) {
        public Options {
            nodes = List.copyOf(nodes);
            groups = List.copyOf(groups);
            auxiliaryHosts = List.copyOf(auxiliaryHosts);
        }

        public Options(List<NodeSpec> nodes, NodeCommand command, Path runDirectory, long dataVolumeBytes,
                boolean useNamespaces, int zookeeperPort, List<String> groups, Function<String, Optional<String>> leaders) {
            this(nodes, command, runDirectory, dataVolumeBytes, useNamespaces, zookeeperPort, groups, leaders, List.of());
        }
    }

    private static final String ZOOKEEPER = "zookeeper";

    private final Options options;
    private final PrintStream log;
    private final Teardown teardown = new Teardown();
    private final Map<String, ClusterNode> nodes = new LinkedHashMap<>();
    private final Map<String, ChildProcess> processes = new HashMap<>();
    private final Map<String, TmpfsVolume> volumes = new HashMap<>();
    private final Map<String, Boolean> paused = new HashMap<>();
    private final NamespaceNetwork network;
    private final String networkMode;
    private final String zookeeperAddress;
    private ChildProcess zookeeper;

    private LocalProcessCluster(Options options, PrintStream log) {
        this.options = options;
        this.log = log;
        NamespaceNetwork created = null;
        String mode;
        if (options.useNamespaces()) {
            NamespaceSupport support = NamespaceSupport.probe();
            if (support.available()) {
                List<String> names = new ArrayList<>(options.nodes().stream().map(NodeSpec::name).toList());
                names.add(ZOOKEEPER);
                names.addAll(options.auxiliaryHosts());
                created = NamespaceNetwork.create(names, teardown);
                mode = "network namespaces on bridge " + created.bridge();
            } else {
                mode = "loopback fallback (" + support.reason() + "): partitions are skipped, process faults only";
            }
        } else {
            mode = "loopback (namespaces not requested): partitions are skipped, process faults only";
        }
        this.network = created;
        this.networkMode = mode;
        log.println("[cluster] network: " + mode);
        this.zookeeperAddress = addressOf(ZOOKEEPER, options.zookeeperPort());
        for (NodeSpec spec : options.nodes()) {
            Path data = options.runDirectory().resolve(spec.name()).resolve("data");
            if (options.dataVolumeBytes() > 0) {
                volumes.put(spec.name(), TmpfsVolume.mount(data, options.dataVolumeBytes(), teardown));
            } else {
                createDirectories(data);
            }
            nodes.put(spec.name(), new ClusterNode(spec.name(), spec.zone(), addressOf(spec.name(), spec.port()), data));
        }
    }

    /** Creates the hosts and volumes, starts ZooKeeper (if any) and every node. */
    public static LocalProcessCluster start(Options options, PrintStream log) {
        LocalProcessCluster cluster = new LocalProcessCluster(options, log);
        try {
            if (options.zookeeperPort() > 0) {
                cluster.startZooKeeper();
            }
            for (String node : cluster.nodes.keySet()) {
                cluster.start(node, NodeLaunch.normal());
            }
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** A host of the namespace network (a node, ZooKeeper or an auxiliary host); empty on loopback. */
    public Optional<NetworkHost> host(String name) {
        return network == null ? Optional.empty() : Optional.of(network.host(name));
    }

    /** Registers something else to undo when the cluster closes (newest first, before the hosts go). */
    public void registerCleanup(String what, Teardown.Action action) {
        teardown.register(what, action);
    }

    public String networkMode() {
        return networkMode;
    }

    /** The live process of a node, for observing it. */
    public Optional<ChildProcess> process(String node) {
        return Optional.ofNullable(processes.get(node));
    }

    @Override
    public List<ClusterNode> nodes() {
        return List.copyOf(nodes.values());
    }

    @Override
    public void start(String node, NodeLaunch launch) {
        ClusterNode spec = node(node);
        if (running(node)) {
            return;
        }
        List<String> command = wrap(node, options.command().command(spec, launch, zookeeperAddress));
        ChildProcess process = ChildProcess.start(node, command, launch.environment(), null,
                options.runDirectory().resolve(node).resolve("node.log"));
        teardown.register("node " + node + " pid " + process.pid(), process::close);
        processes.put(node, process);
        paused.put(node, false);
    }

    @Override
    public void kill(String node) {
        ChildProcess process = processes.get(node(node).name());
        if (process != null) {
            process.kill();
        }
        paused.put(node, false);
    }

    @Override
    public void pause(String node) {
        if (running(node)) {
            processes.get(node).pause();
            paused.put(node, true);
        }
    }

    @Override
    public void resume(String node) {
        if (running(node) && paused.getOrDefault(node, false)) {
            processes.get(node).resume();
            paused.put(node, false);
        }
    }

    @Override
    public boolean running(String node) {
        ChildProcess process = processes.get(node(node).name());
        return process != null && process.isAlive();
    }

    @Override
    public List<String> groups() {
        return options.groups();
    }

    @Override
    public Optional<String> leaderOf(String group) {
        return options.leaders().apply(group);
    }

    @Override
    public void stopZooKeeper() {
        if (zookeeper != null) {
            zookeeper.kill();
        }
    }

    @Override
    public void startZooKeeper() {
        if (options.zookeeperPort() <= 0 || (zookeeper != null && zookeeper.isAlive())) {
            return;
        }
        Path directory = options.runDirectory().resolve(ZOOKEEPER);
        createDirectories(directory.resolve("data"));
        List<String> command = JavaCommand.of("org.apache.zookeeper.server.ZooKeeperServerMain",
                List.of("-Dzookeeper.admin.enableServer=false"),
                List.of(Integer.toString(options.zookeeperPort()), directory.resolve("data").toString()));
        zookeeper = ChildProcess.start(ZOOKEEPER, wrap(ZOOKEEPER, command), Map.of(), null, directory.resolve("zookeeper.log"));
        teardown.register("zookeeper pid " + zookeeper.pid(), zookeeper::close);
    }

    public boolean zookeeperRunning() {
        return zookeeper != null && zookeeper.isAlive();
    }

    @Override
    public Optional<NetworkPartitioner> network() {
        return Optional.ofNullable(network);
    }

    @Override
    public Optional<TmpfsVolume> dataVolume(String node) {
        return Optional.ofNullable(volumes.get(node(node).name()));
    }

    @Override
    public void healAll() {
        if (network != null) {
            network.heal();
        }
        volumes.values().forEach(TmpfsVolume::release);
        startZooKeeper();
        for (String node : nodes.keySet()) {
            resume(node);
            start(node, NodeLaunch.normal());
        }
    }

    @Override
    public void close() {
        teardown.close();
    }

    private ClusterNode node(String name) {
        ClusterNode node = nodes.get(name);
        if (node == null) {
            throw new IllegalArgumentException("no node " + name + " in " + nodes.keySet());
        }
        return node;
    }

    private String addressOf(String name, int port) {
        return (network == null ? "127.0.0.1" : network.host(name).address()) + ":" + port;
    }

    private List<String> wrap(String name, List<String> command) {
        if (network == null) {
            return command;
        }
        NetworkHost host = network.host(name);
        return host.wrap(command);
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
