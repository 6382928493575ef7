package io.strata.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.placement.GroupId;
import io.strata.placement.GroupPlacement;
import io.strata.placement.Placement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored form of a {@link Placement}:
 * {@code {"epoch":3,"groups":[{"group":0,"peers":["n1","n2","n3"]},...]}}, first peer = preferred
 * leader. Written explicitly (not by reflection) so renaming a Java accessor never changes it.
 */
public final class PlacementCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PlacementCodec() {
    }

    public static byte[] toBytes(Placement placement) {
        ObjectNode root = JSON.createObjectNode().put("epoch", placement.epoch());
        ArrayNode groups = root.putArray("groups");
        for (GroupPlacement group : placement.groups()) {
            ObjectNode node = groups.addObject().put("group", group.group().index());
            ArrayNode peers = node.putArray("peers");
            group.peers().forEach(peers::add);
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Placement fromBytes(byte[] bytes) {
        try {
            JsonNode root = JSON.readTree(bytes);
            List<GroupPlacement> groups = new ArrayList<>();
            for (JsonNode group : root.path("groups")) {
                List<String> peers = new ArrayList<>();
                group.path("peers").forEach(peer -> peers.add(peer.asText()));
                groups.add(new GroupPlacement(new GroupId(group.path("group").asInt()), peers));
            }
            return new Placement(root.path("epoch").asLong(), groups);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable placement", e);
        }
    }
}
