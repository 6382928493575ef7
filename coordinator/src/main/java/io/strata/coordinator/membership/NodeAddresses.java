package io.strata.coordinator.membership;

import io.strata.metadata.NodeRegistration;
import io.strata.raft.NodeEndpoint;
import java.util.Map;
import java.util.Optional;

/**
 * The purposes a node publishes an address for in its {@link NodeRegistration}, and how to read
 * them back. Addresses are {@code host:port}.
 */
public final class NodeAddresses {
    /** The Ratis server. */
    public static final String RAFT = "raft";
    /** The public gRPC API. */
    public static final String GRPC = "grpc";
    /** The Timestream-compatible HTTP endpoint. */
    public static final String HTTP = "http";

    private NodeAddresses() {}

    public static Map<String, String> of(String raft, String grpc, String http) {
        return Map.of(RAFT, raft, GRPC, grpc, HTTP, http);
    }

    /** Where the node's Raft server listens, if it published it. */
    public static Optional<NodeEndpoint> raftEndpoint(NodeRegistration registration) {
        String address = registration.addresses().get(RAFT);
        if (address == null) {
            return Optional.empty();
        }
        int colon = address.lastIndexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new NodeEndpoint(registration.nodeId(), address.substring(0, colon),
                    Integer.parseInt(address.substring(colon + 1))));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
