package io.strata.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HealthStatusTest {
    @Test
    void failingACheckAgainReplacesItsReasonAndRecoveringTwiceIsHarmless() {
        HealthStatus health = new HealthStatus();
        health.ready(HealthStatus.STARTUP);
        health.notReady("zookeeper", "connecting");
        health.notReady("zookeeper", "session expired");

        assertThat(health.readiness().reasons()).containsExactly(java.util.Map.entry("zookeeper", "session expired"));
        health.ready("zookeeper");
        health.ready("zookeeper");
        assertThat(health.readiness().healthy()).isTrue();
        assertThat(health.liveness().healthy()).isTrue();
    }

    @Test
    void checksAndReasonsMustBeNamed() {
        HealthStatus health = new HealthStatus();
        assertThatThrownBy(() -> health.notReady(" ", "why")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> health.notLive("storage", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReportIsHealthyExactlyWhenItHasNoReasons() {
        assertThatThrownBy(() -> new HealthReport(true, new java.util.TreeMap<>(java.util.Map.of("a", "b"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HealthReport(false, new java.util.TreeMap<>()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
