package io.strata.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ops/local-cluster.sh: well-formed, safe with nothing running, and (once the server has it) a real cluster. */
class LocalClusterScriptTest {
    private static final String SCRIPT = "ops/local-cluster.sh";
    private static final List<String> PROCESSES = List.of("zookeeper", "node-a", "node-b", "node-c");

    @TempDir
    Path directory;

    private final List<Long> startedPids = new ArrayList<>();

    @AfterEach
    void leaveNothingRunning() throws Exception {
        if (Files.isDirectory(directory.resolve("run"))) {
            Command.run(Duration.ofMinutes(3), environment(Map.of()), "bash", SCRIPT, "stop");
        }
        for (long pid : startedPids) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void theScriptIsValidBash() throws Exception {
        Command.Result result = Command.run(Duration.ofMinutes(1), "bash", "-n", SCRIPT);
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(Files.isExecutable(Repository.file(SCRIPT))).isTrue();
    }

    @Test
    void statusAndStopWithNothingRunning() throws Exception {
        Command.Result status = Command.run(Duration.ofMinutes(1), environment(Map.of()), "bash", SCRIPT, "status");
        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(status.output()).contains("zookeeper stopped", "node-a stopped", "node-b stopped", "node-c stopped");

        Command.Result stop = Command.run(Duration.ofMinutes(1), environment(Map.of()), "bash", SCRIPT, "stop");
        assertThat(stop.exitCode()).as(stop.output()).isZero();

        Command.Result unknown = Command.run(Duration.ofMinutes(1), environment(Map.of()), "bash", SCRIPT, "restart");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.output()).contains("usage:");
    }

    @Test
    void stopEndsARecordedProcessAndRemovesItsPidFile() throws Exception {
        Files.createDirectories(directory.resolve("run"));
        Process standIn = new ProcessBuilder("sleep", "600").start();
        startedPids.add(standIn.pid());
        Files.writeString(directory.resolve("run/node-b.pid"), String.valueOf(standIn.pid()));

        Command.Result status = Command.run(Duration.ofMinutes(1), environment(Map.of()), "bash", SCRIPT, "status");
        assertThat(status.output()).contains("node-b running (pid " + standIn.pid() + ")");

        Command.Result stop = Command.run(Duration.ofMinutes(1), environment(Map.of()), "bash", SCRIPT, "stop");
        assertThat(stop.exitCode()).as(stop.output()).isZero();
        assertThat(standIn.waitFor(Duration.ofMinutes(1).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS))
                .isTrue();
        assertThat(directory.resolve("run/node-b.pid")).doesNotExist();
    }

    @Test
    void startRefusesPortsInUseAndStartsNothing() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int base = freePortBase();
            Map<String, String> ports = Map.of(
                    "STRATA_LOCAL_ZOOKEEPER_PORT", String.valueOf(base),
                    "STRATA_LOCAL_GRPC_PORT", String.valueOf(base + 10),
                    "STRATA_LOCAL_RAFT_PORT", String.valueOf(base + 20),
                    "STRATA_LOCAL_HTTP_PORT", String.valueOf(taken.getLocalPort()),
                    "STRATA_LOCAL_METRICS_PORT", String.valueOf(base + 40));

            Command.Result start = Command.run(Duration.ofMinutes(1), environment(ports), "bash", SCRIPT, "start");

            assertThat(start.exitCode()).isEqualTo(1);
            assertThat(start.output()).contains("port " + taken.getLocalPort() + " is already in use");
            assertThat(directory.resolve("run")).doesNotExist();
        }
    }

    @Test
    void startsThreeZonedNodesWaitsForReadinessAndStopsEverything() throws Exception {
        Path jar = Repository.file("server/target/strata-server.jar");
        assumeTrue(Files.isRegularFile(jar), "the server is not packaged (server/target/strata-server.jar)");
        Command.Result help = Command.run(Duration.ofMinutes(2), "bin/strata", "server", "--help");
        assumeTrue(help.exitCode() == 0 && help.output().contains("--metrics-port"),
                "this build's 'strata server' has no --metrics-port (the node does not serve /health/ready yet)");
        int base = freePortBase();
        Map<String, String> ports = Map.of(
                "STRATA_LOCAL_ZOOKEEPER_PORT", String.valueOf(base),
                "STRATA_LOCAL_GRPC_PORT", String.valueOf(base + 10),
                "STRATA_LOCAL_RAFT_PORT", String.valueOf(base + 20),
                "STRATA_LOCAL_HTTP_PORT", String.valueOf(base + 30),
                "STRATA_LOCAL_METRICS_PORT", String.valueOf(base + 40),
                "STRATA_LOCAL_READY_TIMEOUT", "300");

        Command.Result start = Command.run(Duration.ofMinutes(6), environment(ports), "bash", SCRIPT, "start");
        List<Long> pids = pids();
        startedPids.addAll(pids);
        assertThat(start.exitCode()).as(start.output()).isZero();
        assertThat(start.output()).contains("Strata local cluster is ready", "node-a (zone a)", "node-c (zone c)");
        assertThat(pids).hasSize(4).allSatisfy(pid -> assertThat(alive(pid)).isTrue());
        try (HttpClient http = HttpClient.newHttpClient()) {
            for (int ordinal = 0; ordinal < 3; ordinal++) {
                URI ready = URI.create("http://127.0.0.1:" + (base + 40 + ordinal) + "/health/ready");
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            }
        }

        Command.Result stop = Command.run(Duration.ofMinutes(5), environment(ports), "bash", SCRIPT, "stop");
        assertThat(stop.exitCode()).as(stop.output()).isZero();
        assertThat(pids).allSatisfy(pid -> assertThat(alive(pid)).as("pid " + pid).isFalse());
        assertThat(ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().orElse("").contains(directory.toString())))
                .as("processes still using " + directory).isEmpty();
    }

    private Map<String, String> environment(Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>(extra);
        environment.put("STRATA_LOCAL_DIR", directory.toString());
        environment.put("STRATA_LOCAL_STOP_TIMEOUT", "60");
        return environment;
    }

    private List<Long> pids() throws IOException {
        List<Long> pids = new ArrayList<>();
        for (String process : PROCESSES) {
            Path file = directory.resolve("run/" + process + ".pid");
            if (Files.isRegularFile(file)) {
                pids.add(Long.parseLong(Files.readString(file).trim()));
            }
        }
        return pids;
    }

    private static boolean alive(long pid) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        return process.isPresent() && process.get().isAlive();
    }

    /** A base port with base+0..2, +10..12, +20..22, +30..32, +40..42 free right now. */
    private static int freePortBase() {
        Random random = new Random();
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = 20_000 + random.nextInt(400) * 100;
            if (allFree(base)) {
                return base;
            }
        }
        throw new AssertionError("no free port range found");
    }

    private static boolean allFree(int base) {
        for (int offset : new int[] {0, 10, 11, 12, 20, 21, 22, 30, 31, 32, 40, 41, 42}) {
            try (ServerSocket socket = new ServerSocket(base + offset)) {
                socket.setReuseAddress(true);
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }
}
