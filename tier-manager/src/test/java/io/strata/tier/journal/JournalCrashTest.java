package io.strata.tier.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed with {@code kill -9} while appending loses no entry whose append returned:
 * Chronicle's memory-mapped file lives on in the page cache.
 */
class JournalCrashTest {
    /** Enough reported appends that the kill lands in the middle of a steady stream of writes. */
    private static final int REPORTED_BEFORE_KILL = 20_000;

    @TempDir
    Path directory;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void everyEntryReportedAppendedSurvivesKillDashNine() throws Exception {
        Path journalDirectory = directory.resolve("journal");
        long lastReported = runChildAndKillIt(journalDirectory, REPORTED_BEFORE_KILL);

        try (CommandJournal journal = CommandJournal.open(JournalConfiguration.of(journalDirectory))) {
            assertThat(journal.lastIndex()).isGreaterThanOrEqualTo(lastReported);
            List<JournalEntry> replayed = new ArrayList<>();
            journal.replayFrom(0, (index, command) -> replayed.add(JournalEntry.copyOf(index, command)));

            assertThat(replayed).hasSize((int) journal.lastIndex());
            for (int i = 0; i < replayed.size(); i++) {
                long expectedIndex = i + 1;
                assertThat(replayed.get(i))
                        .isEqualTo(JournalEntry.of(expectedIndex, JournalAppenderProcess.commandFor(expectedIndex)));
            }

            // The journal stays writable after the crash: the state machine carries on from lastIndex.
            long next = journal.lastIndex() + 1;
            assertThat(journal.append(next, JournalAppenderProcess.commandFor(next))).isTrue();
        }

        // And a second crashed writer on the same journal continues where the first left off.
        long secondLastReported = runChildAndKillIt(journalDirectory, 1_000);
        try (CommandJournal journal = CommandJournal.open(JournalConfiguration.of(journalDirectory))) {
            assertThat(secondLastReported).isGreaterThan(lastReported);
            assertThat(journal.lastIndex()).isGreaterThanOrEqualTo(secondLastReported);
            long[] count = {0};
            long[] previous = {0};
            journal.replayFrom(0, (index, command) -> {
                assertThat(index).isEqualTo(previous[0] + 1);
                previous[0] = index;
                count[0]++;
            });
            assertThat(count[0]).isEqualTo(journal.lastIndex());
        }
    }

    /** Starts the child, reads its reports until {@code reports} more arrived, kills it; returns the last one. */
    private long runChildAndKillIt(Path journalDirectory, int reports) throws Exception {
        Path errors = Files.createTempFile(directory, "child-", ".err");
        Process child = new ProcessBuilder(childCommand(journalDirectory))
                .redirectError(errors.toFile())
                .start();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            Future<Long> lastReported = reader.submit(() -> readReports(child, reports));
            long last;
            try {
                last = lastReported.get(4, TimeUnit.MINUTES);
            } catch (Exception e) {
                throw new AssertionError("child failed; stderr:\n" + Files.readString(errors), e);
            }
            child.destroyForcibly();
            assertThat(child.waitFor(1, TimeUnit.MINUTES)).as("child died").isTrue();
            assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
            return last;
        } finally {
            child.destroyForcibly();
            reader.shutdownNow();
        }
    }

    private static long readReports(Process child, int reports) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII));
        String opened = lines.readLine();
        if (opened == null || !opened.startsWith("open ")) {
            throw new IOException("child did not open the journal: " + opened);
        }
        long last = Math.max(0, Long.parseLong(opened.substring("open ".length())));
        for (int i = 0; i < reports; i++) {
            String line = lines.readLine();
            if (line == null) {
                throw new IOException("child exited after reporting " + last);
            }
            long reported = Long.parseLong(line);
            if (reported != last + 1) {
                throw new IOException("child reported " + reported + " after " + last);
            }
            last = reported;
        }
        return last;
    }

    private static List<String> childCommand(Path journalDirectory) {
        String flags = System.getProperty("strata.jvm.flags");
        if (flags == null || flags.isBlank()) {
            throw new IllegalStateException("System property strata.jvm.flags is not set: run through Maven (surefire"
                    + " sets it from the root pom), or pass Chronicle's JVM flags with -Dstrata.jvm.flags=...");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.addAll(Arrays.asList(flags.trim().split("\\s+")));
        command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        command.add(JournalAppenderProcess.class.getName());
        command.add(journalDirectory.toString());
        return command;
    }
}
