package io.strata.client.transport;

import io.grpc.CallCredentials;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.MethodDescriptor;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import io.strata.client.error.ErrorDecoder;
import io.strata.client.error.StrataClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Runs unary calls against the cluster with a deadline per attempt, optional call credentials,
 * failover to the next endpoint when one is unavailable, and retries with backoff on retryable
 * errors (never on validation errors or rejected records).
 *
 * <p>Thread-safe; calls run concurrently. Retries resend the same request message, so only calls
 * that are idempotent on the server (WriteRecords by Timestream's duplicate rule, reads, queries
 * with the same token) should use a policy with more than one attempt. Results complete on a gRPC
 * or scheduler thread.
 */
public final class RetryingCaller {
    private final EndpointPool endpoints;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Backoff backoff;
    private final Duration attemptDeadline;
    private final CallCredentials callCredentials;

    /**
     * @param endpoints where calls go
     * @param scheduler runs delayed retries
     * @param clock measures the policy's total timeout
     * @param backoff pauses between attempts
     * @param attemptDeadline deadline of each attempt
     * @param callCredentials credentials attached to each call, or {@code null}
     */
    public RetryingCaller(EndpointPool endpoints, ScheduledExecutorService scheduler, Clock clock, Backoff backoff,
            Duration attemptDeadline, CallCredentials callCredentials) {
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.attemptDeadline = Objects.requireNonNull(attemptDeadline, "attemptDeadline");
        this.callCredentials = callCredentials;
    }

    /**
     * Sends {@code request} until it succeeds, fails with a non-retryable error, or the policy gives
     * up. The future fails with a {@link StrataClientException} (the last attempt's error).
     */
    public <Q, R> CompletableFuture<R> call(MethodDescriptor<Q, R> method, Q request, RetryPolicy policy) {
        return call(method, request, policy, attempt -> {});
    }

    /**
     * As {@link #call(MethodDescriptor, Object, RetryPolicy)}, telling {@code attemptStarted} the
     * number (1, 2, ...) of each attempt as it starts.
     */
    public <Q, R> CompletableFuture<R> call(MethodDescriptor<Q, R> method, Q request, RetryPolicy policy,
            IntConsumer attemptStarted) {
        CompletableFuture<R> result = new CompletableFuture<>();
        new Attempts<>(method, request, policy, attemptStarted, result, clock.instant()).start(1);
        return result;
    }

    /** The retry state of one logical call. */
    private final class Attempts<Q, R> {
        private final MethodDescriptor<Q, R> method;
        private final Q request;
        private final RetryPolicy policy;
        private final IntConsumer attemptStarted;
        private final CompletableFuture<R> result;
        private final Instant firstAttempt;

        Attempts(MethodDescriptor<Q, R> method, Q request, RetryPolicy policy, IntConsumer attemptStarted,
                CompletableFuture<R> result, Instant firstAttempt) {
            this.method = method;
            this.request = request;
            this.policy = policy;
            this.attemptStarted = attemptStarted;
            this.result = result;
            this.firstAttempt = firstAttempt;
        }

        void start(int attempt) {
            attemptStarted.accept(attempt);
            int endpointIndex = endpoints.currentIndex();
            CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(attemptDeadline.toNanos(), TimeUnit.NANOSECONDS);
            if (callCredentials != null) {
                options = options.withCallCredentials(callCredentials);
            }
            ClientCall<Q, R> call;
            try {
                call = endpoints.channel(endpointIndex).newCall(method, options);
            } catch (RuntimeException channelClosed) {
                result.completeExceptionally(ErrorDecoder.decode(channelClosed));
                return;
            }
            ClientCalls.asyncUnaryCall(call, request, new StreamObserver<>() {
                private R response;

                @Override
                public void onNext(R value) {
                    response = value;
                }

                @Override
                public void onError(Throwable failure) {
                    failed(attempt, endpointIndex, ErrorDecoder.decode(failure));
                }

                @Override
                public void onCompleted() {
                    result.complete(response);
                }
            });
        }

        private void failed(int attempt, int endpointIndex, StrataClientException error) {
            if (error.endpointUnavailable()) {
                endpoints.failedOver(endpointIndex);
            }
            if (!error.retryable() || attempt >= policy.maxAttempts()) {
                result.completeExceptionally(error);
                return;
            }
            Duration pause = backoff.pauseBefore(attempt + 1, policy);
            if (clock.instant().plus(pause).isAfter(firstAttempt.plus(policy.totalTimeout()))) {
                result.completeExceptionally(error);
                return;
            }
            try {
                scheduler.schedule(() -> start(attempt + 1), pause.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException clientClosed) {
                result.completeExceptionally(error);
            }
        }
    }
}
