package io.strata.raft.query;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The read-only Raft request behind linearizable shard reads. A replica sends it to its group
 * through {@link io.strata.raft.client.GroupClient#read}: Ratis (read option LINEARIZABLE) makes
 * the leader confirm its leadership with a read index and wait until it has applied up to it, then
 * the leader's shard answers the Raft index of the last command it applied. Every write
 * acknowledged before the barrier was sent has an index at most that one, so a replica that has
 * applied up to the answer sees all of them.
 *
 * <p>Stateless; the request has no side effects and may be repeated.
 */
public final class ReadBarrier {
    private static final byte[] REQUEST = "strata.read-barrier.v1".getBytes(StandardCharsets.US_ASCII);

    private ReadBarrier() {}

    /** The request to send through the group's read path. */
    public static byte[] request() {
        return REQUEST.clone();
    }

    public static boolean isRequest(byte[] request) {
        return Arrays.equals(REQUEST, request);
    }

    /** The shard's answer: the index of the last command it applied. */
    public static byte[] answer(long lastAppliedIndex) {
        return ByteBuffer.allocate(Long.BYTES).putLong(lastAppliedIndex).array();
    }

    /** The applied index an {@link #answer} carries. */
    public static long appliedIndex(byte[] answer) {
        if (answer.length != Long.BYTES) {
            throw new IllegalArgumentException("a read barrier answer has " + Long.BYTES + " bytes, not " + answer.length);
        }
        return ByteBuffer.wrap(answer).getLong();
    }
}
