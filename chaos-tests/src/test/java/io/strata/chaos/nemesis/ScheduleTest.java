package io.strata.chaos.nemesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScheduleTest {
    private static final Set<FaultKind> ALL = EnumSet.allOf(FaultKind.class);
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void sameSeedReplaysTheSameFaultsInTheSameOrderWithTheSameTiming() {
        Schedule first = Schedule.generate(42L, HOUR, ALL, Schedule.Timing.standard());
        // A differently ordered set of the same kinds must not change the decisions.
        Set<FaultKind> reordered = new LinkedHashSet<>(List.of(FaultKind.values()).reversed());
        Schedule replay = Schedule.generate(42L, HOUR, reordered, Schedule.Timing.standard());

        assertThat(replay).isEqualTo(first);
        assertThat(first.faults()).hasSizeGreaterThan(50);
    }

    @Test
    void everyKindOnceHasEachKindExactlyOnceWithoutOverlapAndReplaysFromItsSeed() {
        Schedule.Timing timing = new Schedule.Timing(Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(6),
                Duration.ofSeconds(10));
        Schedule schedule = Schedule.everyKindOnce(11L, ALL, timing);

        assertThat(schedule.faults()).extracting(ScheduledFault::kind).containsExactlyInAnyOrderElementsOf(ALL);
        for (int i = 1; i < schedule.faults().size(); i++) {
            assertThat(schedule.faults().get(i).start()).isGreaterThanOrEqualTo(
                    schedule.faults().get(i - 1).end().plus(timing.minimumQuiet()));
        }
        assertThat(schedule.length()).isGreaterThanOrEqualTo(schedule.faults().getLast().end().plus(timing.minimumQuiet()));
        assertThat(Schedule.everyKindOnce(11L, EnumSet.copyOf(ALL), timing)).isEqualTo(schedule);
        assertThat(Schedule.everyKindOnce(12L, ALL, timing).faults()).isNotEqualTo(schedule.faults());
    }

    @Test
    void differentSeedsGiveDifferentSchedules() {
        Schedule a = Schedule.generate(1L, HOUR, ALL, Schedule.Timing.standard());
        Schedule b = Schedule.generate(2L, HOUR, ALL, Schedule.Timing.standard());

        assertThat(a.faults()).isNotEqualTo(b.faults());
    }

    @Test
    void faultsStayInsideTheRunDoNotOverlapAndMixEveryKind() {
        Schedule schedule = Schedule.generate(7L, HOUR, ALL, Schedule.Timing.standard());

        List<ScheduledFault> faults = schedule.faults();
        for (int i = 0; i < faults.size(); i++) {
            ScheduledFault fault = faults.get(i);
            assertThat(fault.sequence()).isEqualTo(i);
            assertThat(fault.end()).isLessThanOrEqualTo(HOUR);
            assertThat(fault.duration()).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(15));
            if (i > 0) {
                assertThat(fault.start()).isGreaterThanOrEqualTo(faults.get(i - 1).end().plusSeconds(5));
            }
            assertThat(fault.skew().isZero()).isEqualTo(fault.kind() != FaultKind.CLOCK_SKEW);
        }
        assertThat(faults).extracting(ScheduledFault::kind).containsAll(ALL);
    }

    @Test
    void onlyTheEnabledKindsAreScheduled() {
        Schedule schedule = Schedule.generate(9L, HOUR, EnumSet.of(FaultKind.PAUSE, FaultKind.KILL_RESTART),
                Schedule.Timing.standard());

        assertThat(schedule.faults()).extracting(ScheduledFault::kind)
                .containsOnly(FaultKind.PAUSE, FaultKind.KILL_RESTART);
    }
}
