package io.strata.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.strata.api.v1.AdminServiceGrpc;
import io.strata.api.v1.CreateDatabaseRequest;
import io.strata.api.v1.CreateTableRequest;
import io.strata.api.v1.Dimension;
import io.strata.api.v1.ErrorDetail;
import io.strata.api.v1.Record;
import io.strata.api.v1.TimeUnit;
import io.strata.api.v1.WriteRecordsRequest;
import io.strata.api.v1.WriteServiceGrpc;
import io.strata.coordinator.api.GrpcErrors;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata dev} as a user runs it: a child JVM with bin/strata's command line, killed with
 * kill -9 right after its acknowledgements, restarted on the same data directory, where every
 * acknowledged record is found again (a different value for the same point is refused because the
 * point exists).
 */
class DevCommandProcessTest {
    private static final long READY_TIMEOUT_SECONDS = 240;

    @TempDir
    Path data;

    @Test
    void acknowledgedRecordsSurviveKillDashNine() throws Exception {
        int offset = freePortOffset();
        long now = System.currentTimeMillis();
        List<WriteRecordsRequest> acknowledged = new ArrayList<>();

        Process first = startDev(offset);
        try (ChannelHolder channel = new ChannelHolder(offset)) {
            awaitReadyLine(first);
            var admin = AdminServiceGrpc.newBlockingStub(channel.channel);
            admin.createDatabase(CreateDatabaseRequest.newBuilder().setDatabaseName("dev_db").build());
            admin.createTable(CreateTableRequest.newBuilder().setDatabaseName("dev_db").setTableName("dev_table").build());
            var writes = WriteServiceGrpc.newBlockingStub(channel.channel);
            for (int batch = 0; batch < 5; batch++) {
                WriteRecordsRequest request = records(batch, now, "1.0");
                assertThat(writes.writeRecords(request).getRecordsIngested().getTotal()).isEqualTo(10);
                acknowledged.add(request);
            }
        } finally {
            first.destroyForcibly().waitFor();
        }

        Process second = startDev(offset);
        try (ChannelHolder channel = new ChannelHolder(offset)) {
            awaitReadyLine(second);
            var writes = WriteServiceGrpc.newBlockingStub(channel.channel);
            for (int batch = 0; batch < acknowledged.size(); batch++) {
                int index = batch;
                // The same points with another value and the same version: refused only if stored.
                StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                        () -> writes.writeRecords(records(index, now, "2.0")));
                ErrorDetail detail = refused.getTrailers().get(GrpcErrors.ERROR_DETAIL_KEY);
                assertThat(detail.getErrorName()).isEqualTo("RejectedRecordsException");
                assertThat(detail.getRejectedRecordsList()).hasSize(10)
                        .allSatisfy(record -> assertThat(record.getExistingVersion()).isEqualTo(1));
            }
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    private static WriteRecordsRequest records(int batch, long timeMillis, String value) {
        WriteRecordsRequest.Builder request = WriteRecordsRequest.newBuilder().setDatabaseName("dev_db")
                .setTableName("dev_table");
        for (int i = 0; i < 10; i++) {
            request.addRecords(Record.newBuilder()
                    .addDimensions(Dimension.newBuilder().setName("device").setValue("d-" + batch + "-" + i))
                    .setMeasureName("temperature").setMeasureValue(value)
                    .setTime(Long.toString(timeMillis)).setTimeUnit(TimeUnit.TIME_UNIT_MILLISECONDS));
        }
        return request.build();
    }

    private Process startDev(int offset) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.addAll(Arrays.asList(System.getProperty("strata.jvm.flags", "").trim().split("\\s+")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), StrataCommand.class.getName(),
                "dev", "--data-dir", data.toString(), "--port-offset", Integer.toString(offset)));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static void awaitReadyLine(Process process) throws InterruptedException {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
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
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(READY_TIMEOUT_SECONDS);
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, java.util.concurrent.TimeUnit.SECONDS);
            if (line != null) {
                seen.add(line);
                if (line.startsWith(DevCommand.READY_LINE)) {
                    return;
                }
            } else if (!process.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        reader.interrupt();
        throw new AssertionError("no ready line; output:\n" + String.join("\n", seen.subList(
                Math.max(0, seen.size() - 60), seen.size())));
    }

    /** An offset that puts every dev port (7400..7499 + offset) on a free port. */
    private static int freePortOffset() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int offset = 20_000 + (int) (Math.random() * 300) * 100;
            if (allFree(offset)) {
                return offset;
            }
        }
        throw new IOException("no free port range for a dev cluster");
    }

    private static boolean allFree(int offset) {
        int[] ports = {DevCluster.FIRST_GRPC_PORT, DevCluster.FIRST_RAFT_PORT, DevCluster.FIRST_HTTP_PORT};
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

    private static final class ChannelHolder implements AutoCloseable {
        final ManagedChannel channel;

        ChannelHolder(int offset) {
            channel = NettyChannelBuilder.forAddress("127.0.0.1", DevCluster.FIRST_GRPC_PORT + offset).usePlaintext().build();
        }

        @Override
        public void close() {
            channel.shutdownNow();
        }
    }
}
