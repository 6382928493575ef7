package io.strata.client;

import io.grpc.CallCredentials;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.strata.api.v1.WriteRecordsRequest;
import io.strata.api.v1.WriteRecordsResponse;
import io.strata.api.v1.WriteServiceGrpc;
import io.strata.client.admin.AdminClient;
import io.strata.client.query.QueryResult;
import io.strata.client.transport.Backoff;
import io.strata.client.transport.Blocking;
import io.strata.client.transport.EndpointPool;
import io.strata.client.transport.RetryPolicy;
import io.strata.client.transport.RetryingCaller;
import io.strata.client.write.RecordWriter;
import io.strata.client.write.RecordWriterSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * A connection to a Strata cluster: admin calls ({@link #admin()}), single WriteRecords calls
 * ({@link #writeRecords}), batched writes ({@link #newRecordWriter}) and paged queries
 * ({@link #query}).
 *
 * <p>Calls go to one endpoint at a time; when it is unavailable (node down) the client moves to the
 * next endpoint and retries there. Retryable errors (throttling, server errors, unavailable,
 * deadlines) are retried with exponential backoff and jitter; validation errors and rejected
 * records never are. Each attempt has the builder's deadline.
 *
 * <p>Thread-safe: share one client across the application. {@link #close()} drains the writers it
 * made and releases the channels and the scheduler thread.
 *
 * <pre>{@code
 * try (StrataClient client = StrataClient.builder().endpoints("node1:7400", "node2:7400").build()) {
 *     client.admin().createDatabase("iot");
 * }
 * }</pre>
 */
public final class StrataClient implements AutoCloseable {
    private final EndpointPool endpoints;
    private final ScheduledThreadPoolExecutor scheduler;
    private final Clock clock;
    private final RetryPolicy retryPolicy;
    private final RetryingCaller caller;
    private final AdminClient admin;
    private final Set<RecordWriter> writers = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private StrataClient(Builder builder) {
        this.clock = builder.clock;
        this.retryPolicy = builder.retryPolicy;
        this.scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "strata-client-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        this.endpoints = new EndpointPool(builder.endpoints, builder.channelFactory());
        this.caller = new RetryingCaller(endpoints, scheduler, clock, new Backoff(builder.jitterSeed), builder.callDeadline,
                builder.callCredentials);
        this.admin = new AdminClient(caller, retryPolicy);
    }

    /** A builder; at least one endpoint must be given. */
    public static Builder builder() {
        return new Builder();
    }

    /** Databases, tables and tags. */
    public AdminClient admin() {
        ensureOpen();
        return admin;
    }

    /**
     * Sends one WriteRecords request (1..100 records), retrying retryable failures.
     *
     * @throws io.strata.client.error.RejectedRecordsException when some records were not stored (the
     *     others were)
     * @throws io.strata.client.error.StrataClientException on any other failure
     */
    public WriteRecordsResponse writeRecords(WriteRecordsRequest request) {
        ensureOpen();
        return Blocking.await(caller.call(WriteServiceGrpc.getWriteRecordsMethod(), request, retryPolicy));
    }

    /** A batching writer with the default settings (100 records per request, blocking at 10,000 buffered). */
    public RecordWriter newRecordWriter() {
        return newRecordWriter(RecordWriterSettings.defaults());
    }

    /** A batching writer; close it (or this client) to send what it holds. */
    public RecordWriter newRecordWriter(RecordWriterSettings settings) {
        ensureOpen();
        RecordWriter writer = new RecordWriter(caller, settings, scheduler, clock, writers::remove);
        writers.add(writer);
        return writer;
    }

    /** The rows of {@code queryString}, fetched page by page as they are read; nothing is sent yet. */
    public QueryResult query(String queryString) {
        ensureOpen();
        return new QueryResult(caller, retryPolicy, queryString, null);
    }

    /** As {@link #query(String)}, with at most {@code maxRowsPerPage} (1..1000) rows per page. */
    public QueryResult query(String queryString, int maxRowsPerPage) {
        ensureOpen();
        return new QueryResult(caller, retryPolicy, queryString, maxRowsPerPage);
    }

    /**
     * Closes the writers this client made (each drains what it holds), then the channels (calls in
     * flight get up to 5 seconds), then the scheduler. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (RecordWriter writer : List.copyOf(writers)) {
            writer.close();
        }
        endpoints.close(Duration.ofSeconds(5));
        // Retries still scheduled run now: on closed channels they fail at once, so their callers hear back.
        for (Runnable pending : scheduler.shutdownNow()) {
            pending.run();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the Strata client is closed");
        }
    }

    /**
     * Settings of a {@link StrataClient}. Not thread-safe; {@link #build()} copies what it needs.
     */
    public static final class Builder {
        private List<String> endpoints = List.of();
        private Duration callDeadline = Duration.ofSeconds(65);
        private boolean tls;
        private ChannelCredentials channelCredentials;
        private CallCredentials callCredentials;
        private Clock clock = Clock.systemUTC();
        private long jitterSeed = ThreadLocalRandom.current().nextLong();
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Function<String, ManagedChannel> channelFactory;

        private Builder() {}

        /** The cluster's endpoints as {@code host:port}, in the order to try them. */
        public Builder endpoints(List<String> addresses) {
            List<String> copy = List.copyOf(addresses);
            if (copy.isEmpty()) {
                throw new IllegalArgumentException("at least one endpoint is needed");
            }
            copy.forEach(Builder::parseEndpoint);
            this.endpoints = copy;
            return this;
        }

        /** The cluster's endpoints as {@code host:port}, in the order to try them. */
        public Builder endpoints(String... addresses) {
            return endpoints(Arrays.asList(addresses));
        }

        /**
         * Deadline of each attempt of each call (default 65 s: Timestream's Query may take 60 s to
         * answer a page).
         */
        public Builder callDeadline(Duration deadline) {
            Objects.requireNonNull(deadline, "deadline");
            if (deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException("callDeadline must be positive, was " + deadline);
            }
            this.callDeadline = deadline;
            return this;
        }

        /** Whether to connect with TLS, trusting the JDK's certificate authorities (default off). */
        public Builder tls(boolean enabled) {
            this.tls = enabled;
            return this;
        }

        /** Channel credentials to connect with (e.g. TLS with own trust or client certificates); overrides {@link #tls}. */
        public Builder channelCredentials(ChannelCredentials credentials) {
            this.channelCredentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /** Credentials attached to every call (e.g. a bearer token); none by default. */
        public Builder callCredentials(CallCredentials credentials) {
            this.callCredentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /** The clock for retry time budgets and write acknowledgements (default: system UTC). */
        public Builder clock(Clock time) {
            this.clock = Objects.requireNonNull(time, "clock");
            return this;
        }

        /** Seed of the retry jitter, for reproducible tests (default: random). */
        public Builder jitterSeed(long seed) {
            this.jitterSeed = seed;
            return this;
        }

        /** Retries of admin calls, single writes and query pages (writers have their own in their settings). */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * How an endpoint becomes a channel, replacing the default (Netty, TLS per {@link #tls}); for
         * in-process servers in tests or custom transports. The client shuts these channels down.
         */
        public Builder channelFactory(Function<String, ManagedChannel> factory) {
            this.channelFactory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /** A client connected (lazily, on first call) to the endpoints. */
        public StrataClient build() {
            if (endpoints.isEmpty()) {
                throw new IllegalStateException("no endpoints: call endpoints(\"host:port\", ...)");
            }
            return new StrataClient(this);
        }

        private Function<String, ManagedChannel> channelFactory() {
            if (channelFactory != null) {
                return channelFactory;
            }
            ChannelCredentials credentials = channelCredentials != null ? channelCredentials
                    : tls ? TlsChannelCredentials.create() : InsecureChannelCredentials.create();
            return endpoint -> {
                HostAndPort address = parseEndpoint(endpoint);
                return Grpc.newChannelBuilderForAddress(address.host(), address.port(), credentials).build();
            };
        }

        private static HostAndPort parseEndpoint(String endpoint) {
            Objects.requireNonNull(endpoint, "endpoint");
            int colon = endpoint.lastIndexOf(':');
            String problem = null;
            int port = -1;
            if (colon <= 0 || colon == endpoint.length() - 1) {
                problem = "it is not host:port";
            } else {
                try {
                    port = Integer.parseInt(endpoint.substring(colon + 1));
                    if (port < 1 || port > 65535) {
                        problem = "the port is not 1..65535";
                    }
                } catch (NumberFormatException e) {
                    problem = "the port is not a number";
                }
            }
            if (problem != null) {
                throw new IllegalArgumentException("endpoint '" + endpoint + "' is invalid: " + problem);
            }
            String host = endpoint.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            return new HostAndPort(host, port);
        }
    }

    /** A parsed endpoint. */
    private record HostAndPort(String host, int port) {}
}
