package io.strata.observability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The node's operations endpoint, on its own port so that scrapes and health probes never queue behind
 * API traffic:
 * <ul>
 *   <li>{@code GET /metrics}: every meter of {@link StrataMetrics}, Prometheus text format 0.0.4;</li>
 *   <li>{@code GET /health/live}, {@code GET /health/ready}: 200 when healthy, 503 when not, with a JSON
 *       body {@code {"status":"UP"|"DOWN","reasons":{check: reason}}}.</li>
 * </ul>
 * Anything else is 404; other methods than GET and HEAD are 405.
 *
 * <p>Small and bounded: the JDK's HTTP server on two daemon threads. Each request reads the current
 * metrics and health, so concurrent scrapes are independent and repeatable. {@link #close()} stops
 * accepting, lets a request in flight finish for up to a second, and stops the threads.
 */
public final class ObservabilityHttpServer implements AutoCloseable {
    /** The metrics port of the node with ordinal 0; node {@code n} of a host uses {@code 7490 + n}. */
    public static final int DEFAULT_BASE_PORT = 7490;
    /** The content type of {@link StrataMetrics#scrape()}: what Prometheus expects for text format 0.0.4. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    static final String JSON = "application/json; charset=utf-8";
    private static final int THREADS = 2;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final StrataMetrics metrics;
    private final HealthStatus health;

    private ObservabilityHttpServer(HttpServer server, ExecutorService executor, StrataMetrics metrics,
            HealthStatus health) {
        this.server = server;
        this.executor = executor;
        this.metrics = metrics;
        this.health = health;
    }

    /** The default metrics port of the node with ordinal {@code nodeOrdinal} on its host (0, 1, 2, ...). */
    public static int defaultPort(int nodeOrdinal) {
        if (nodeOrdinal < 0 || DEFAULT_BASE_PORT + nodeOrdinal > 65_535) {
            throw new IllegalArgumentException("node ordinal out of range: " + nodeOrdinal);
        }
        return DEFAULT_BASE_PORT + nodeOrdinal;
    }

    /** Binds {@code address} (port 0 picks a free port) and starts serving. */
    public static ObservabilityHttpServer start(InetSocketAddress address, StrataMetrics metrics, HealthStatus health)
            throws IOException {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(health, "health");
        HttpServer server = HttpServer.create(address, 16);
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
        ObservabilityHttpServer observability = new ObservabilityHttpServer(server, executor, metrics, health);
        server.createContext("/", observability::handle);
        server.setExecutor(executor);
        server.start();
        return observability;
    }

    /** The bound address, with the actual port. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                respond(exchange, 405, "text/plain; charset=utf-8", "Method Not Allowed\n");
                return;
            }
            switch (exchange.getRequestURI().getPath()) {
                case "/metrics" -> respond(exchange, 200, PROMETHEUS_TEXT, metrics.scrape());
                case "/health/live" -> respond(exchange, health.liveness());
                case "/health/ready" -> respond(exchange, health.readiness());
                default -> respond(exchange, 404, "text/plain; charset=utf-8", "Not Found\n");
            }
        }
    }

    private static void respond(HttpExchange exchange, HealthReport report) throws IOException {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("status", report.status());
        ObjectNode reasons = body.putObject("reasons");
        report.reasons().forEach(reasons::put);
        respond(exchange, report.healthy() ? 200 : 503, JSON, MAPPER.writeValueAsString(body) + "\n");
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger next = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "strata-observability-http-" + next.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
