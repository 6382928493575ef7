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
import java.util.Map;
import java.util.TreeMap;

/**
 * The stored form of a {@link Placement}:
 * {@code {"epoch":3,"groups":[{"group":0,"peers":["n1","n2","n4"],"configuration":["n1","n2","n3"]},...],
 * "zones":{"n1":"a",...}}}, first peer = preferred leader. {@code configuration} is written only
 * while a move is pending (absent: equal to {@code peers}); {@code zones} may be absent (written
 * before zones were recorded). Written explicitly (not by reflection) so renaming a Java accessor
 * never changes it.
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
            if (!group.configuration().equals(group.peers())) {
                ArrayNode configuration = node.putArray("configuration");
                group.configuration().forEach(configuration::add);
            }
        }
        ObjectNode zones = root.putObject("zones");
        placement.zones().forEach(zones::put);
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
                List<String> configuration = peers;
                if (group.has("configuration")) {
                    List<String> configured = new ArrayList<>();
                    group.path("configuration").forEach(peer -> configured.add(peer.asText()));
                    configuration = configured;
                }
                groups.add(new GroupPlacement(new GroupId(group.path("group").asInt()), peers, configuration));
            }
            Map<String, String> zones = new TreeMap<>();
            root.path("zones").properties().forEach(entry -> zones.put(entry.getKey(), entry.getValue().asText()));
            return new Placement(root.path("epoch").asLong(), groups, zones);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable placement", e);
        }
    }
}
