package io.strata.chaos.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One isolated host: a network namespace with one address on the run's bridge. */
public record NetworkHost(String name, String namespace, String address) {
    public NetworkHost {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(address, "address");
    }

    /** The command line that runs {@code command} inside this host's namespace. */
    public List<String> wrap(List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        wrapped.addAll(command);
        return wrapped;
    }
}
