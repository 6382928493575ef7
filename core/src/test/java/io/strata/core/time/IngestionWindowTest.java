package io.strata.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IngestionWindowTest {
    private static final long NOW = nanos(Instant.parse("2023-02-20T19:47:45.051Z"));
    private static final long ONE_NANO = 1;
    private static final Duration FIFTEEN_MINUTES = Duration.ofMinutes(15);

    private final IngestionWindow memoryOnly = new IngestionWindow(Duration.ofHours(168), Duration.ofDays(365), false);
    private final IngestionWindow withMagnetic = new IngestionWindow(Duration.ofHours(168), Duration.ofDays(365), true);

    @Test
    void acceptsIntoMemoryExactlyAtNowMinusRetentionAndRejectsOneNanosecondOlder() {
        long start = NOW - Duration.ofHours(168).toNanos();
        assertThat(memoryOnly.classify(start, NOW)).isEqualTo(IngestionDecision.memory());
        IngestionDecision older = memoryOnly.classify(start - ONE_NANO, NOW);
        assertThat(older.target()).isEqualTo(StoreTarget.REJECTED);
        assertThat(older.reason()).isEqualTo("The record timestamp is outside the time range "
                + "[2023-02-13T19:47:45.051Z, 2023-02-20T20:02:45.051Z) of the memory store.");
    }

    @Test
    void acceptsExactlyFifteenMinutesAheadAndRejectsOneNanosecondLater() {
        long end = NOW + FIFTEEN_MINUTES.toNanos();
        assertThat(memoryOnly.classify(end, NOW).target()).isEqualTo(StoreTarget.MEMORY);
        assertThat(memoryOnly.classify(end + ONE_NANO, NOW).reason()).isEqualTo("The record timestamp is outside the "
                + "time range [2023-02-13T19:47:45.051Z, 2023-02-20T20:02:45.051Z) of the memory store.");
        // Magnetic writes do not widen the future side.
        assertThat(withMagnetic.classify(end + ONE_NANO, NOW).target()).isEqualTo(StoreTarget.REJECTED);
    }

    @Test
    void olderRecordsGoToMagneticOnlyWhenTheTableAllowsIt() {
        long justOlderThanMemory = NOW - Duration.ofHours(168).toNanos() - ONE_NANO;
        assertThat(memoryOnly.classify(justOlderThanMemory, NOW).target()).isEqualTo(StoreTarget.REJECTED);
        assertThat(withMagnetic.classify(justOlderThanMemory, NOW)).isEqualTo(IngestionDecision.magnetic());
    }

    @Test
    void magneticAcceptsExactlyAtNowMinusMagneticRetentionAndRejectsOneNanosecondOlder() {
        long magneticStart = NOW - Duration.ofDays(365).toNanos();
        assertThat(withMagnetic.classify(magneticStart, NOW).target()).isEqualTo(StoreTarget.MAGNETIC);
        IngestionDecision older = withMagnetic.classify(magneticStart - ONE_NANO, NOW);
        assertThat(older.target()).isEqualTo(StoreTarget.REJECTED);
        assertThat(older.reason()).isEqualTo("The record timestamp is outside the time range "
                + "[2022-02-20T19:47:45.051Z, 2023-02-20T20:02:45.051Z) of the magnetic store.");
    }

    @Test
    void decisionDependsOnlyOnTheIngestTimeGiven() {
        long record = NOW - Duration.ofHours(200).toNanos();
        assertThat(memoryOnly.classify(record, NOW).accepted()).isFalse();
        assertThat(memoryOnly.classify(record, NOW - Duration.ofHours(100).toNanos()).accepted()).isTrue();
    }

    @Test
    void boundsPrintTruncatedToMilliseconds() {
        long now = nanos(Instant.parse("2024-01-01T00:00:00.123999999Z"));
        IngestionWindow sixHours = new IngestionWindow(Duration.ofHours(6), Duration.ofDays(1), false);
        assertThat(sixHours.classify(0, now).reason()).isEqualTo("The record timestamp is outside the time range "
                + "[2023-12-31T18:00:00.123Z, 2024-01-01T00:15:00.123Z) of the memory store.");
    }

    @Test
    void extremeRetentionsAndTimesDoNotOverflow() {
        IngestionWindow widest = new IngestionWindow(Duration.ofHours(8766), Duration.ofDays(73000), true);
        assertThat(widest.classify(0, NOW).target()).isEqualTo(StoreTarget.MAGNETIC);
        assertThat(widest.classify(Long.MAX_VALUE, Long.MAX_VALUE).target()).isEqualTo(StoreTarget.MEMORY);
        assertThat(widest.classify(Long.MAX_VALUE, NOW).target()).isEqualTo(StoreTarget.REJECTED);
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
