package io.strata.chaos.network;

import io.strata.chaos.process.CommandResult;
import io.strata.chaos.process.HostCommand;
import io.strata.chaos.process.ToolInstaller;
import java.time.Duration;
import java.util.List;

/**
 * Whether this machine lets the harness build isolated hosts from network namespaces: root, the
 * {@code ip} tool, a kernel that creates a namespace and a veth pair, and iptables for partitions
 * (installed when missing). When not, runs fall back to every node on loopback with process faults
 * only, and say so.
 */
public record NamespaceSupport(boolean available, String reason) {

    public static NamespaceSupport probe() {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            return new NamespaceSupport(false, "not Linux");
        }
        if (!HostCommand.available("ip")) {
            return new NamespaceSupport(false, "the ip tool (iproute2) is missing");
        }
        if (!ToolInstaller.ensure("iptables", "iptables")) {
            return new NamespaceSupport(false, "iptables is missing and could not be installed");
        }
        String probe = "strata-probe-" + ProcessHandle.current().pid();
        String veth = "stp" + Long.toHexString(ProcessHandle.current().pid() % 0xFFFFF);
        try {
            CommandResult add = HostCommand.run(Duration.ofSeconds(30), List.of("ip", "netns", "add", probe));
            if (!add.succeeded()) {
                return new NamespaceSupport(false, "cannot create a network namespace: " + add.output());
            }
            CommandResult link = HostCommand.run(Duration.ofSeconds(30),
                    List.of("ip", "link", "add", veth, "type", "veth", "peer", "name", veth + "p", "netns", probe));
            if (!link.succeeded()) {
                return new NamespaceSupport(false, "cannot create a veth pair: " + link.output());
            }
            CommandResult rule = HostCommand.run(Duration.ofSeconds(30), List.of(
                    "ip", "netns", "exec", probe, "iptables", "-w", "-A", "INPUT", "-s", "10.0.0.1", "-j", "DROP"));
            if (!rule.succeeded()) {
                return new NamespaceSupport(false, "iptables does not work inside a namespace: " + rule.output());
            }
            return new NamespaceSupport(true, "network namespaces, veth pairs, a bridge and iptables are available");
        } finally {
            HostCommand.run(Duration.ofSeconds(30), List.of("ip", "link", "del", veth));
            HostCommand.run(Duration.ofSeconds(30), List.of("ip", "netns", "del", probe));
        }
    }
}
