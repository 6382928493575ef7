package io.strata.client.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.strata.api.v1.RejectedRecord;
import io.strata.api.v1.WriteRecordsRequest;
import io.strata.client.StrataClient;
import io.strata.client.error.RecordRejectedException;
import io.strata.client.error.RejectedRecordsException;
import io.strata.client.error.StrataClientException;
import io.strata.client.testing.InProcessNode;
import io.strata.client.testing.Records;
import io.strata.client.testing.RecordingWriteService;
import io.strata.client.testing.ServerErrors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How each record's future reports what happened to its request, and how records are grouped. */
class RecordWriterOutcomeTest {
    private static final String SAME_VERSION = "A record already exists with the same time, dimensions, measure name, and record version."
            + " A higher record version must be specified in order to update the measure value.";

    private RecordingWriteService server;
    private InProcessNode node;
    private StrataClient client;

    private RecordWriter writerAgainst(RecordingWriteService.Script script, RecordWriterSettings settings) {
        server = new RecordingWriteService(1, script);
        node = InProcessNode.start(server);
        client = InProcessNode.clientFor(node).build();
        return client.newRecordWriter(settings);
    }

    @AfterEach
    void stop() throws InterruptedException {
        client.close();
        node.close();
        server.close();
    }

    @Test
    void rejectedRecordsFailOnlyTheirOwnFuturesAndAreNotRetried() {
        RecordWriter writer = writerAgainst((call, request) -> ServerErrors.rejected(List.of(
                        RejectedRecord.newBuilder().setRecordIndex(3).setReason(SAME_VERSION).setExistingVersion(7).build(),
                        RejectedRecord.newBuilder().setRecordIndex(7).setReason("The record timestamp is outside the time range").build())),
                RecordWriterSettings.defaults().withMaxRecordsPerRequest(10).withLinger(Duration.ofMinutes(10)));
        List<CompletableFuture<WriteResult>> futures = new ArrayList<>();
        for (int id = 0; id < 10; id++) {
            futures.add(writer.write("iot", "readings", Records.reading(id)));
        }
        writer.flush().orTimeout(1, TimeUnit.MINUTES).join();

        assertThat(server.calls()).as("a rejection is final: no retry").isEqualTo(1);
        for (int index = 0; index < 10; index++) {
            if (index == 3 || index == 7) {
                assertThat(futures.get(index)).isCompletedExceptionally();
            } else {
                assertThat(futures.get(index).join().tableName()).isEqualTo("readings");
            }
        }
        RecordRejectedException duplicate = rejection(futures.get(3));
        assertThat(duplicate.errorName()).isEqualTo("RejectedRecordsException");
        assertThat(duplicate.reason()).isEqualTo(SAME_VERSION);
        assertThat(duplicate.existingVersion()).hasValue(7);
        assertThat(duplicate.record()).isEqualTo(Records.reading(3));
        assertThat(duplicate.retryable()).isFalse();
        RecordRejectedException late = rejection(futures.get(7));
        assertThat(late.existingVersion()).isEmpty();
        assertThat(late.record()).isEqualTo(Records.reading(7));
    }

    @Test
    void aValidationErrorFailsEveryFutureOfTheRequestWithoutRetry() {
        RecordWriter writer = writerAgainst((call, request) -> ServerErrors.validation("Invalid time for record."),
                RecordWriterSettings.defaults().withMaxRecordsPerRequest(5));
        List<CompletableFuture<WriteResult>> futures = new ArrayList<>();
        for (int id = 0; id < 5; id++) {
            futures.add(writer.write("iot", "readings", Records.reading(id)));
        }
        writer.close();

        assertThat(server.calls()).isEqualTo(1);
        assertThat(futures).allSatisfy(future -> assertThatThrownBy(future::join)
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(StrataClientException.class, error -> {
                    assertThat(error.errorName()).isEqualTo("ValidationException");
                    assertThat(error.getMessage()).isEqualTo("Invalid time for record.");
                    assertThat(error.httpStatus()).isEqualTo(400);
                    assertThat(error.retryable()).isFalse();
                }));
        assertThat(writer.bufferedRecords()).isZero();
    }

    @Test
    void retryableErrorsAreRetriedUntilThePolicyGivesUp() {
        RecordWriter writer = writerAgainst(
                (call, request) -> ServerErrors.error(Status.Code.INTERNAL, "InternalServerException", 500, "boom"),
                RecordWriterSettings.defaults().withMaxRecordsPerRequest(2).withRetryPolicy(
                        new io.strata.client.transport.RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5), 2.0, Duration.ofMinutes(1))));
        CompletableFuture<WriteResult> first = writer.write("iot", "readings", Records.reading(1));
        CompletableFuture<WriteResult> second = writer.write("iot", "readings", Records.reading(2));
        writer.close();

        assertThat(server.calls()).isEqualTo(3);
        assertThat(List.of(first, second)).allSatisfy(future -> assertThatThrownBy(future::join)
                .cause().isInstanceOfSatisfying(StrataClientException.class,
                        error -> assertThat(error.errorName()).isEqualTo("InternalServerException")));
    }

    @Test
    void recordsAreBatchedPerTableUpToTheRequestSize() {
        RecordWriter writer = writerAgainst((call, request) -> null,
                RecordWriterSettings.defaults().withLinger(Duration.ofMillis(5)));
        List<CompletableFuture<WriteResult>> futures = new ArrayList<>();
        for (int id = 0; id < 450; id++) {
            futures.add(writer.write("iot", id % 3 == 0 ? "humidity" : "readings", Records.reading(id)));
        }
        writer.close();

        assertThat(futures).allSatisfy(future -> assertThat(future).isCompleted());
        assertThat(server.storedById()).hasSize(450);
        assertThat(server.requests()).allSatisfy(request -> {
            assertThat(request.getRecordsCount()).isBetween(1, 100);
            int table = request.getTableName().equals("humidity") ? 0 : 1;
            assertThat(request.getRecordsList()).allSatisfy(
                    record -> assertThat(Integer.parseInt(RecordingWriteService.idOf(record)) % 3 == 0 ? 0 : 1).isEqualTo(table));
        });
        assertThat(server.requests().stream().filter(request -> request.getRecordsCount() == 100).count())
                .as("full requests: 300 readings and 150 humidity records make at least 4 of 100").isGreaterThanOrEqualTo(4);
        assertThat(futures.get(0).join().tableName()).isEqualTo("humidity");
        assertThat(futures.get(1).join().tableName()).isEqualTo("readings");
    }

    @Test
    void aPartialRequestIsSentAfterTheLingerTimeWithoutFlush() {
        RecordWriter writer = writerAgainst((call, request) -> null,
                RecordWriterSettings.defaults().withLinger(Duration.ofMillis(20)));
        CompletableFuture<WriteResult> future = writer.write("iot", "readings", Records.reading(1));

        assertThat(future.orTimeout(1, TimeUnit.MINUTES).join().attempts()).isEqualTo(1);
        assertThat(server.requests()).extracting(WriteRecordsRequest::getRecordsCount).containsExactly(1);
    }

    @Test
    void aClosedWriterTakesNoMoreRecords() {
        RecordWriter writer = writerAgainst((call, request) -> null, RecordWriterSettings.defaults());
        writer.close();

        assertThatThrownBy(() -> writer.write("iot", "readings", Records.reading(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void aSingleWriteRecordsCallReportsRejectionsWithTheirIndexes() {
        writerAgainst((call, request) -> ServerErrors.rejected(List.of(
                RejectedRecord.newBuilder().setRecordIndex(1).setReason(SAME_VERSION).setExistingVersion(200).build())),
                RecordWriterSettings.defaults());
        WriteRecordsRequest request = WriteRecordsRequest.newBuilder().setDatabaseName("iot").setTableName("readings")
                .addRecords(Records.reading(1)).addRecords(Records.reading(2)).build();

        assertThatThrownBy(() -> client.writeRecords(request))
                .isInstanceOfSatisfying(RejectedRecordsException.class, error -> {
                    assertThat(error.httpStatus()).isEqualTo(419);
                    assertThat(error.rejectedRecords()).containsExactly(new io.strata.client.error.RejectedRecord(
                            1, SAME_VERSION, java.util.OptionalLong.of(200)));
                });
        assertThat(server.calls()).isEqualTo(1);
    }

    private static RecordRejectedException rejection(CompletableFuture<WriteResult> future) {
        try {
            future.join();
            throw new AssertionError("the record was not rejected");
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(RecordRejectedException.class);
            return (RecordRejectedException) e.getCause();
        }
    }
}
