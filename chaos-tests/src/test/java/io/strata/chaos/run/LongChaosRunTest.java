package io.strata.chaos.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The long run, only with {@code -Pchaos-long} (or {@code -Dchaos.long=true}): a random schedule of
 * {@code -Dchaos.duration} (ISO-8601, default PT30M) against {@code -Dchaos.nodes} nodes (default 3).
 */
class LongChaosRunTest {
    @Test
    void randomScheduleOfTheGivenLengthFindsNoViolation() {
        Assumptions.assumeTrue(Boolean.getBoolean("chaos.long"), "long run only with -Pchaos-long");
        long seed = ChaosProfiles.seed();
        Duration length = Duration.parse(System.getProperty("chaos.duration", "PT30M"));
        int nodes = Integer.getInteger("chaos.nodes", 3);
        ChaosRun.Result result = new ChaosRun(ChaosProfiles.longRun(seed, length, nodes,
                Path.of("target", "chaos", "long-" + seed)), System.out).run();

        assertThat(result.report().violations()).as("violations of seed " + seed).isEmpty();
    }
}
