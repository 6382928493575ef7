package io.strata.chaos.network;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Forwards every connection accepted on one address to another, byte for byte, in both directions.
 * Either side may be TCP or a Unix domain socket: that is how the test JVM, in the host's network
 * namespace, reaches nodes whose addresses exist only inside the run's namespaces — a relay process
 * inside the client namespace listens on a socket file (the file system is shared) and connects to
 * the node over the bridge, and a relay in the test JVM turns that file back into a loopback port.
 *
 * <p>When the target refuses or the connection breaks, both ends are closed, so a client sees a
 * dead node as a closed connection. Threading: one accept thread and two virtual threads per
 * connection; {@link #close()} stops accepting (open connections end when either side closes).
 */
public final class SocketRelay implements AutoCloseable {
    private final ServerSocketChannel server;
    private final SocketAddress target;
    private final Thread acceptor;

    private SocketRelay(ServerSocketChannel server, SocketAddress target) {
        this.server = server;
        this.target = target;
        this.acceptor = Thread.ofPlatform().daemon().name("relay-" + target).start(this::accept);
    }

    /** Listens on {@code listen} ({@code 127.0.0.1:0} picks a free port) and forwards to {@code target}. */
    public static SocketRelay start(SocketAddress listen, SocketAddress target) {
        try {
            ServerSocketChannel server = listen instanceof UnixDomainSocketAddress
                    ? ServerSocketChannel.open(StandardProtocolFamily.UNIX)
                    : ServerSocketChannel.open();
            if (listen instanceof UnixDomainSocketAddress unix) {
                Files.deleteIfExists(unix.getPath());
            }
            server.bind(listen);
            return new SocketRelay(server, target);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + listen + ": " + e, e);
        }
    }

    /** The address it listens on (with the port chosen, for TCP). */
    public SocketAddress address() {
        try {
            return server.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code host:port} of a TCP relay. */
    public String hostAndPort() {
        InetSocketAddress address = (InetSocketAddress) address();
        return address.getHostString() + ":" + address.getPort();
    }

    private void accept() {
        while (server.isOpen()) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (IOException closed) {
                return;
            }
            Thread.ofVirtual().name("relay-connect").start(() -> connect(client));
        }
    }

    private void connect(SocketChannel client) {
        SocketChannel upstream;
        try {
            upstream = SocketChannel.open(target);
        } catch (IOException refused) {
            closeQuietly(client);
            return;
        }
        Thread.ofVirtual().name("relay-up").start(() -> pump(client, upstream));
        pump(upstream, client);
    }

    private static void pump(SocketChannel from, SocketChannel to) {
        ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
        try {
            while (from.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    to.write(buffer);
                }
                buffer.clear();
            }
            to.shutdownOutput();
        } catch (IOException broken) {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Already broken: nothing more to release.
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            if (server.getLocalAddress() instanceof UnixDomainSocketAddress unix) {
                Files.deleteIfExists(unix.getPath());
            }
        } catch (IOException ignored) {
            // Closing a listener only fails if it is already closed.
        }
    }

    /** Parses {@code unix:/path} or {@code host:port}. */
    public static SocketAddress parse(String address) {
        if (address.startsWith("unix:")) {
            return UnixDomainSocketAddress.of(Path.of(address.substring("unix:".length())));
        }
        int colon = address.lastIndexOf(':');
        return new InetSocketAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
    }

    /**
     * Runs relays until killed: arguments {@code <listen>=<target>}, each {@code unix:/path} or
     * {@code host:port}. Prints {@code relay ready} once every listener is bound.
     */
    public static void main(String[] arguments) throws InterruptedException {
        List<SocketRelay> relays = new ArrayList<>();
        for (String argument : arguments) {
            int equals = argument.indexOf('=');
            relays.add(start(parse(argument.substring(0, equals)), parse(argument.substring(equals + 1))));
        }
        System.out.println("relay ready: " + relays.size() + " listeners");
        new CountDownLatch(1).await();
    }
}
