package io.strata.client.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Pauses grow exponentially up to the cap, vary with the seed, and replay with the same seed. */
class BackoffTest {
    private static final RetryPolicy POLICY = new RetryPolicy(20, Duration.ofMillis(100), Duration.ofSeconds(2), 2.0, Duration.ofMinutes(1));

    @Test
    void pausesStayBetweenHalfAndAllOfTheGrowingCeiling() {
        Backoff backoff = new Backoff(7);
        for (int attempt = 2; attempt <= 20; attempt++) {
            long ceiling = Math.min(100L << (attempt - 2), 2_000L);
            assertThat(backoff.pauseBefore(attempt, POLICY).toNanos())
                    .as("attempt " + attempt)
                    .isBetween(Duration.ofMillis(ceiling).toNanos() / 2, Duration.ofMillis(ceiling).toNanos());
        }
    }

    @Test
    void theSameSeedReplaysTheSamePausesAndAnotherSeedDoesNot() {
        assertThat(pauses(1)).isEqualTo(pauses(1)).isNotEqualTo(pauses(2));
    }

    @Test
    void policiesRejectNonsense() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1), 2, Duration.ofSeconds(1)))
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(1), 2, Duration.ofSeconds(1)))
                .hasMessageContaining("shorter than initialBackoff");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1), 0.5, Duration.ofSeconds(1)))
                .hasMessageContaining("multiplier");
    }

    private static java.util.List<Duration> pauses(long seed) {
        Backoff backoff = new Backoff(seed);
        return IntStream.rangeClosed(2, 12).mapToObj(attempt -> backoff.pauseBefore(attempt, POLICY)).toList();
    }
}
