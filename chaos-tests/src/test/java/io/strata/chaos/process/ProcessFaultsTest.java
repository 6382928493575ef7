package io.strata.chaos.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strata.chaos.clock.ClockSkew;
import io.strata.chaos.clock.ClockSkewMethod;
import io.strata.chaos.disk.TmpfsVolume;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process faults against a real child JVM that counts: kill -9, pause, disk full, clock skew. */
class ProcessFaultsTest {
    private static final Duration GENEROUS = Duration.ofSeconds(60);
    private static final Pattern TICK = Pattern.compile("tick (\\d+) wall=(\\d+) skew=(\\S+)");

    @TempDir
    Path directory;

    private final Teardown teardown = new Teardown();

    @AfterEach
    void cleanUp() {
        teardown.close();
    }

    private ChildProcess startCounter(String name, List<String> jvmArguments, Map<String, String> environment,
            List<String> arguments) {
        ChildProcess child = ChildProcess.start(name, JavaCommand.of(CountingProcess.class, jvmArguments, arguments),
                environment, null, directory.resolve(name + ".log"));
        teardown.register(name, child::close);
        return child;
    }

    private static long ticks(ChildProcess child) {
        return child.lines().stream().filter(line -> line.startsWith("tick ")).count();
    }

    private static Matcher lastTick(ChildProcess child) {
        List<String> lines = child.lines().stream().filter(line -> line.startsWith("tick ")).toList();
        Matcher matcher = TICK.matcher(lines.getLast());
        assertThat(matcher.matches()).isTrue();
        return matcher;
    }

    @Test
    void killNineStopsTheProcessAtOnceAndARestartRunsAgain() {
        ChildProcess first = startCounter("counter", List.of(), Map.of(), List.of());
        await().atMost(GENEROUS).until(() -> ticks(first) >= 3);

        first.kill();

        assertThat(first.isAlive()).isFalse();
        assertThat(first.awaitExit(GENEROUS)).isEqualTo(137);
        ChildProcess restarted = startCounter("counter", List.of(), Map.of(), List.of());
        assertThat(restarted.pid()).isNotEqualTo(first.pid());
        await().atMost(GENEROUS).until(() -> ticks(restarted) >= 3);
        assertThat(Files.exists(directory.resolve("counter.log"))).isTrue();
    }

    @Test
    void pausedProcessPrintsNothingAndContinuesWhereItStoppedAfterResume() throws Exception {
        ChildProcess child = startCounter("paused", List.of(), Map.of(), List.of());
        await().atMost(GENEROUS).until(() -> ticks(child) >= 3);

        child.pause();
        await().atMost(GENEROUS).until(() -> processState(child.pid()) == 'T');
        AtomicInteger previous = new AtomicInteger(-1);
        await().atMost(GENEROUS).pollInterval(Duration.ofMillis(100)).during(Duration.ofSeconds(1))
                .until(() -> (int) ticks(child) == previous.getAndSet((int) ticks(child)));
        long ticksWhilePaused = ticks(child);
        long lastTickWhilePaused = Long.parseLong(lastTick(child).group(1));
        assertThat(child.isAlive()).isTrue();

        child.resume();

        await().atMost(GENEROUS).until(() -> ticks(child) >= ticksWhilePaused + 3);
        long tickAfterResume = Long.parseLong(lastTick(child).group(1));
        assertThat(tickAfterResume).as("the same process continues counting").isGreaterThan(lastTickWhilePaused);
        assertThat(processState(child.pid())).isNotEqualTo('T');
    }

    @Test
    void fullTmpfsDataDirectoryFailsTheChildsWritesUntilReleased() {
        Assumptions.assumeTrue(HostCommand.run("id", "-u").output().equals("0"), "mounting tmpfs needs root");
        TmpfsVolume volume = TmpfsVolume.mount(directory.resolve("data"), 16L * 1024 * 1024, teardown);
        ChildProcess child = startCounter("disk", List.of(), Map.of(), List.of(volume.mountPoint().toString()));
        await().atMost(GENEROUS).until(() -> child.hasLine(line -> line.startsWith("write-ok")));

        long filled = volume.fill();

        assertThat(filled).isGreaterThan(8L * 1024 * 1024);
        await().atMost(GENEROUS).until(() -> child.hasLine(
                line -> line.startsWith("write-failed") && line.contains("IOException") && line.contains("No space left")));
        int failuresSeen = child.lines().size();

        volume.release();

        await().atMost(GENEROUS).until(() -> child.lines().subList(failuresSeen, child.lines().size()).stream()
                .anyMatch(line -> line.startsWith("write-ok")));
    }

    @Test
    void libfaketimeShiftsTheChildsWallClock() {
        ClockSkew skew = new ClockSkew(Duration.ofDays(1), ClockSkewMethod.LIBFAKETIME);
        Map<String, String> environment;
        try {
            environment = skew.environment();
        } catch (IllegalStateException unavailable) {
            Assumptions.abort(unavailable.getMessage());
            return;
        }
        ChildProcess child = startCounter("skewed", skew.jvmArguments(), environment, List.of());
        await().atMost(GENEROUS).until(() -> ticks(child) >= 1);

        long childWall = Long.parseLong(lastTick(child).group(2));

        assertThat(childWall - System.currentTimeMillis())
                .isBetween(Duration.ofDays(1).minusMinutes(5).toMillis(), Duration.ofDays(1).plusMinutes(5).toMillis());
    }

    @Test
    void systemPropertySkewReachesTheChild() {
        ClockSkew skew = new ClockSkew(Duration.ofSeconds(-90), ClockSkewMethod.SYSTEM_PROPERTY);
        ChildProcess child = startCounter("property", skew.jvmArguments(), skew.environment(), List.of());
        await().atMost(GENEROUS).until(() -> ticks(child) >= 1);

        assertThat(Duration.parse(lastTick(child).group(3))).isEqualTo(Duration.ofSeconds(-90));
    }

    private static char processState(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2);
    }
}
