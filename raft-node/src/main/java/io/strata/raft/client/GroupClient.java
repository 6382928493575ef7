package io.strata.raft.client;

import io.strata.core.error.InternalServerException;
import io.strata.core.error.ServiceUnavailableException;
import io.strata.core.error.StrataException;
import io.strata.raft.GroupId;
import io.strata.raft.NodeEndpoint;
import io.strata.raft.protocol.ShardReply;
import io.strata.raft.protocol.StrataExceptionCarrier;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.client.RaftClientConfigKeys;
import org.apache.ratis.client.retry.RequestTypeDependentRetryPolicy;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.proto.RaftProtos.RaftClientRequestProto.TypeCase;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.exceptions.AlreadyClosedException;
import org.apache.ratis.protocol.exceptions.RaftRetryFailureException;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.retry.RetryPolicy;
import org.apache.ratis.thirdparty.com.google.protobuf.UnsafeByteOperations;
import org.apache.ratis.util.TimeDuration;

/**
 * Sends commands and linearizable reads to one Raft group.
 *
 * <p><b>Retries.</b> A request follows leader changes (NotLeader, leader not ready, a peer that is
 * down) and is retried until it is answered or {@code timeout} has passed since it was sent. Then
 * its future fails with {@link ServiceUnavailableException} naming the group and what was tried.
 * Retries of one command reuse its Ratis call id, so a leader that already has it in its retry
 * cache does not append it twice.
 *
 * <p><b>Outcomes.</b> A completed future means the command was committed by a majority and applied;
 * its value is the shard's result. A shard's rejection fails the future with the
 * {@link StrataException} the shard threw (validation rejections replicate nothing). A
 * {@link ServiceUnavailableException} means <em>not acknowledged</em>: if a leader had appended
 * the command before losing its quorum, the command may still commit later when the quorum
 * returns, so callers retry with idempotent commands rather than assume it is lost.
 *
 * <p><b>Threading and ordering.</b> Thread-safe. A call returns at once unless
 * {@value #OUTSTANDING_REQUESTS_MAX} requests are already in flight, in which case it waits for
 * one to finish (backpressure). Commands sent from one {@code GroupClient} are appended in the
 * order they were sent. Futures complete on Ratis's client threads: do not block in their
 * callbacks.
 */
public final class GroupClient implements AutoCloseable {
    private static final TimeDuration RETRY_SLEEP = TimeDuration.valueOf(100, TimeUnit.MILLISECONDS);
    private static final Duration ATTEMPT_TIMEOUT_MAX = Duration.ofSeconds(3);
    private static final Duration ATTEMPT_TIMEOUT_MIN = Duration.ofMillis(500);
    static final int OUTSTANDING_REQUESTS_MAX = 256;

    private final GroupId groupId;
    private final List<NodeEndpoint> peers;
    private final Duration timeout;
    private final Duration hardDeadline;
    private final RaftClient client;
    private final LongConsumer commitLatency;
    private final LongSupplier nanoTime;

    /**
     * @param peers the group's peers (any order; the client finds the leader)
     * @param timeout how long to keep trying one request before answering
     *     {@link ServiceUnavailableException}
     */
    public GroupClient(GroupId groupId, List<NodeEndpoint> peers, Duration timeout) {
        this(groupId, peers, timeout, latencyNanos -> { }, System::nanoTime);
    }

    /**
     * A client that also reports, for every command {@link #submit}ted and acknowledged, the time
     * from sending it to the leader's answer (commit on a majority and apply), in nanoseconds of
     * {@code nanoTime}. {@code commitLatency} runs on Ratis's client threads: it must be quick.
     */
    public GroupClient(GroupId groupId, List<NodeEndpoint> peers, Duration timeout, LongConsumer commitLatency,
            LongSupplier nanoTime) {
        this.commitLatency = Objects.requireNonNull(commitLatency, "commitLatency");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.groupId = Objects.requireNonNull(groupId, "groupId");
        this.peers = List.copyOf(peers);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (this.peers.isEmpty()) {
            throw new IllegalArgumentException("a group has at least one peer");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        Duration attemptTimeout = clamp(timeout.dividedBy(3), ATTEMPT_TIMEOUT_MIN, ATTEMPT_TIMEOUT_MAX);
        // The retry policy stops retrying at the timeout; an attempt already in flight then may
        // last one attempt timeout more. The hard deadline only guards against a lost reply.
        this.hardDeadline = timeout.plus(attemptTimeout).plusSeconds(2);

        RaftProperties properties = new RaftProperties();
        RaftClientConfigKeys.Rpc.setRequestTimeout(properties, milliseconds(attemptTimeout));
        RaftClientConfigKeys.Async.setOutstandingRequestsMax(properties, OUTSTANDING_REQUESTS_MAX);
        this.client = RaftClient.newBuilder()
                .setRaftGroup(RaftGroup.valueOf(groupId.raftGroupId(),
                        this.peers.stream().map(NodeEndpoint::raftPeer).toList()))
                .setProperties(properties)
                .setRetryPolicy(retryPolicy(milliseconds(timeout)))
                .build();
    }

    public GroupId groupId() {
        return groupId;
    }

    /** The peers this client was built with, in the order given. */
    public List<NodeEndpoint> peers() {
        return peers;
    }

    /**
     * Replicates {@code command} and returns the shard's result once a majority committed it and
     * the leader applied it. The caller must not modify {@code command} afterwards.
     */
    public CompletableFuture<byte[]> submit(byte[] command) {
        long sent = nanoTime.getAsLong();
        CompletableFuture<byte[]> answer =
                answer("write", client.async().send(Message.valueOf(UnsafeByteOperations.unsafeWrap(command))));
        answer.thenRun(() -> commitLatency.accept(Math.max(0, nanoTime.getAsLong() - sent)));
        return answer;
    }

    /**
     * Answers a read-only {@code request} on the leader after the read index barrier: the answer
     * reflects every command acknowledged before the read was sent.
     */
    public CompletableFuture<byte[]> read(byte[] request) {
        return answer("read", client.async().sendReadOnly(Message.valueOf(UnsafeByteOperations.unsafeWrap(request))));
    }

    private CompletableFuture<byte[]> answer(String operation, CompletableFuture<RaftClientReply> sent) {
        CompletableFuture<byte[]> answer = new CompletableFuture<>();
        sent.orTimeout(hardDeadline.toMillis(), TimeUnit.MILLISECONDS).whenComplete((reply, failure) -> {
            try {
                if (failure != null) {
                    answer.completeExceptionally(translate(operation, failure));
                } else if (!reply.isSuccess() || reply.getException() != null) {
                    answer.completeExceptionally(translate(operation, reply.getException()));
                } else {
                    answer.complete(ShardReply.decode(reply.getMessage().getContent()));
                }
            } catch (StrataException rejection) {
                answer.completeExceptionally(rejection);
            } catch (RuntimeException unexpected) {
                answer.completeExceptionally(new InternalServerException(
                        "Unreadable reply from " + groupId + ": " + unexpected, unexpected));
            }
        });
        return answer;
    }

    private StrataException translate(String operation, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause == null) {
            return new InternalServerException("The " + operation + " to " + groupId + " failed without a reason");
        }
        var carried = StrataExceptionCarrier.findIn(cause);
        if (carried.isPresent()) {
            return carried.get();
        }
        if (cause instanceof RaftRetryFailureException retries) {
            return unavailable(operation, retries.getAttemptCount() + " attempts", retries.getCause(), cause);
        }
        if (cause instanceof TimeoutException) {
            return unavailable(operation, "no answer", null, cause);
        }
        if (cause instanceof AlreadyClosedException) {
            return new ServiceUnavailableException("The " + operation + " to " + groupId
                    + " was not acknowledged: the client is closed", cause);
        }
        if (cause instanceof IOException) {
            return unavailable(operation, "a transport failure", cause, cause);
        }
        return new InternalServerException("The " + operation + " to " + groupId + " failed: " + cause, cause);
    }

    private ServiceUnavailableException unavailable(String operation, String tried, Throwable lastError, Throwable cause) {
        return new ServiceUnavailableException("Raft group " + groupId + " has no leader with a quorum: the "
                + operation + " was not acknowledged within " + timeout + " after " + tried + " against peers "
                + peers + (lastError == null ? "" : "; last error: " + lastError), cause);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static RetryPolicy retryPolicy(TimeDuration timeout) {
        RetryPolicy untilTimeout = RetryPolicies.retryForeverWithSleep(RETRY_SLEEP);
        return RequestTypeDependentRetryPolicy.newBuilder()
                .setRetryPolicy(TypeCase.WRITE, untilTimeout)
                .setTimeout(TypeCase.WRITE, timeout)
                .setRetryPolicy(TypeCase.READ, untilTimeout)
                .setTimeout(TypeCase.READ, timeout)
                .build();
    }

    private static Duration clamp(Duration value, Duration min, Duration max) {
        return value.compareTo(min) < 0 ? min : value.compareTo(max) > 0 ? max : value;
    }

    private static TimeDuration milliseconds(Duration duration) {
        return TimeDuration.valueOf(duration.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    @Override
    public String toString() {
        return "GroupClient[" + groupId + " " + peers + "]";
    }
}
