package io.strata.chaos.cluster;

import java.util.List;
import java.util.Map;

/** Extra settings for one start of a node: environment variables and JVM arguments (clock skew). */
public record NodeLaunch(Map<String, String> environment, List<String> jvmArguments) {
    public NodeLaunch {
        environment = Map.copyOf(environment);
        jvmArguments = List.copyOf(jvmArguments);
    }

    public static NodeLaunch normal() {
        return new NodeLaunch(Map.of(), List.of());
    }
}
