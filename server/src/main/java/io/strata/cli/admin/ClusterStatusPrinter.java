package io.strata.cli.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.api.v1.ClusterGroup;
import io.strata.api.v1.ClusterNode;
import io.strata.api.v1.ClusterPeer;
import io.strata.api.v1.DescribeClusterResponse;
import io.strata.cli.output.OutputFormat;
import io.strata.cli.output.TextTable;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Prints a DescribeCluster answer: as two aligned tables (nodes, then one line per group peer) or as
 * one JSON object with PascalCase members like the catalog's ({@code Nodes}, {@code Groups[].Peers}).
 * Unknown values (-1 indexes, never-seen zones) print as empty cells in tables and {@code null} in JSON.
 */
final class ClusterStatusPrinter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final OutputFormat format;
    private final PrintWriter out;

    ClusterStatusPrinter(OutputFormat format, PrintWriter out) {
        if (format == OutputFormat.CSV) {
            throw new IllegalArgumentException("cluster status prints as table or json");
        }
        this.format = format;
        this.out = out;
    }

    void print(DescribeClusterResponse cluster) {
        if (format == OutputFormat.JSON) {
            try {
                out.println(JSON.writeValueAsString(json(cluster)));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            printTables(cluster);
        }
        out.flush();
    }

    private void printTables(DescribeClusterResponse cluster) {
        out.println("Cluster as seen by " + cluster.getAnsweredBy() + " (placement epoch " + cluster.getPlacementEpoch()
                + (cluster.getMetadataStale() ? "; its ZooKeeper view may be stale" : "") + ")");
        out.println();
        TextTable nodes = new TextTable(List.of("node", "zone", "grpc", "raft", "live", "ready"),
                List.of(false, false, false, false, false, false));
        for (ClusterNode node : cluster.getNodesList()) {
            nodes.addRow(List.of(node.getNodeId(), node.getZone(), node.getGrpcAddress(), node.getRaftAddress(),
                    yesNo(node.getLive()), yesNo(node.getReady())));
        }
        nodes.print(out);
        out.println();
        TextTable groups = new TextTable(List.of("group", "peer", "zone", "role", "commit", "applied", "lag", "error"),
                List.of(false, false, false, false, true, true, true, false));
        for (ClusterGroup group : cluster.getGroupsList()) {
            boolean first = true;
            for (ClusterPeer peer : group.getPeersList()) {
                groups.addRow(List.of(first ? group.getGroupId() : "", peer.getNodeId(), peer.getZone(), role(peer),
                        index(peer.getCommitIndex()), index(peer.getAppliedIndex()), index(peer.getLagEntries()),
                        peer.getError()));
                first = false;
            }
        }
        groups.print(out);
        long leaderless = cluster.getGroupsList().stream().filter(group -> group.getLeader().isEmpty()).count();
        out.println(cluster.getGroupsCount() + (cluster.getGroupsCount() == 1 ? " group" : " groups")
                + (leaderless == 0 ? ", each with a leader" : ", " + leaderless + " without a leader"));
    }

    private static String role(ClusterPeer peer) {
        return !peer.getReachable() ? "unreachable" : peer.getLeader() ? "leader" : "follower";
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    private static String index(long value) {
        return value < 0 ? "" : Long.toString(value);
    }

    private static ObjectNode json(DescribeClusterResponse cluster) {
        JsonNodeFactory factory = JsonNodeFactory.instance;
        ObjectNode root = factory.objectNode()
                .put("AnsweredBy", cluster.getAnsweredBy())
                .put("PlacementEpoch", cluster.getPlacementEpoch())
                .put("MetadataStale", cluster.getMetadataStale());
        ArrayNode nodes = root.putArray("Nodes");
        for (ClusterNode node : cluster.getNodesList()) {
            ObjectNode entry = nodes.addObject().put("NodeId", node.getNodeId());
            text(entry, "Zone", node.getZone());
            text(entry, "GrpcAddress", node.getGrpcAddress());
            text(entry, "RaftAddress", node.getRaftAddress());
            entry.put("Live", node.getLive()).put("Ready", node.getReady());
        }
        ArrayNode groups = root.putArray("Groups");
        for (ClusterGroup group : cluster.getGroupsList()) {
            ObjectNode entry = groups.addObject().put("GroupId", group.getGroupId());
            text(entry, "Leader", group.getLeader());
            ArrayNode peers = entry.putArray("Peers");
            for (ClusterPeer peer : group.getPeersList()) {
                ObjectNode peerEntry = peers.addObject().put("NodeId", peer.getNodeId());
                text(peerEntry, "Zone", peer.getZone());
                peerEntry.put("Reachable", peer.getReachable()).put("Leader", peer.getLeader());
                number(peerEntry, "CommitIndex", peer.getCommitIndex());
                number(peerEntry, "AppliedIndex", peer.getAppliedIndex());
                number(peerEntry, "LagEntries", peer.getLagEntries());
                text(peerEntry, "Error", peer.getError());
            }
        }
        return root;
    }

    private static void text(ObjectNode node, String name, String value) {
        if (value.isEmpty()) {
            node.putNull(name);
        } else {
            node.put(name, value);
        }
    }

    private static void number(ObjectNode node, String name, long value) {
        if (value < 0) {
            node.putNull(name);
        } else {
            node.put(name, value);
        }
    }
}
