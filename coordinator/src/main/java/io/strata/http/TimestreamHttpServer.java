package io.strata.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.strata.http.operation.DescribeEndpointsHandler;
import io.strata.http.operation.OperationRegistry;
import io.strata.http.operation.TimestreamOperation;
import io.strata.http.protocol.RequestDispatcher;
import io.strata.http.signature.SignatureVerifier;
import io.strata.http.transport.HttpChannelInitializer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Timestream-compatible HTTP endpoint: AWS JSON 1.0 over HTTP/1.1, so the AWS SDKs, the CLI
 * and boto3 talk to Strata with only an endpoint override.
 *
 * <p><b>Why Netty rather than the JDK's {@code com.sun.net.httpserver}:</b> what matters here is
 * the behaviour under garbage and overload. The JDK server parses request headers and reads
 * bodies on its executor's threads, so a client that sends headers and stalls pins a worker, and
 * its timeouts are JVM-wide system properties. With Netty, slow or stalled clients cost only a
 * connection on a non-blocking event loop; each connection has its own deadline from the first
 * byte of a request to the last; bodies are capped while reading (a too large Content-Length is
 * refused on the headers); and the bounded worker pool only ever sees complete requests, so when
 * it is full the event loop can answer 429 immediately. Netty's HTTP codec is already on the
 * shared classpath (ZooKeeper and the AWS SDK bring it, the netty BOM pins it).
 *
 * <p>Threads: one acceptor, a small event loop group for I/O, and
 * {@link HttpEndpointConfig#workerThreads()} workers with a queue of
 * {@link HttpEndpointConfig#queueCapacity()} for the handlers.
 */
public final class TimestreamHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TimestreamHttpServer.class);
    /** I/O is parsing headers and copying at most maxBodyBytes: two loops keep up with the workers. */
    private static final int IO_THREADS = Math.min(2, Runtime.getRuntime().availableProcessors());

    private final EventLoopGroup acceptor;
    private final EventLoopGroup io;
    private final ThreadPoolExecutor workers;
    private final Channel serverChannel;
    private final InetSocketAddress address;

    private TimestreamHttpServer(EventLoopGroup acceptor, EventLoopGroup io, ThreadPoolExecutor workers,
                                 Channel serverChannel) {
        this.acceptor = acceptor;
        this.io = io;
        this.workers = workers;
        this.serverChannel = serverChannel;
        this.address = (InetSocketAddress) serverChannel.localAddress();
    }

    /**
     * Binds and starts serving. DescribeEndpoints is answered with this node's own address unless
     * {@code registry} has a handler for it.
     *
     * @param clock the time signatures are checked against
     * @throws IllegalStateException if the address cannot be bound
     */
    public static TimestreamHttpServer start(HttpEndpointConfig config, OperationRegistry registry, Clock clock) {
        BoundAddress bound = new BoundAddress();
        OperationRegistry served = registry.withDefault(TimestreamOperation.DESCRIBE_ENDPOINTS,
                new DescribeEndpointsHandler(config.advertisedAddress(), bound::url, config.endpointCachePeriod()));
        Optional<SignatureVerifier> verifier = config.verifiesSignatures()
                ? Optional.of(new SignatureVerifier(config.credentials(), config.allowedClockSkew(), clock))
                : Optional.empty();
        RequestDispatcher dispatcher = new RequestDispatcher(served, verifier);

        BlockingQueue<Runnable> queue = config.queueCapacity() == 0
                ? new SynchronousQueue<>()
                : new ArrayBlockingQueue<>(config.queueCapacity());
        ThreadPoolExecutor workers = new ThreadPoolExecutor(config.workerThreads(), config.workerThreads(),
                0, TimeUnit.MILLISECONDS, queue, new DefaultThreadFactory("strata-http-worker", true),
                new ThreadPoolExecutor.AbortPolicy());
        workers.prestartAllCoreThreads();
        EventLoopGroup acceptor = new NioEventLoopGroup(1, new DefaultThreadFactory("strata-http-accept", true));
        EventLoopGroup io = new NioEventLoopGroup(IO_THREADS, new DefaultThreadFactory("strata-http-io", true));
        try {
            Channel channel = new ServerBootstrap()
                    .group(acceptor, io)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    // Lets a client shut down its output after a request and still read the answer.
                    .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                    .childHandler(new HttpChannelInitializer(config, dispatcher, workers))
                    .bind(config.bindAddress(), config.port())
                    .syncUninterruptibly()
                    .channel();
            TimestreamHttpServer server = new TimestreamHttpServer(acceptor, io, workers, channel);
            bound.set(server.address);
            LOG.info("Timestream-compatible HTTP endpoint listening on {} ({})", server.endpoint(),
                    config.verifiesSignatures() ? "SigV4 verified" : "development mode: signatures not checked");
            return server;
        } catch (Exception e) {
            // Netty rethrows the checked BindException undeclared, so catch every Exception.
            shutDown(acceptor, io, workers);
            throw new IllegalStateException("cannot listen on " + config.bindAddress() + ":" + config.port(), e);
        }
    }

    public InetSocketAddress address() {
        return address;
    }

    public int port() {
        return address.getPort();
    }

    /** {@code http://host:port}, what a client passes as its endpoint override. */
    public URI endpoint() {
        return URI.create(BoundAddress.url(address));
    }

    /** Stops accepting, drops open connections and interrupts running handlers. */
    @Override
    public void close() {
        serverChannel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        shutDown(acceptor, io, workers);
    }

    private static void shutDown(EventLoopGroup acceptor, EventLoopGroup io, ThreadPoolExecutor workers) {
        acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        io.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        workers.shutdownNow();
        acceptor.terminationFuture().awaitUninterruptibly(10, TimeUnit.SECONDS);
        io.terminationFuture().awaitUninterruptibly(10, TimeUnit.SECONDS);
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The listening address, known only once bound (port 0 picks one). */
    private static final class BoundAddress {
        private volatile InetSocketAddress address;

        void set(InetSocketAddress bound) {
            address = bound;
        }

        String url() {
            InetSocketAddress current = address;
            return current == null ? "" : url(current);
        }

        static String url(InetSocketAddress address) {
            String host = address.getAddress().getHostAddress();
            return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
        }
    }
}
