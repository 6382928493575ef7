package io.strata.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.StreamObserver;
import io.strata.api.v1.ErrorDetail;
import io.strata.api.v1.RejectedRecord;
import io.strata.api.v1.WriteRecordsRequest;
import io.strata.api.v1.WriteRecordsResponse;
import io.strata.api.v1.WriteServiceGrpc;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The error convention of errors.proto works through a real gRPC call: a client gets Timestream's
 * error name and the rejected records from the {@code strata-error-bin} trailer.
 */
class ErrorDetailTrailerTest {

    private static final Metadata.Key<ErrorDetail> ERROR_DETAIL =
            Metadata.Key.of("strata-error-bin", ProtoUtils.metadataMarshaller(ErrorDetail.getDefaultInstance()));

    private Server server;
    private ManagedChannel channel;

    @BeforeEach
    void startServer() throws IOException {
        String name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name)
                .directExecutor()
                .addService(new RejectingWriteService())
                .build()
                .start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        channel.shutdownNow().awaitTermination(30, TimeUnit.SECONDS);
        server.shutdownNow().awaitTermination(30, TimeUnit.SECONDS);
    }

    @Test
    void clientReadsTimestreamErrorAndRejectedRecordsFromTheTrailer() {
        WriteServiceGrpc.WriteServiceBlockingStub stub = WriteServiceGrpc.newBlockingStub(channel);

        StatusRuntimeException failure = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> stub.writeRecords(WriteRecordsRequest.newBuilder().setDatabaseName("devops").build()));

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        ErrorDetail detail = Status.trailersFromThrowable(failure).get(ERROR_DETAIL);
        assertThat(detail.getErrorName()).isEqualTo("RejectedRecordsException");
        assertThat(detail.getHttpStatus()).isEqualTo(419);
        assertThat(detail.getRejectedRecordsList())
                .extracting(RejectedRecord::getRecordIndex, RejectedRecord::hasExistingVersion)
                .containsExactly(tuple(1, true), tuple(3, false));
        assertThat(detail.getRejectedRecords(0).getExistingVersion()).isEqualTo(200);
    }

    /** Answers every write the way a coordinator reports a partial failure. */
    private static final class RejectingWriteService extends WriteServiceGrpc.WriteServiceImplBase {
        @Override
        public void writeRecords(WriteRecordsRequest request, StreamObserver<WriteRecordsResponse> responses) {
            String message = "One or more records have been rejected. See RejectedRecords for details.";
            ErrorDetail detail = ErrorDetail.newBuilder()
                    .setErrorName("RejectedRecordsException")
                    .setMessage(message)
                    .setHttpStatus(419)
                    .addRejectedRecords(RejectedRecord.newBuilder()
                            .setRecordIndex(1)
                            .setReason("The record version 2 is lower than the existing version 200.")
                            .setExistingVersion(200))
                    .addRejectedRecords(RejectedRecord.newBuilder()
                            .setRecordIndex(3)
                            .setReason("The record timestamp is outside the time range of the memory store."))
                    .build();
            Metadata trailers = new Metadata();
            trailers.put(ERROR_DETAIL, detail);
            responses.onError(Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException(trailers));
        }
    }
}
