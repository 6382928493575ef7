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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata dev} as a user runs it: a child JVM with bin/strata's command line, killed with
 * kill -9 right after its acknowledgements, restarted on the same data directory, where every
 * acknowledged record is found again (a different value for the same point is refused because the
 * point exists).
 */
class DevCommandProcessTest {
    @TempDir
    Path data;

    @Test
    void acknowledgedRecordsSurviveKillDashNine() throws Exception {
        int offset = DevProcess.freePortOffset();
        long now = System.currentTimeMillis();
        List<WriteRecordsRequest> acknowledged = new ArrayList<>();

        try (DevProcess first = DevProcess.start(data, offset); ChannelHolder channel = new ChannelHolder(offset)) {
            first.awaitReadyLine();
            var admin = AdminServiceGrpc.newBlockingStub(channel.channel);
            admin.createDatabase(CreateDatabaseRequest.newBuilder().setDatabaseName("dev_db").build());
            admin.createTable(CreateTableRequest.newBuilder().setDatabaseName("dev_db").setTableName("dev_table").build());
            var writes = WriteServiceGrpc.newBlockingStub(channel.channel);
            for (int batch = 0; batch < 5; batch++) {
                WriteRecordsRequest request = records(batch, now, "1.0");
                assertThat(writes.writeRecords(request).getRecordsIngested().getTotal()).isEqualTo(10);
                acknowledged.add(request);
            }
            first.kill();
        }

        try (DevProcess second = DevProcess.start(data, offset); ChannelHolder channel = new ChannelHolder(offset)) {
            second.awaitReadyLine();
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
