package io.strata.cli.sql;

import static io.strata.cli.testing.Results.column;
import static io.strata.cli.testing.Results.page;
import static io.strata.cli.testing.Results.row;
import static io.strata.cli.testing.Results.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.strata.api.v1.ScalarType;
import io.strata.cli.testing.CannedQueryService;
import io.strata.cli.testing.ServerErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive shell in a real pseudo-terminal (tmux), against a node double over real gRPC:
 * a person types a two-line statement and sees a table, a bad one and sees one error line.
 */
class TerminalShellTest {
    @TempDir
    Path home;

    @Test
    void aPersonAtATerminalTypesStatementsAndSeesTablesAndOneLineErrors() throws Exception {
        Assumptions.assumeTrue(tmuxAvailable(), "tmux is not installed: the pseudo-terminal check is skipped");
        CannedQueryService queries = new CannedQueryService()
                .answer("SELECT hostname\nFROM devops.cpu", page(List.of(column("hostname", ScalarType.SCALAR_TYPE_VARCHAR)),
                        row(text("host_1")), row(text("host_2"))))
                .fail("SELECT x FROM devops.cpu", ServerErrors.validation("line 1:8: Column 'x' does not exist"));
        Server server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create()).addService(queries).build().start();
        String session = "strata-cli-" + UUID.randomUUID();
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            String shell = String.join(" ", java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED",
                    "-Duser.home=" + home, "-cp", classPath, TerminalShellMain.class.getName(),
                    "--endpoint", "127.0.0.1:" + server.getPort());
            // The pane stays after the shell ends, so a failed start shows why.
            run("tmux", "new-session", "-d", "-s", session, "-x", "160", "-y", "40", shell + "; echo shell exited $?; sleep 600");
            awaitScreen(session, "strata>", Duration.ofMinutes(2));

            type(session, "SELECT hostname");
            awaitScreen(session, "\n    ..>", Duration.ofSeconds(30));
            type(session, "FROM devops.cpu;");
            awaitScreen(session, "2 rows in ", Duration.ofSeconds(60));
            assertThat(screen(session)).contains(" hostname\n----------\n host_1\n host_2\n");

            type(session, "SELECT x FROM devops.cpu;");
            awaitScreen(session, "ValidationException: line 1:8: Column 'x' does not exist\nstrata>", Duration.ofSeconds(60));

            type(session, "\\q");
            awaitScreen(session, "shell exited 0", Duration.ofSeconds(60));
            Path history = home.resolve(".strata_history");
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(history)
                    && Files.readString(history, StandardCharsets.UTF_8).contains("SELECT x FROM devops.cpu;"));
            assertThat(Files.readString(history, StandardCharsets.UTF_8)).contains("SELECT hostname");
        } finally {
            new ProcessBuilder("tmux", "kill-session", "-t", session).start().waitFor(30, TimeUnit.SECONDS);
            server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** Types {@code line} and Enter. tmux reads a ';' ending an argument as a command separator: it goes as a key code. */
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
        // tmux pads lines with blanks to the pane width.
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
