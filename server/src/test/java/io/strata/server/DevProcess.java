package io.strata.server;

import io.strata.server.dev.DevCluster;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code strata dev} in a child JVM with bin/strata's command line (this test JVM's class path and
 * the Chronicle flags), its output collected line by line. Closing it stops it with SIGTERM (then
 * SIGKILL after a minute) and waits until it is gone.
 */
final class DevProcess implements AutoCloseable {
    static final long READY_TIMEOUT_SECONDS = 240;

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private DevProcess(Process process) {
        this.process = process;
        Thread.ofPlatform().daemon().name("dev-process-output").start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException processGone) {
                // the process ended
            }
        });
    }

    static DevProcess start(Path data, int portOffset) throws IOException {
        return start(data, portOffset, "512m");
    }

    /** As {@link #start(Path, int)}, with a heap of {@code maxHeap} ({@code -Xmx} syntax) for bigger data. */
    static DevProcess start(Path data, int portOffset, String maxHeap) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + maxHeap);
        command.addAll(Arrays.asList(System.getProperty("strata.jvm.flags", "").trim().split("\\s+")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), StrataCommand.class.getName(),
                "dev", "--data-dir", data.toString(), "--port-offset", Integer.toString(portOffset)));
        return new DevProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    Process process() {
        return process;
    }

    /** Waits for {@link DevCommand#READY_LINE}; fails with the end of the output if it does not come. */
    void awaitReadyLine() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_TIMEOUT_SECONDS);
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null) {
                seen.add(line);
                if (line.startsWith(DevCommand.READY_LINE)) {
                    return;
                }
            } else if (!process.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("no ready line; output:\n" + String.join("\n", seen.subList(
                Math.max(0, seen.size() - 60), seen.size())));
    }

    /** SIGKILL, as a crash. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** An offset that puts every dev port (7400..7499 + offset) on a free port. */
    static int freePortOffset() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int offset = 20_000 + (int) (Math.random() * 300) * 100;
            if (allFree(offset)) {
                return offset;
            }
        }
        throw new IOException("no free port range for a dev cluster");
    }

    private static boolean allFree(int offset) {
        int[] ports = {DevCluster.FIRST_GRPC_PORT, DevCluster.FIRST_RAFT_PORT, DevCluster.FIRST_HTTP_PORT,
                DevCluster.FIRST_METRICS_PORT};
        for (int first : ports) {
            for (int i = 0; i < 3; i++) {
                if (!free(first + offset + i)) {
                    return false;
                }
            }
        }
        return free(DevCluster.ZOOKEEPER_PORT + offset);
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
