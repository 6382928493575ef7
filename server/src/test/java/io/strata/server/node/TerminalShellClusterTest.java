package io.strata.server.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strata.api.v1.Dimension;
import io.strata.api.v1.MeasureValueType;
import io.strata.api.v1.Record;
import io.strata.cli.sql.TerminalShellMain;
import io.strata.client.StrataClient;
import io.strata.client.write.RecordWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata sql} in a real pseudo-terminal (tmux) against a real three-node cluster: a query
 * prints an aligned table of what the cluster stores, bad SQL prints one error line and the shell
 * goes on.
 */
class TerminalShellClusterTest {
    @TempDir
    Path data;

    @TempDir
    Path home;

    @Test
    void theShellPrintsATableForAQueryAndOneLineForBadSql() throws Exception {
        Assumptions.assumeTrue(tmuxAvailable(), "tmux is not installed: the pseudo-terminal check is skipped");
        try (TestCluster cluster = new TestCluster(data)) {
            cluster.awaitReady();
            Instant at = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
            try (StrataClient client = StrataClient.builder().endpoints(cluster.config(0).grpcAddress())
                    .retryPolicy(SequenceRecords.PATIENT).build()) {
                SequenceRecords.createTable(client, "devops", "cpu");
                try (RecordWriter writer = client.newRecordWriter()) {
                    for (String[] reading : new String[][] {{"host_1", "51.25"}, {"host_2", "7.5"}, {"host_10", "100.0"}}) {
                        writer.write("devops", "cpu", Record.newBuilder()
                                .addDimensions(Dimension.newBuilder().setName("hostname").setValue(reading[0]))
                                .setMeasureName("usage_user").setMeasureValue(reading[1])
                                .setMeasureValueType(MeasureValueType.MEASURE_VALUE_TYPE_DOUBLE)
                                .setTime(Long.toString(at.toEpochMilli())).build());
                    }
                }
            }

            String session = "strata-cluster-shell-" + UUID.randomUUID();
            try {
                String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
                String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
                String shell = String.join(" ", java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                        "--enable-native-access=ALL-UNNAMED", "-Duser.home=" + home, "-cp", classPath,
                        TerminalShellMain.class.getName(), "--endpoint", cluster.config(1).grpcAddress());
                run("tmux", "new-session", "-d", "-s", session, "-x", "160", "-y", "40",
                        shell + "; echo shell exited $?; sleep 600");
                awaitScreen(session, "strata>", Duration.ofMinutes(2));

                type(session, "SELECT hostname, measure_value::double AS usage");
                awaitScreen(session, "\n    ..>", Duration.ofSeconds(30));
                type(session, "FROM devops.cpu ORDER BY hostname;");
                awaitScreen(session, "3 rows in ", Duration.ofSeconds(60));
                assertThat(screen(session)).contains("""
                         hostname | usage
                        ----------+-------
                         host_1   | 51.25
                         host_10  | 100.0
                         host_2   |   7.5
                        3 rows in\s""");

                type(session, "SELECT nonexistent FROM devops.cpu;");
                // The next prompt, still empty (lines are compared without trailing blanks).
                awaitScreen(session, "devops.cpu;\nValidationException: ", Duration.ofSeconds(60));
                awaitScreen(session, "\nstrata>\n", Duration.ofSeconds(60));
                List<String> lines = screen(session).lines().toList();
                int statement = lines.indexOf("strata> SELECT nonexistent FROM devops.cpu;");
                assertThat(statement).as(String.join("\n", lines)).isNotNegative();
                assertThat(lines.get(statement + 1)).startsWith("ValidationException: ").contains("nonexistent");
                assertThat(lines.get(statement + 2)).isEqualTo("strata>");

                type(session, "\\q");
                awaitScreen(session, "shell exited 0", Duration.ofSeconds(60));
            } finally {
                new ProcessBuilder("tmux", "kill-session", "-t", session).start().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Types {@code line} and Enter; a ';' goes as its key code (tmux reads a trailing ';' as a separator). */
    private static void type(String session, String line) throws IOException, InterruptedException {
        String[] parts = line.split(";", -1);
        for (int index = 0; index < parts.length; index++) {
            if (index > 0) {
                run("tmux", "send-keys", "-t", session, "-H", "3b");
            }
            if (!parts[index].isEmpty()) {
                run("tmux", "send-keys", "-t", session, "-l", parts[index]);
            }
        }
        run("tmux", "send-keys", "-t", session, "Enter");
    }

    private static void awaitScreen(String session, String text, Duration timeout) throws IOException, InterruptedException {
        try {
            await().atMost(timeout).until(() -> screen(session).contains(text));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the screen does not show '" + text + "':\n" + screen(session), e);
        }
    }

    private static boolean tmuxAvailable() {
        try {
            return new ProcessBuilder("tmux", "-V").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String screen(String session) throws IOException, InterruptedException {
        Process capture = new ProcessBuilder("tmux", "capture-pane", "-p", "-t", session).redirectErrorStream(true).start();
        String text = new String(capture.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        capture.waitFor(30, TimeUnit.SECONDS);
        List<String> lines = new ArrayList<>();
        text.lines().forEach(line -> lines.add(line.stripTrailing()));
        return String.join("\n", lines);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
    }
}
