package io.strata.cli;

import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --endpoint} option shared by the commands that talk to a cluster. */
public final class ClusterOptions {
    /** Where {@code strata dev} and a default {@code strata server} listen. */
    public static final String DEFAULT_ENDPOINT = "127.0.0.1:7400";

    @Option(names = "--endpoint", split = ",", paramLabel = "HOST:PORT",
            description = "Node to connect to (default " + DEFAULT_ENDPOINT + "); repeat or separate with commas "
                    + "for failover, tried in order.")
    private List<String> endpoints;

    /** The endpoints given, or the default one. */
    public List<String> endpoints() {
        return endpoints == null || endpoints.isEmpty() ? List.of(DEFAULT_ENDPOINT) : List.copyOf(endpoints);
    }
}
