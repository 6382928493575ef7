package io.strata.chaos.network;

import io.strata.chaos.process.CommandResult;
import io.strata.chaos.process.HostCommand;
import io.strata.chaos.process.Teardown;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * N hosts built from network namespaces, each joined to one bridge by a veth pair, with addresses
 * from a private /24 that exist <em>only inside those namespaces</em> (the bridge itself has no
 * address, so the host's own routing is untouched).
 *
 * <p>Partitions are iptables DROP rules inside the namespaces (INPUT and OUTPUT, by peer address),
 * so nothing changes in the host's firewall; {@link #disconnect} takes a host's veth down instead.
 * Everything is registered with the run's {@link Teardown}: processes left in the namespaces are
 * killed, the namespaces (and with them their veth ends) and the bridge are deleted. Namespaces left
 * behind by a crashed earlier run of a dead JVM are swept when a network is created.
 *
 * <p>Not thread-safe: one nemesis drives it at a time.
 */
public final class NamespaceNetwork implements NetworkPartitioner {
    private static final String PREFIX = "strata-";
    private static final AtomicInteger NETWORKS = new AtomicInteger();
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private final String bridge;
    private final Map<String, NetworkHost> hosts;
    private final Map<String, String> hostInterfaces;

    private NamespaceNetwork(String bridge, Map<String, NetworkHost> hosts, Map<String, String> hostInterfaces) {
        this.bridge = bridge;
        this.hosts = hosts;
        this.hostInterfaces = hostInterfaces;
    }

    /** Creates the hosts named {@code names}; fails if namespaces are unavailable (probe first). */
    public static NamespaceNetwork create(List<String> names, Teardown teardown) {
        sweepLeftovers();
        long pid = ProcessHandle.current().pid();
        int network = NETWORKS.getAndIncrement();
        // Interface names are at most 15 characters: a short tag unique per JVM and network.
        String tag = Long.toString(pid % 46_656, 36) + Integer.toString(network % 36, 36);
        String bridge = "sb" + tag;
        String subnet = "10.213." + (1 + (int) ((pid * 31 + network) % 250));
        exec("ip", "link", "add", bridge, "type", "bridge");
        teardown.register("bridge " + bridge, () -> HostCommand.run(COMMAND_TIMEOUT, List.of("ip", "link", "del", bridge)));
        exec("ip", "link", "set", bridge, "up");

        Map<String, NetworkHost> hosts = new LinkedHashMap<>();
        Map<String, String> hostInterfaces = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String namespace = PREFIX + pid + "-" + network + "-" + i;
            String outside = "sv" + tag + "x" + i;
            String inside = "sv" + tag + "y" + i;
            String address = subnet + "." + (i + 1);
            exec("ip", "netns", "add", namespace);
            teardown.register("namespace " + namespace, () -> deleteNamespace(namespace));
            exec("ip", "link", "add", outside, "type", "veth", "peer", "name", inside, "netns", namespace);
            exec("ip", "link", "set", outside, "master", bridge);
            exec("ip", "link", "set", outside, "up");
            exec("ip", "netns", "exec", namespace, "ip", "link", "set", "lo", "up");
            exec("ip", "netns", "exec", namespace, "ip", "addr", "add", address + "/24", "dev", inside);
            exec("ip", "netns", "exec", namespace, "ip", "link", "set", inside, "up");
            hosts.put(names.get(i), new NetworkHost(names.get(i), namespace, address));
            hostInterfaces.put(names.get(i), outside);
        }
        return new NamespaceNetwork(bridge, hosts, hostInterfaces);
    }

    /** The bridge device in the host namespace that joins the hosts. */
    public String bridge() {
        return bridge;
    }

    public List<NetworkHost> hosts() {
        return List.copyOf(hosts.values());
    }

    public NetworkHost host(String name) {
        NetworkHost host = hosts.get(name);
        if (host == null) {
            throw new IllegalArgumentException("no host " + name + " in " + hosts.keySet());
        }
        return host;
    }

    @Override
    public void partition(List<Set<String>> sides) {
        heal();
        Set<String> seen = new HashSet<>();
        for (Set<String> side : sides) {
            for (String name : side) {
                host(name);
                if (!seen.add(name)) {
                    throw new IllegalArgumentException(name + " is on two sides of the partition");
                }
            }
        }
        for (int a = 0; a < sides.size(); a++) {
            for (int b = 0; b < sides.size(); b++) {
                if (a == b) {
                    continue;
                }
                for (String inside : sides.get(a)) {
                    for (String other : sides.get(b)) {
                        drop(host(inside), host(other).address());
                    }
                }
            }
        }
    }

    /** Cuts one host off from all others. */
    public void isolate(String name) {
        Set<String> rest = new HashSet<>(hosts.keySet());
        rest.remove(name);
        partition(List.of(Set.of(name), rest));
    }

    @Override
    public void heal() {
        for (NetworkHost host : hosts.values()) {
            exec("ip", "netns", "exec", host.namespace(), "iptables", "-w", "-F", "INPUT");
            exec("ip", "netns", "exec", host.namespace(), "iptables", "-w", "-F", "OUTPUT");
        }
        for (String outside : hostInterfaces.values()) {
            exec("ip", "link", "set", outside, "up");
        }
    }

    /** Takes the host's link to the bridge down: like pulling its cable. */
    public void disconnect(String name) {
        host(name);
        exec("ip", "link", "set", hostInterfaces.get(name), "down");
    }

    /** Brings a {@link #disconnect disconnected} host's link back up. */
    public void reconnect(String name) {
        host(name);
        exec("ip", "link", "set", hostInterfaces.get(name), "up");
    }

    private static void drop(NetworkHost host, String peerAddress) {
        exec("ip", "netns", "exec", host.namespace(), "iptables", "-w", "-A", "INPUT", "-s", peerAddress, "-j", "DROP");
        exec("ip", "netns", "exec", host.namespace(), "iptables", "-w", "-A", "OUTPUT", "-d", peerAddress, "-j", "DROP");
    }

    private static void deleteNamespace(String namespace) {
        CommandResult pids = HostCommand.run(COMMAND_TIMEOUT, List.of("ip", "netns", "pids", namespace));
        if (pids.succeeded() && !pids.output().isBlank()) {
            List<String> kill = new ArrayList<>(List.of("kill", "-9"));
            kill.addAll(List.of(pids.output().split("\\s+")));
            HostCommand.run(COMMAND_TIMEOUT, kill);
        }
        CommandResult deleted = HostCommand.run(COMMAND_TIMEOUT, List.of("ip", "netns", "del", namespace));
        if (!deleted.succeeded() && !deleted.output().contains("No such file")) {
            throw new IllegalStateException("cannot delete namespace " + namespace + ": " + deleted.output());
        }
    }

    /** Namespaces named after a JVM that no longer runs were left by a run that died uncleanly. */
    private static void sweepLeftovers() {
        CommandResult list = HostCommand.run(COMMAND_TIMEOUT, List.of("ip", "netns", "list"));
        if (!list.succeeded()) {
            return;
        }
        for (String line : list.output().split("\n")) {
            String namespace = line.strip().split("\\s+")[0];
            if (!namespace.startsWith(PREFIX)) {
                continue;
            }
            String[] parts = namespace.substring(PREFIX.length()).split("-");
            try {
                long owner = Long.parseLong(parts[0]);
                if (ProcessHandle.of(owner).isEmpty()) {
                    deleteNamespace(namespace);
                }
            } catch (NumberFormatException notOurs) {
                // A name like strata-probe-…: not one of our networks.
            }
        }
    }

    private static void exec(String... command) {
        HostCommand.check(command);
    }
}
