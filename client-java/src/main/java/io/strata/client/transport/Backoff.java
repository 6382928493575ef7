package io.strata.client.transport;

import java.time.Duration;
import java.util.Random;

/**
 * Pauses between attempts: exponential growth capped by the policy, with "equal jitter" (half the
 * pause fixed, half random) so that clients throttled together do not retry together, while the
 * pause still grows. The randomness is seeded so a test can replay it. Thread-safe.
 */
public final class Backoff {
    private final Random random;

    /** @param seed seed of the jitter */
    public Backoff(long seed) {
        this.random = new Random(seed);
    }

    /**
     * The pause before attempt {@code attempt} (2 for the first retry) under {@code policy}.
     */
    public Duration pauseBefore(int attempt, RetryPolicy policy) {
        if (attempt < 2) {
            throw new IllegalArgumentException("attempt must be >= 2, was " + attempt);
        }
        double grown = policy.initialBackoff().toNanos() * Math.pow(policy.multiplier(), attempt - 2);
        long ceiling = (long) Math.min(grown, policy.maxBackoff().toNanos());
        long half = ceiling / 2;
        long jitter;
        synchronized (random) {
            jitter = half == 0 ? 0 : random.nextLong(half + 1);
        }
        return Duration.ofNanos(ceiling - half + jitter);
    }
}
