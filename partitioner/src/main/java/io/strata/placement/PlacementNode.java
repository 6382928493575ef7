package io.strata.placement;

import java.util.Objects;

/** What placement needs to know of a node: who it is and which failure zone it lives in. */
public record PlacementNode(String nodeId, String zone) {
    public PlacementNode {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(zone, "zone");
        if (nodeId.isBlank() || zone.isBlank()) {
            throw new IllegalArgumentException("node id and zone must not be blank");
        }
    }
}
