package io.strata.chaos.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.strata.coordinator.catalog.TableCatalog;
import io.strata.core.batch.ColumnBatch;
import io.strata.core.batch.ColumnType;
import io.strata.core.batch.LongVector;
import io.strata.core.batch.VarcharVector;
import io.strata.core.schema.ColumnRole;
import io.strata.core.schema.TableColumn;
import io.strata.tier.shard.ScanRequest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import io.strata.raft.GroupId;
import io.strata.raft.server.GroupStatus;
import io.strata.raft.shard.ShardStoreReplica;
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
 * Points are read with a scan of each local {@code ShardStore} replica. A replica's points are what it applied from its Raft log, so they are a committed prefix; the
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
    private static final String MEASURE_VALUE = "measure_value::varchar";
    private static final List<TableColumn> COLUMNS = List.of(
            new TableColumn(SERIES_DIMENSION, ColumnType.VARCHAR, ColumnRole.DIMENSION),
            new TableColumn(TableColumn.MEASURE_NAME, ColumnType.VARCHAR, ColumnRole.MEASURE_NAME),
            new TableColumn(TableColumn.TIME, ColumnType.TIMESTAMP, ColumnRole.TIME),
            new TableColumn(MEASURE_VALUE, ColumnType.VARCHAR, ColumnRole.MEASURE_VALUE));

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
        String tableId = tableId(database, table);
        ScanRequest request = new ScanRequest(tableId, COLUMNS, 0, Long.MAX_VALUE,
                Map.of(SERIES_DIMENSION, Set.of(series)), Set.of(), ScanRequest.DEFAULT_BATCH_ROWS);
        for (int index = 0; index < groupCount; index++) {
            Optional<ShardStoreReplica> replica = node.shards().replica(raftGroup(index));
            if (replica.isEmpty()) {
                continue;
            }
            List<ColumnBatch> batches = new ArrayList<>();
            replica.get().scan(request).forEachRemaining(batches::add);
            for (ColumnBatch batch : batches) {
                LongVector times = (LongVector) batch.column(TableColumn.TIME);
                VarcharVector values = (VarcharVector) batch.column(MEASURE_VALUE);
                for (int row = 0; row < batch.rowCount(); row++) {
                    String value = values.get(row);
                    line(out, new PointLine(index, series, times.get(row) / 1_000_000L, value, versionOf(value)));
                }
            }
        }
    }

    /**
     * A scan shows values, not record versions, so the chaos workload writes the version into the
     * value ({@code <text>@v<version>}); a value without one is version 1.
     */
    public static long versionOf(String value) {
        int at = value.lastIndexOf("@v");
        if (at < 0) {
            return 1;
        }
        try {
            return Long.parseLong(value.substring(at + 2));
        } catch (NumberFormatException notAVersion) {
            return 1;
        }
    }

    /**
     * The id of the table's current incarnation. TEST ONLY: {@code StrataNode.tables()} is package
     * private and the admin API does not return table ids, so the observer reaches the catalog
     * reflectively, inside the node's own JVM.
     */
    private String tableId(String database, String table) {
        try {
            Method tables = StrataNode.class.getDeclaredMethod("tables");
            tables.setAccessible(true);
            TableCatalog catalog = (TableCatalog) tables.invoke(node);
            return catalog.writable(database, table).entry().getTableId();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot reach the node's table catalog", e);
        }
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
