package io.strata.chaos.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loopback port → socket file → TCP server, as the harness reaches nodes inside namespaces. */
class SocketRelayTest {
    @TempDir
    Path directory;

    @Test
    void bytesFlowBothWaysThroughATcpToUnixToTcpChainAndAClosedTargetClosesTheClient() throws Exception {
        try (ServerSocket upper = new ServerSocket(0)) {
            Thread server = Thread.ofPlatform().daemon().start(() -> serveUppercase(upper));
            Path file = directory.resolve("node.sock");
            try (SocketRelay inner = SocketRelay.start(UnixDomainSocketAddress.of(file),
                            new InetSocketAddress("127.0.0.1", upper.getLocalPort()));
                    SocketRelay outer = SocketRelay.start(new InetSocketAddress("127.0.0.1", 0),
                            SocketRelay.parse("unix:" + file))) {
                for (int connection = 0; connection < 2; connection++) {
                    try (Socket client = connect(outer)) {
                        PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8);
                        BufferedReader in = reader(client);
                        out.println("hello " + connection);
                        assertThat(in.readLine()).isEqualTo("HELLO " + connection);
                        out.println("x".repeat(200_000));
                        assertThat(in.readLine()).isEqualTo("X".repeat(200_000));
                    }
                }
                upper.close();
                server.join(10_000);
                try (Socket client = connect(outer)) {
                    OutputStream out = client.getOutputStream();
                    out.write("anyone?\n".getBytes(StandardCharsets.UTF_8));
                    assertThat(reader(client).readLine()).as("target gone: the relay closes the connection").isNull();
                } catch (IOException resetByRelay) {
                    // Also an answer: the connection was closed under the write.
                }
            }
        }
    }

    private static Socket connect(SocketRelay relay) throws IOException {
        Socket socket = new Socket();
        InetSocketAddress address = (InetSocketAddress) relay.address();
        socket.connect(new InetSocketAddress("127.0.0.1", address.getPort()), 10_000);
        socket.setSoTimeout(30_000);
        return socket;
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }

    private static void serveUppercase(ServerSocket server) {
        while (true) {
            try (Socket socket = server.accept()) {
                BufferedReader in = reader(socket);
                PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
                String line;
                while ((line = in.readLine()) != null) {
                    out.println(line.toUpperCase());
                }
            } catch (IOException closed) {
                return;
            }
        }
    }
}
