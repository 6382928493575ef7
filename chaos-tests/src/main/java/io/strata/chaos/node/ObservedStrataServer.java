package io.strata.chaos.node;

import io.strata.server.node.NodeConfig;
import io.strata.server.node.StrataNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The node process of a chaos run: the same {@link StrataNode} that {@code strata server} runs, built
 * from the same flags, plus a {@link ReplicaObserver} on {@code --observer-port}. The observer exists
 * because the cluster has no query path yet (the QueryService answers "not implemented"): the harness
 * reads what each replica holds through it, and asks it who leads each group.
 *
 * <p>Flags as {@code strata server} ({@code --node-id --zone --zookeeper --data-dir --host --grpc-port
 * --raft-port --http-port --groups}) plus {@code --observer-port}. The system property
 * {@value io.strata.chaos.clock.ClockSkew#SYSTEM_PROPERTY} (an ISO-8601 duration) shifts the node's
 * injected clock, for clock-skew faults without libfaketime.
 */
public final class ObservedStrataServer {
    private ObservedStrataServer() {}

    public static void main(String[] arguments) throws Exception {
        Map<String, String> flags = parse(arguments);
        String zone = required(flags, "--zone");
        String nodeId = flags.getOrDefault("--node-id", "node-" + zone);
        NodeConfig defaults = NodeConfig.defaults(nodeId, zone, required(flags, "--zookeeper"),
                Path.of(flags.getOrDefault("--data-dir", "./data")).toAbsolutePath());
        NodeConfig config = new NodeConfig(defaults.nodeId(), zone, defaults.zooKeeperConnect(), defaults.zooKeeperRoot(),
                defaults.dataDirectory(), flags.getOrDefault("--host", defaults.host()),
                integer(flags, "--grpc-port", NodeConfig.DEFAULT_GRPC_PORT),
                integer(flags, "--raft-port", NodeConfig.DEFAULT_RAFT_PORT),
                integer(flags, "--http-port", NodeConfig.DEFAULT_HTTP_PORT),
                integer(flags, "--groups", NodeConfig.DEFAULT_GROUP_COUNT), defaults.writeTimeout(),
                defaults.departureGrace(), defaults.sessionTimeout(), defaults.arns());
        String skew = System.getProperty(io.strata.chaos.clock.ClockSkew.SYSTEM_PROPERTY);
        Clock clock = skew == null ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), Duration.parse(skew));

        StrataNode node = new StrataNode(config, clock);
        ReplicaObserver observer = new ReplicaObserver(node, config.groupCount());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            observer.close();
            node.close();
            stopped.countDown();
        }, "strata-chaos-node-shutdown"));
        node.start();
        observer.start(config.host(), integer(flags, "--observer-port", config.grpcPort() + 100));
        System.out.println("Strata node " + config.nodeId() + " (zone " + zone + ") serving gRPC " + config.grpcAddress()
                + ", observer port " + observer.port() + (skew == null ? "" : ", clock skew " + skew));
        stopped.await();
    }

    private static Map<String, String> parse(String[] arguments) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < arguments.length; i++) {
            String argument = arguments[i];
            if (!argument.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + argument);
            }
            int equals = argument.indexOf('=');
            if (equals > 0) {
                flags.put(argument.substring(0, equals), argument.substring(equals + 1));
            } else if (i + 1 < arguments.length) {
                flags.put(argument, arguments[++i]);
            } else {
                throw new IllegalArgumentException(argument + " needs a value");
            }
        }
        return flags;
    }

    private static String required(Map<String, String> flags, String name) {
        String value = flags.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    private static int integer(Map<String, String> flags, String name, int fallback) {
        String value = flags.get(name);
        return value == null ? fallback : Integer.parseInt(value);
    }
}
