package io.strata.chaos.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strata.chaos.process.ChildProcess;
import io.strata.chaos.process.CommandResult;
import io.strata.chaos.process.HostCommand;
import io.strata.chaos.process.JavaCommand;
import io.strata.chaos.process.Teardown;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The namespace host layer on this machine, for real: three hosts, a bridge, partitions, cleanup. */
class NamespaceNetworkTest {
    private static final int PORT = 7007;
    private static final Duration GENEROUS = Duration.ofSeconds(60);

    @TempDir
    Path logs;

    @BeforeAll
    static void requireNamespaces() {
        NamespaceSupport support = NamespaceSupport.probe();
        Assumptions.assumeTrue(support.available(), "network namespaces unavailable: " + support.reason());
    }

    /** Sends one line from {@code client} to the echo server; true if it came back. */
    private static boolean reaches(NetworkHost client, NetworkHost server) {
        String script = "exec 3<>/dev/tcp/" + server.address() + "/" + PORT + " && echo ping-" + client.name()
                + " >&3 && read -r reply <&3 && echo \"$reply\"";
        CommandResult result = HostCommand.run(Duration.ofSeconds(30),
                client.wrap(List.of("timeout", "3", "bash", "-c", script)));
        return result.succeeded() && result.output().contains("ping-" + client.name());
    }

    @Test
    void hostsTalkOverTheBridgeUntilPartitionedAndEverythingIsRemovedAfterwards() throws Exception {
        String bridge;
        List<NetworkHost> hosts;
        try (Teardown teardown = new Teardown()) {
            NamespaceNetwork network = NamespaceNetwork.create(List.of("a", "b", "c"), teardown);
            bridge = network.bridge();
            hosts = network.hosts();
            NetworkHost a = network.host("a");
            NetworkHost b = network.host("b");
            NetworkHost c = network.host("c");
            ChildProcess echo = ChildProcess.start("echo-a",
                    a.wrap(JavaCommand.of(EchoServer.class, List.of(), List.of(a.address(), Integer.toString(PORT)))),
                    Map.of(), null, logs.resolve("echo.log"));
            teardown.register("echo server", echo::close);
            await().atMost(GENEROUS).until(() -> echo.hasLine(line -> line.startsWith("listening")));

            await().atMost(GENEROUS).until(() -> reaches(b, a));
            assertThat(reaches(c, a)).isTrue();
            assertThat(HostCommand.check("ip", "-o", "addr")).doesNotContain(a.address());

            network.isolate("a");
            assertThat(reaches(b, a)).isFalse();
            assertThat(reaches(c, a)).isFalse();

            network.partition(List.of(Set.of("a", "b"), Set.of("c")));
            assertThat(reaches(b, a)).isTrue();
            assertThat(reaches(c, a)).isFalse();

            network.heal();
            assertThat(reaches(b, a)).isTrue();
            assertThat(reaches(c, a)).isTrue();

            network.disconnect("a");
            assertThat(reaches(b, a)).isFalse();
            network.reconnect("a");
            await().atMost(GENEROUS).until(() -> reaches(b, a));
        }

        String namespaces = HostCommand.check("ip", "netns", "list");
        for (NetworkHost host : hosts) {
            assertThat(namespaces).doesNotContain(host.namespace());
        }
        assertThat(HostCommand.run("ip", "link", "show", bridge).succeeded()).isFalse();
    }
}
