package io.strata.chaos.strata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.strata.chaos.node.ReplicaObserver;
import io.strata.chaos.node.ReplicaObserver.GroupLine;
import io.strata.chaos.node.ReplicaObserver.PointLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Asks one node's {@link ReplicaObserver} a question. Stateless and thread-safe: one connection per
 * question. A node that is down, paused or cut off answers nothing within the timeout: empty.
 */
public final class ObserverClient {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final String address;
    private final Duration timeout;

    /** @param address {@code host:port} reachable from this JVM */
    public ObserverClient(String address, Duration timeout) {
        this.address = address;
        this.timeout = timeout;
    }

    public Optional<List<GroupLine>> status() {
        return ask("STATUS", GroupLine.class);
    }

    /** The points of one series in every replica this node holds. */
    public Optional<List<PointLine>> series(String database, String table, String series) {
        return ask("SERIES " + database + " " + table + " " + series, PointLine.class);
    }

    private <T> Optional<List<T>> ask(String request, Class<T> type) {
        int colon = address.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))),
                    (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write((request + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            List<T> lines = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.equals(ReplicaObserver.END)) {
                    return Optional.of(lines);
                }
                if (line.startsWith("{\"error\"")) {
                    throw new IllegalArgumentException("observer at " + address + " refused '" + request + "': " + line);
                }
                lines.add(JSON.readValue(line, type));
            }
            return Optional.empty(); // cut off before the end: not an answer
        } catch (IOException unreachable) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "observer " + address;
    }
}
