package io.strata.chaos.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.chaos.history.History;
import io.strata.chaos.history.HistoryRecorder;
import io.strata.chaos.history.RecordVersion;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Each checker on hand-written histories: it catches its violation and accepts what is allowed. */
class CheckersTest {
    private static final String CPU = "cpu|host=a";
    private static final String MEM = "mem|host=a";

    private final AtomicLong ticks = new AtomicLong();
    private final HistoryRecorder recorder = new HistoryRecorder(ticks::incrementAndGet);

    private static RecordVersion record(String series, long time, String value, long version) {
        return new RecordVersion(series, time, value, version);
    }

    private long acknowledgedWrite(int process, RecordVersion record) {
        long id = recorder.invokeWrite(process, record);
        recorder.ok(id);
        return id;
    }

    private long acknowledgedUpsert(int process, RecordVersion record) {
        long id = recorder.invokeUpsert(process, record);
        recorder.ok(id);
        return id;
    }

    private long read(int process, String series, RecordVersion... observed) {
        long id = recorder.invokeRead(process, series);
        recorder.okRead(id, List.of(observed));
        return id;
    }

    private List<Violation> check(RecordVersion... finalRecords) {
        History history = recorder.snapshot();
        return CheckSuite.all().check(history, new FinalRead(List.of(finalRecords)));
    }

    @Test
    void cleanHistoryHasNoViolations() {
        RecordVersion a = record(CPU, 1, "a", 1);
        RecordVersion b = record(MEM, 1, "b", 1);
        RecordVersion a2 = record(CPU, 1, "a2", 2);
        acknowledgedWrite(0, a);
        acknowledgedWrite(1, b);
        read(0, CPU, a);
        acknowledgedUpsert(1, a2);
        read(0, CPU, a2);
        read(1, MEM, b);

        assertThat(check(a2, b)).isEmpty();
    }

    @Test
    void lostAcknowledgedWriteIsReportedWithItsOperation() {
        RecordVersion kept = record(CPU, 1, "kept", 1);
        RecordVersion lost = record(CPU, 2, "lost", 1);
        acknowledgedWrite(0, kept);
        long lostId = acknowledgedWrite(1, lost);

        List<Violation> violations = check(kept);

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.kind()).isEqualTo(ViolationKind.LOST_WRITE);
            assertThat(violation.operationIds()).containsExactly(lostId);
        });
    }

    @Test
    void unknownAndFailedWritesMayBeAbsent() {
        long info = recorder.invokeWrite(0, record(CPU, 1, "maybe", 1));
        recorder.info(info, "timeout");
        long failed = recorder.invokeWrite(1, record(CPU, 2, "no", 1));
        recorder.fail(failed, "ValidationException");
        recorder.invokeWrite(2, record(CPU, 3, "never completed", 1));

        assertThat(check()).isEmpty();
    }

    @Test
    void unknownWritesMayBePresent() {
        RecordVersion maybe = record(CPU, 1, "maybe", 1);
        RecordVersion pending = record(CPU, 3, "never completed", 1);
        long info = recorder.invokeWrite(0, maybe);
        recorder.info(info, "connection reset");
        recorder.invokeWrite(2, pending);

        assertThat(check(maybe, pending)).isEmpty();
    }

    @Test
    void recordStoredTwiceIsADuplicate() {
        RecordVersion a = record(CPU, 1, "a", 1);
        long first = recorder.invokeWrite(0, a);
        recorder.info(first, "timeout");
        long retry = acknowledgedWrite(0, a);

        List<Violation> violations = check(a, a);

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.kind()).isEqualTo(ViolationKind.DUPLICATE);
            assertThat(violation.operationIds()).containsExactly(first, retry);
        });
    }

    @Test
    void recordNeverWrittenIsAPhantom() {
        RecordVersion a = record(CPU, 1, "a", 1);
        acknowledgedWrite(0, a);

        List<Violation> violations = check(a, record(CPU, 9, "from nowhere", 1));

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.kind()).isEqualTo(ViolationKind.PHANTOM);
            assertThat(violation.description()).contains("no operation wrote");
        });
    }

    @Test
    void recordWrittenOnlyByAFailedOperationIsAPhantom() {
        RecordVersion rejected = record(CPU, 1, "rejected", 1);
        long failed = recorder.invokeWrite(0, rejected);
        recorder.fail(failed, "RejectedRecordsException");

        List<Violation> violations = check(rejected);

        assertThat(violations).extracting(Violation::kind).contains(ViolationKind.PHANTOM);
        assertThat(violations).allSatisfy(violation -> assertThat(violation.operationIds()).contains(failed));
    }

    @Test
    void readReturningAValueThatWasNeverWrittenIsAPhantom() {
        RecordVersion a = record(CPU, 1, "a", 1);
        acknowledgedWrite(0, a);
        long readId = read(1, CPU, a, record(CPU, 2, "ghost", 1));

        List<Violation> violations = check(a);

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.kind()).isEqualTo(ViolationKind.PHANTOM);
            assertThat(violation.operationIds()).containsExactly(readId);
        });
    }

    @Test
    void readReturningAWriteInvokedAfterTheReadCompletedIsAPhantom() {
        RecordVersion future = record(CPU, 1, "future", 1);
        long readId = read(1, CPU, future);
        long writeId = acknowledgedWrite(0, future);

        List<Violation> violations = check(future);

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.kind()).isEqualTo(ViolationKind.PHANTOM);
            assertThat(violation.operationIds()).containsExactly(readId, writeId);
        });
    }

    @Test
    void lowerVersionWinningOverAnAcknowledgedUpsertIsAVersionRegression() {
        RecordVersion v1 = record(CPU, 1, "v1", 1);
        RecordVersion v2 = record(CPU, 1, "v2", 2);
        long first = acknowledgedWrite(0, v1);
        long upsert = acknowledgedUpsert(1, v2);

        List<Violation> violations = check(v1);

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.kind()).isEqualTo(ViolationKind.VERSION_ORDER);
            assertThat(violation.operationIds()).containsExactly(upsert, first);
        });
    }

    @Test
    void higherUnknownVersionMayWinOrNot() {
        RecordVersion v2 = record(CPU, 1, "v2", 2);
        RecordVersion v3 = record(CPU, 1, "v3", 3);
        acknowledgedUpsert(0, v2);
        long unknown = recorder.invokeUpsert(1, v3);
        recorder.info(unknown, "leader lost");

        assertThat(check(v3)).isEmpty();
        assertThat(check(v2)).isEmpty();
    }

    @Test
    void higherVersionFromAFailedUpsertMustNotWin() {
        RecordVersion v2 = record(CPU, 1, "v2", 2);
        RecordVersion v3 = record(CPU, 1, "v3", 3);
        acknowledgedUpsert(0, v2);
        long failed = recorder.invokeUpsert(1, v3);
        recorder.fail(failed, "ConflictException");

        assertThat(check(v3)).extracting(Violation::kind)
                .containsExactlyInAnyOrder(ViolationKind.PHANTOM, ViolationKind.VERSION_ORDER);
    }

    @Test
    void readThatLosesARecordItSawBeforeIsNotMonotonic() {
        RecordVersion a = record(CPU, 1, "a", 1);
        long writeId = recorder.invokeWrite(0, a);
        long firstRead = read(1, CPU, a);
        long secondRead = read(1, CPU);
        recorder.info(writeId, "timeout");

        List<Violation> violations = check(a);

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.kind()).isEqualTo(ViolationKind.NON_MONOTONIC_READ);
            assertThat(violation.operationIds()).containsExactly(firstRead, secondRead);
        });
    }

    @Test
    void readThatGoesBackToALowerVersionIsNotMonotonic() {
        RecordVersion v1 = record(CPU, 1, "v1", 1);
        RecordVersion v2 = record(CPU, 1, "v2", 2);
        acknowledgedWrite(0, v1);
        long upsert = recorder.invokeUpsert(0, v2);
        long sawNew = read(1, CPU, v2);
        long sawOld = read(1, CPU, v1);
        recorder.info(upsert, "timeout");

        List<Violation> violations = check(v2);

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.kind()).isEqualTo(ViolationKind.NON_MONOTONIC_READ);
            assertThat(violation.operationIds()).containsExactly(sawNew, sawOld);
        });
    }

    @Test
    void differentClientsMayObserveAnUnknownWriteInEitherOrder() {
        RecordVersion a = record(CPU, 1, "a", 1);
        long writeId = recorder.invokeWrite(0, a);
        read(1, CPU, a);
        read(2, CPU);
        recorder.info(writeId, "timeout");

        assertThat(check(a)).isEmpty();
    }

    @Test
    void readBeginningAfterAnAcknowledgedWriteMustSeeIt() {
        RecordVersion a = record(CPU, 1, "a", 1);
        long writeId = acknowledgedWrite(0, a);
        long readId = read(1, CPU);

        List<Violation> violations = check(a);

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.kind()).isEqualTo(ViolationKind.STALE_READ);
            assertThat(violation.operationIds()).containsExactly(writeId, readId);
        });
    }

    @Test
    void readConcurrentWithAWriteMayMissIt() {
        RecordVersion a = record(CPU, 1, "a", 1);
        long writeId = recorder.invokeWrite(0, a);
        read(1, CPU);
        recorder.ok(writeId);

        assertThat(check(a)).isEmpty();
    }
}
