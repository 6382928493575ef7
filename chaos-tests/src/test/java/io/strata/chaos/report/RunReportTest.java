package io.strata.chaos.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.chaos.check.CheckSuite;
import io.strata.chaos.check.FinalRead;
import io.strata.chaos.history.History;
import io.strata.chaos.history.HistoryRecorder;
import io.strata.chaos.history.RecordVersion;
import io.strata.chaos.nemesis.FaultKind;
import io.strata.chaos.nemesis.FaultRecord;
import io.strata.chaos.nemesis.ScheduledFault;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RunReportTest {
    @Test
    void tableCountsOperationsFaultsAndViolationsAndPrintsTheSeed() {
        AtomicLong clock = new AtomicLong();
        HistoryRecorder recorder = new HistoryRecorder(clock::incrementAndGet);
        RecordVersion kept = new RecordVersion("cpu", 1, "kept", 1);
        RecordVersion lost = new RecordVersion("cpu", 2, "lost", 1);
        recorder.ok(recorder.invokeWrite(0, kept));
        recorder.ok(recorder.invokeWrite(0, lost));
        recorder.fail(recorder.invokeUpsert(1, new RecordVersion("cpu", 1, "rejected", 1)), "ConflictException");
        recorder.info(recorder.invokeUpsert(1, new RecordVersion("cpu", 3, "maybe", 2)), "timeout");
        recorder.okRead(recorder.invokeRead(2, "cpu"), List.of(kept, lost));
        History history = recorder.snapshot();
        ScheduledFault kill = new ScheduledFault(0, FaultKind.KILL_RESTART, Duration.ZERO, Duration.ofSeconds(5), 0, Duration.ZERO);
        ScheduledFault split = new ScheduledFault(1, FaultKind.MAJORITY_SPLIT, Duration.ofSeconds(10), Duration.ofSeconds(5), 0, Duration.ZERO);
        List<FaultRecord> faults = List.of(
                new FaultRecord(kill, "injected", "kill -9 n1", 1, 2),
                new FaultRecord(split, "skipped: loopback fallback", "", -1, -1));

        RunReport report = new RunReport(123456789L, "loopback fallback", history, faults,
                CheckSuite.all().check(history, new FinalRead(List.of(kept))));
        String table = report.render();

        assertThat(report.passed()).isFalse();
        assertThat(table).contains("seed 123456789");
        assertThat(table).containsPattern("write\\s+2\\s+2\\s+0\\s+0");
        assertThat(table).containsPattern("upsert\\s+2\\s+0\\s+1\\s+1");
        assertThat(table).containsPattern("read\\s+1\\s+1\\s+0\\s+0");
        assertThat(table).containsPattern("total\\s+5\\s+3\\s+1\\s+1");
        assertThat(table).containsPattern("kill_restart\\s+1\\s+0\\s+0");
        assertThat(table).containsPattern("majority_split\\s+0\\s+1\\s+0");
        assertThat(table).containsPattern("lost_write\\s+1");
        assertThat(table).contains("FAIL (1 violations)");
    }
}
