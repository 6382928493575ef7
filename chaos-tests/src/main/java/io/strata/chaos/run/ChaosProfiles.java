package io.strata.chaos.run;

import io.strata.chaos.clock.ClockSkew;
import io.strata.chaos.clock.ClockSkewMethod;
import io.strata.chaos.nemesis.FaultKind;
import io.strata.chaos.nemesis.Schedule;
import io.strata.chaos.process.HostCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

/**
 * The two run profiles. The short one (CI, ≤ 5 minutes on a loaded 2-core machine) plays every fault
 * kind once against 3 nodes with a light workload; the long one plays a random schedule of the
 * given length. Both take the seed from {@code -Dchaos.seed} when given (replay), else a fresh one
 * that the report prints.
 */
public final class ChaosProfiles {
    private ChaosProfiles() {}

    public static long seed() {
        Long given = Long.getLong("chaos.seed");
        // A fresh seed short enough to type back in; the report prints it.
        return given != null ? given : Math.floorMod(System.nanoTime() ^ System.currentTimeMillis(), 1_000_000_000L);
    }

    public static ChaosSettings shortRun(long seed, Path runDirectory) {
        Schedule schedule = Schedule.everyKindOnce(seed, EnumSet.allOf(FaultKind.class),
                new Schedule.Timing(Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(6), Duration.ofSeconds(10)));
        return new ChaosSettings(schedule, 3, 2, 3, 3, Duration.ofMillis(150), runDirectory, true, dataVolumeBytes(),
                clockSkewMethod(), List.of(), Duration.ofMinutes(3));
    }

    public static ChaosSettings longRun(long seed, Duration length, int nodes, Path runDirectory) {
        Schedule schedule = Schedule.generate(seed, length, EnumSet.allOf(FaultKind.class), Schedule.Timing.standard());
        return new ChaosSettings(schedule, nodes, 4, 4, 5, Duration.ofMillis(100), runDirectory, true, dataVolumeBytes(),
                clockSkewMethod(), List.of(), Duration.ofMinutes(5));
    }

    /** No faults at all: for runs that prove the checker against a deliberately broken node. */
    public static ChaosSettings quietRun(long seed, Duration length, Path runDirectory, List<String> nodeJvmArguments) {
        return new ChaosSettings(new Schedule(seed, length, List.of()), 3, 2, 2, 2,
                Duration.ofMillis(100), runDirectory, false, 0, ClockSkewMethod.SYSTEM_PROPERTY, nodeJvmArguments,
                Duration.ofMinutes(3));
    }

    /** tmpfs data directories need root (mount); without them disk-full faults are skipped. */
    private static long dataVolumeBytes() {
        return HostCommand.run("id", "-u").output().equals("0") ? 96L * 1024 * 1024 : 0;
    }

    /** libfaketime where installed (every clock read of the node shifts), else the node's injected clock. */
    private static ClockSkewMethod clockSkewMethod() {
        return Files.exists(ClockSkew.LIBFAKETIME) ? ClockSkewMethod.LIBFAKETIME : ClockSkewMethod.SYSTEM_PROPERTY;
    }
}
