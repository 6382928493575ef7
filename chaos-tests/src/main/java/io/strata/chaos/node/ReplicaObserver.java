package io.strata.chaos.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.strata.internal.v1.StoredDimension;
import io.strata.internal.v1.StoredRecord;
import io.strata.internal.v1.TypedValue;
import io.strata.raft.GroupId;
import io.strata.raft.server.GroupStatus;
import io.strata.raft.shard.InterimPointShard;
import io.strata.raft.shard.ShardGroups;
import io.strata.server.node.StrataNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A test-only window into one node, for the chaos harness: which groups it hosts and whom it
 * believes leads them, and what its replicas hold. One request line per connection, answered with
 * JSON lines and a last line {@value #END} (so a cut-off answer is never taken for a whole one), then
 * the connection closes:
 * <ul>
 *   <li>{@code STATUS}: one {@link GroupLine} per group this node hosts;</li>
 *   <li>{@code SERIES <database> <table> <series>}: one {@link PointLine} per point of that table
 *   whose dimension {@value #SERIES_DIMENSION} is {@code <series>}, from every local replica.</li>
 * </ul>
 * A replica's points are what it applied from its Raft log, so they are a committed prefix; the
 * harness turns that into a linearizable read with a barrier write (see the workload client).
 *
 * <p>Threading: an accept thread, one virtual thread per connection; reads of the replicas take
 * each shard's own lock.
 */
public final class ReplicaObserver implements AutoCloseable {
    /** The dimension that names a chaos workload series. */
    public static final String SERIES_DIMENSION = "series";
    /** The last line of every complete answer. */
    public static final String END = "END";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** One hosted group as this node sees it. */
    public record GroupLine(int group, boolean leader, boolean leaderReady, String leaderId, long term, long applied) {}

    /** One point of one local replica. */
    public record PointLine(int group, String series, long timeMillis, String value, long version) {}

    private final StrataNode node;
    private final int groupCount;
    private ServerSocket server;
    private Thread acceptor;

    public ReplicaObserver(StrataNode node, int groupCount) {
        this.node = node;
        this.groupCount = groupCount;
    }

    public synchronized void start(String host, int port) throws IOException {
        server = new ServerSocket(port, 50, InetAddress.getByName(host));
        acceptor = Thread.ofPlatform().daemon().name("replica-observer").start(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().name("replica-observer-connection").start(() -> answer(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answer(Socket socket) {
        try (socket;
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                BufferedWriter out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8))) {
            String request = in.readLine();
            if (request == null) {
                return;
            }
            String[] words = request.strip().split(" ");
            switch (words[0]) {
                case "STATUS" -> status(out);
                case "SERIES" -> {
                    if (words.length != 4) {
                        out.write("{\"error\":\"SERIES <database> <table> <series>\"}\n");
                    } else {
                        series(out, words[1], words[2], words[3]);
                    }
                }
                default -> out.write("{\"error\":\"unknown request\"}\n");
            }
            out.write(END);
            out.newLine();
            out.flush();
        } catch (IOException | RuntimeException e) {
            // The harness sees a short answer and treats the node as not answering.
        }
    }

    private void status(BufferedWriter out) throws IOException {
        for (int index = 0; index < groupCount; index++) {
            GroupId group = raftGroup(index);
            Optional<GroupStatus> status;
            try {
                status = node.raftNode() == null ? Optional.empty() : node.raftNode().status(group);
            } catch (RuntimeException startingOrStopping) {
                status = Optional.empty();
            }
            if (status.isPresent()) {
                GroupStatus s = status.get();
                line(out, new GroupLine(index, s.leader(), node.raftNode().isLeader(group), s.leaderId().orElse(null),
                        s.term(), s.lastAppliedIndex()));
            }
        }
    }

    private void series(BufferedWriter out, String database, String table, String series) throws IOException {
        for (int index = 0; index < groupCount; index++) {
            Optional<InterimPointShard> shard = node.shards().shard(raftGroup(index));
            if (shard.isEmpty()) {
                continue;
            }
            for (InterimPointShard.StoredPoint point : shard.get().points()) {
                if (point.databaseName().equals(database) && point.tableName().equals(table)
                        && series.equals(dimensions(point.record()).get(SERIES_DIMENSION))) {
                    StoredRecord record = point.record();
                    line(out, new PointLine(index, series, record.getTimeNanos() / 1_000_000L, text(record.getValue()),
                            record.getVersion()));
                }
            }
        }
    }

    private static Map<String, String> dimensions(StoredRecord record) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        for (StoredDimension dimension : record.getDimensionsList()) {
            dimensions.put(dimension.getName(), dimension.getValue());
        }
        return dimensions;
    }

    private static String text(TypedValue value) {
        return switch (value.getValueCase()) {
            case VARCHAR_VALUE -> value.getVarcharValue();
            case BIGINT_VALUE -> Long.toString(value.getBigintValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            case BOOLEAN_VALUE -> Boolean.toString(value.getBooleanValue());
            case TIMESTAMP_NANOS -> Long.toString(value.getTimestampNanos());
            case VALUE_NOT_SET -> "";
        };
    }

    private static GroupId raftGroup(int index) {
        return ShardGroups.raftGroupOf(new io.strata.placement.GroupId(index));
    }

    private static void line(BufferedWriter out, Object value) throws IOException {
        out.write(JSON.writeValueAsString(value));
        out.newLine();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
