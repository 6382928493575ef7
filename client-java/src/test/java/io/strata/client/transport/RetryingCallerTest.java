package io.strata.client.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.api.v1.WriteRecordsRequest;
import io.strata.api.v1.WriteServiceGrpc;
import io.strata.client.error.StrataClientException;
import io.strata.client.testing.InProcessNode;
import io.strata.client.testing.Records;
import io.strata.client.testing.RecordingWriteService;
import io.strata.client.testing.ServerErrors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries stop at the policy's attempts or at its time budget on the injected clock, and never hang. */
class RetryingCallerTest {
    private static final RetryPolicy PATIENT = new RetryPolicy(5, Duration.ofMillis(1), Duration.ofMillis(4), 2.0, Duration.ofSeconds(30));
    private static final WriteRecordsRequest REQUEST = WriteRecordsRequest.newBuilder()
            .setDatabaseName("iot").setTableName("readings").addRecords(Records.reading(1)).build();

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private RecordingWriteService throttling;
    private InProcessNode node;

    @BeforeEach
    void start() {
        throttling = new RecordingWriteService(0, (call, request) -> ServerErrors.throttling());
        node = InProcessNode.start(throttling);
    }

    @AfterEach
    void stop() throws InterruptedException {
        node.close();
        throttling.close();
        scheduler.shutdownNow();
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void aRetryableErrorIsRetriedUpToTheAttemptsOfThePolicy() {
        try (EndpointPool endpoints = new EndpointPool(List.of(node.endpoint()), InProcessNode::channelTo)) {
            RetryingCaller caller = new RetryingCaller(endpoints, scheduler, Clock.systemUTC(), new Backoff(1), Duration.ofMinutes(1), null);

            assertThatThrownBy(() -> caller.call(WriteServiceGrpc.getWriteRecordsMethod(), REQUEST, PATIENT).join())
                    .isInstanceOf(CompletionException.class)
                    .cause().isInstanceOfSatisfying(StrataClientException.class, error -> assertThat(error.errorName()).isEqualTo("ThrottlingException"));
            assertThat(throttling.calls()).isEqualTo(5);
        }
    }

    @Test
    void noAttemptStartsOnceTheTimeBudgetHasPassedOnTheInjectedClock() {
        try (EndpointPool endpoints = new EndpointPool(List.of(node.endpoint()), InProcessNode::channelTo)) {
            RetryingCaller caller = new RetryingCaller(endpoints, scheduler, new MinuteStepClock(), new Backoff(1), Duration.ofMinutes(1), null);

            assertThatThrownBy(() -> caller.call(WriteServiceGrpc.getWriteRecordsMethod(), REQUEST, PATIENT).join())
                    .cause().isInstanceOf(StrataClientException.class);
            assertThat(throttling.calls()).as("a minute passed on the clock, beyond the 30 s budget").isEqualTo(1);
        }
    }

    @Test
    void whenEveryEndpointIsDownTheCallFailsAsUnavailable() throws InterruptedException {
        InProcessNode other = InProcessNode.start(new RecordingWriteService(0, (call, request) -> null));
        other.close();
        node.kill();
        try (EndpointPool endpoints = new EndpointPool(List.of(node.endpoint(), other.endpoint()), InProcessNode::channelTo)) {
            RetryingCaller caller = new RetryingCaller(endpoints, scheduler, Clock.systemUTC(), new Backoff(1), Duration.ofMinutes(1), null);

            assertThatThrownBy(() -> caller.call(WriteServiceGrpc.getWriteRecordsMethod(), REQUEST, PATIENT).join())
                    .cause().isInstanceOfSatisfying(StrataClientException.class, error -> {
                        assertThat(error.errorName()).isEqualTo("ServiceUnavailableException");
                        assertThat(error.endpointUnavailable()).isTrue();
                    });
        }
    }

    /** A clock that moves a minute forward each time it is read. */
    private static final class MinuteStepClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public synchronized Instant instant() {
            Instant current = now;
            now = now.plus(Duration.ofMinutes(1));
            return current;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
