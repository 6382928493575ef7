package io.strata.raft;

import java.util.Objects;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;

/**
 * Where a node's Raft server listens. The node id doubles as the Raft peer id, so it must be the
 * same across restarts of the node.
 */
public record NodeEndpoint(String nodeId, String host, int port) {
    public NodeEndpoint {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(host, "host");
        if (nodeId.isBlank()) {
            throw new IllegalArgumentException("a node id must not be blank");
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("a host must not be blank");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be in 1..65535: " + port);
        }
    }

    public String address() {
        return host + ":" + port;
    }

    public RaftPeerId raftPeerId() {
        return RaftPeerId.valueOf(nodeId);
    }

    public RaftPeer raftPeer() {
        return RaftPeer.newBuilder().setId(raftPeerId()).setAddress(address()).build();
    }

    @Override
    public String toString() {
        return nodeId + "@" + address();
    }
}
