package io.strata.chaos.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.chaos.check.ViolationKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Proof that the checkers can fail against the real cluster: the nodes run with the coordinator's
 * test-only switch {@code strata.test.dropEveryNthWrite}, which acknowledges every 4th write request
 * without replicating it. No fault is injected; the run must report lost writes.
 */
class LostWriteDetectionTest {
    @Test
    void writesAcknowledgedWithoutReplicationAreReportedLost() {
        long seed = ChaosProfiles.seed();
        ChaosRun.Result result = new ChaosRun(ChaosProfiles.quietRun(seed, Duration.ofSeconds(20),
                Path.of("target", "chaos", "lost-writes-" + seed), List.of("-Dstrata.test.dropEveryNthWrite=4")),
                System.out).run();

        assertThat(result.report().passed()).isFalse();
        assertThat(result.report().violations()).anyMatch(violation -> violation.kind() == ViolationKind.LOST_WRITE);
    }
}
