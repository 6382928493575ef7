package io.strata.client.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently a retryable failure is retried: exponential backoff from
 * {@code initialBackoff}, multiplied by {@code multiplier} per attempt up to {@code maxBackoff},
 * with jitter; at most {@code maxAttempts} attempts (the first included) and no new attempt once
 * {@code totalTimeout} has passed since the first one.
 *
 * @param maxAttempts attempts in all, at least 1 (1 means no retry)
 * @param initialBackoff pause before the first retry, positive
 * @param maxBackoff the longest pause, at least {@code initialBackoff}
 * @param multiplier growth of the pause per attempt, at least 1
 * @param totalTimeout time after which no further attempt is started, positive
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier,
        Duration totalTimeout) {
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(totalTimeout, "totalTimeout");
        if (initialBackoff.isNegative() || initialBackoff.isZero()) {
            throw new IllegalArgumentException("initialBackoff must be positive, was " + initialBackoff);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff " + maxBackoff + " is shorter than initialBackoff " + initialBackoff);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be a finite number >= 1, was " + multiplier);
        }
        if (totalTimeout.isNegative() || totalTimeout.isZero()) {
            throw new IllegalArgumentException("totalTimeout must be positive, was " + totalTimeout);
        }
    }

    /** 10 attempts, 50 ms doubling up to 5 s, for at most 2 minutes. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(10, Duration.ofMillis(50), Duration.ofSeconds(5), 2.0, Duration.ofMinutes(2));
    }

    /** A single attempt: every failure is final. */
    public static RetryPolicy noRetries() {
        return new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1), 1.0, Duration.ofMinutes(1));
    }

    /** The same policy with another number of attempts. */
    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, initialBackoff, maxBackoff, multiplier, totalTimeout);
    }

    /** The same policy with another total timeout. */
    public RetryPolicy withTotalTimeout(Duration timeout) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, multiplier, timeout);
    }
}
