package io.strata.chaos.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strata.chaos.clock.ClockSkewMethod;
import io.strata.chaos.nemesis.ClockSkewNemesis;
import io.strata.chaos.nemesis.DiskFullNemesis;
import io.strata.chaos.nemesis.FaultKind;
import io.strata.chaos.nemesis.FaultRecord;
import io.strata.chaos.nemesis.KillRestartNemesis;
import io.strata.chaos.nemesis.LeaderKillNemesis;
import io.strata.chaos.nemesis.MajoritySplitNemesis;
import io.strata.chaos.nemesis.NemesisRunner;
import io.strata.chaos.nemesis.PauseNemesis;
import io.strata.chaos.nemesis.Schedule;
import io.strata.chaos.nemesis.ScheduledFault;
import io.strata.chaos.nemesis.ZonePartitionNemesis;
import io.strata.chaos.nemesis.ZooKeeperOutageNemesis;
import io.strata.chaos.process.CountingProcess;
import io.strata.chaos.process.HostCommand;
import io.strata.chaos.process.JavaCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every nemesis, played by the runner from a schedule, against a cluster of dummy node processes. */
class LocalProcessClusterTest {
    private static final Duration GENEROUS = Duration.ofSeconds(90);

    @TempDir
    Path runDirectory;

    @Test
    void scheduleOfEveryFaultKindRunsAgainstRealProcessesAndEverythingIsHealedAndRemoved() throws Exception {
        Assumptions.assumeTrue(HostCommand.run("id", "-u").output().equals("0"), "tmpfs volumes need root");
        LocalProcessCluster.Options options = new LocalProcessCluster.Options(
                List.of(new LocalProcessCluster.NodeSpec("n1", "a", 7101),
                        new LocalProcessCluster.NodeSpec("n2", "b", 7102),
                        new LocalProcessCluster.NodeSpec("n3", "c", 7103)),
                (node, launch, zookeeper) -> JavaCommand.of(CountingProcess.class, launch.jvmArguments(),
                        List.of(node.dataDirectory().toString())),
                runDirectory, 16L * 1024 * 1024, true, 2181,
                List.of("group-0"), group -> Optional.of("n2"));
        List<ScheduledFault> faults = new ArrayList<>();
        FaultKind[] kinds = FaultKind.values();
        for (int i = 0; i < kinds.length; i++) {
            faults.add(new ScheduledFault(i, kinds[i], Duration.ofMillis(2500L * i + 500), Duration.ofMillis(1500), i,
                    kinds[i] == FaultKind.CLOCK_SKEW ? Duration.ofMinutes(-7) : Duration.ZERO));
        }
        Schedule schedule = new Schedule(0L, Duration.ofSeconds(25), faults);
        List<String> namespacesBefore;
        List<FaultRecord> records;
        Map<String, Long> firstPids = new HashMap<>();
        boolean namespaces;

        try (LocalProcessCluster cluster = LocalProcessCluster.start(options, System.out)) {
            namespaces = cluster.network().isPresent();
            namespacesBefore = List.of(HostCommand.check("ip", "netns", "list").split("\n"));
            for (ClusterNode node : cluster.nodes()) {
                firstPids.put(node.name(), cluster.process(node.name()).orElseThrow().pid());
                await().atMost(GENEROUS).until(() -> cluster.process(node.name()).orElseThrow()
                        .hasLine(line -> line.startsWith("write-ok")));
            }
            NemesisRunner runner = new NemesisRunner(List.of(new KillRestartNemesis(), new PauseNemesis(),
                    new ZonePartitionNemesis(), new MajoritySplitNemesis(), new ZooKeeperOutageNemesis(),
                    new DiskFullNemesis(), new ClockSkewNemesis(ClockSkewMethod.SYSTEM_PROPERTY), new LeaderKillNemesis()),
                    System::nanoTime, System.out);

            records = runner.run(schedule, cluster, System.nanoTime());

            for (ClusterNode node : cluster.nodes()) {
                assertThat(cluster.running(node.name())).as(node.name() + " running after healing").isTrue();
            }
            assertThat(cluster.zookeeperRunning()).isTrue();
            // KILL_RESTART targets n1 (target 0), CLOCK_SKEW n1 (6 % 3 = 0), LEADER_KILL the leader n2.
            assertThat(cluster.process("n1").orElseThrow().pid()).isNotEqualTo(firstPids.get("n1"));
            assertThat(cluster.process("n2").orElseThrow().pid()).isNotEqualTo(firstPids.get("n2"));
            String n3Log = Files.readString(runDirectory.resolve("n3/node.log"));
            assertThat(n3Log).as("DISK_FULL targets n3 (5 %% 3 = 2)").contains("No space left on device");
            String n1Log = Files.readString(runDirectory.resolve("n1/node.log"));
            assertThat(n1Log).contains("skew=PT-7M");
            await().atMost(GENEROUS).until(() -> cluster.process("n3").orElseThrow().lines().getLast().startsWith("write-ok")
                    || cluster.process("n3").orElseThrow().lines().getLast().startsWith("tick"));
        }

        assertThat(records).hasSize(kinds.length);
        for (FaultRecord record : records) {
            boolean partition = record.fault().kind() == FaultKind.ZONE_PARTITION
                    || record.fault().kind() == FaultKind.MAJORITY_SPLIT;
            if (partition && !namespaces) {
                assertThat(record.outcome()).startsWith("skipped");
            } else {
                assertThat(record.outcome()).as(record.toString()).isEqualTo("injected");
            }
        }
        assertThat(Files.readString(Path.of("/proc/mounts"))).doesNotContain(runDirectory.toString());
        String namespacesAfter = HostCommand.check("ip", "netns", "list");
        for (String line : namespacesBefore) {
            if (line.startsWith("strata-" + ProcessHandle.current().pid())) {
                assertThat(namespacesAfter).doesNotContain(line.split("\\s+")[0]);
            }
        }
    }
}
