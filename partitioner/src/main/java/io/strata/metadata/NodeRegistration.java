package io.strata.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.placement.PlacementNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a live node publishes about itself: its id, its zone and where to reach it, by purpose
 * (for example {@code raft → host:port}, {@code api → host:port}).
 *
 * <p>Stored as JSON {@code {"nodeId":..,"zone":..,"addresses":{..}}}; unknown fields are ignored
 * on read so a newer node's registration stays readable by an older one.
 */
public record NodeRegistration(String nodeId, String zone, Map<String, String> addresses) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public NodeRegistration {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(zone, "zone");
        addresses = Map.copyOf(addresses);
    }

    public PlacementNode placementNode() {
        return new PlacementNode(nodeId, zone);
    }

    public byte[] toBytes() {
        ObjectNode root = JSON.createObjectNode().put("nodeId", nodeId).put("zone", zone);
        ObjectNode addressNode = root.putObject("addresses");
        new TreeMap<>(addresses).forEach(addressNode::put);
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static NodeRegistration fromBytes(byte[] bytes) {
        try {
            JsonNode root = JSON.readTree(bytes);
            Map<String, String> addresses = new TreeMap<>();
            root.path("addresses").properties().forEach(e -> addresses.put(e.getKey(), e.getValue().asText()));
            return new NodeRegistration(root.path("nodeId").asText(), root.path("zone").asText(), addresses);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable node registration", e);
        }
    }
}
