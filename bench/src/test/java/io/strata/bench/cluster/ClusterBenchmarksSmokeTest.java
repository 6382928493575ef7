package io.strata.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each cluster benchmark main runs end to end at tiny scale against real child processes and
 * produces its report. Nothing about speed is asserted: timing goals live in BENCHMARKS.md.
 */
class ClusterBenchmarksSmokeTest {
    @TempDir
    Path work;

    @Test
    @Timeout(600)
    void ingestMeasuresAcknowledgedValuesAndReports() throws Exception {
        Path report = work.resolve("report.md");
        List<IngestBenchmark.Result> results = IngestBenchmark.run(new String[] {"--records-per-request", "10",
                "--writers", "2", "--warmup-seconds", "1", "--measure-seconds", "2", "--cluster-heap", "256m",
                "--work-dir", work.toString(), "--report", report.toString()});

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.acknowledgedValues()).as(result.toString()).isPositive().isEqualTo(result.acknowledgedValues() / 100 * 100);
            assertThat(result.failedRequests()).isZero();
        });
        assertThat(Files.readString(report, StandardCharsets.UTF_8)).contains("### Replicated ingest", "| 10 | 2 |");
    }

    @Test
    @Timeout(900)
    void failoverKillsTheLeaderAndSeesWritesAcknowledgedAgain() throws Exception {
        Path report = work.resolve("report.md");
        List<FailoverBenchmark.Round> rounds = FailoverBenchmark.run(new String[] {"--rounds", "1", "--writers", "1",
                "--cluster-heap", "256m", "--work-dir", work.toString(), "--report", report.toString()});

        assertThat(rounds).singleElement().satisfies(round -> {
            assertThat(round.newLeader()).isNotEqualTo(round.killed());
            assertThat(round.acknowledgedAgain()).isPositive();
        });
        assertThat(Files.readString(report, StandardCharsets.UTF_8)).contains("### Leader failover",
                "Writes acknowledged again: p50");
    }

    @Test
    @Timeout(900)
    void catchUpRestartsAStoppedNodeUntilItAppliedEverything() throws Exception {
        Path report = work.resolve("report.md");
        List<CatchUpBenchmark.Round> rounds = CatchUpBenchmark.run(new String[] {"--records", "200", "--rounds", "1",
                "--writers", "1", "--records-per-request", "50", "--cluster-heap", "256m", "--work-dir",
                work.toString(), "--report", report.toString()});

        assertThat(rounds).singleElement().satisfies(round -> {
            assertThat(round.records()).isEqualTo(200);
            assertThat(round.caughtUp()).isGreaterThanOrEqualTo(round.serving());
        });
        assertThat(Files.readString(report, StandardCharsets.UTF_8)).contains("### Catch-up", "| 1 | node-c | 200 |");
    }
}
