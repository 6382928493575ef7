package io.strata.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.cli.CommandEnvironment;
import io.strata.cli.load.LoadCommand;
import io.strata.cli.testing.CommandRun;
import io.strata.client.StrataClient;
import io.strata.client.transport.RetryPolicy;
import io.strata.server.dev.DevCluster;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code strata load --rows 1000000} against a real {@code strata dev} cluster (a child JVM, as a
 * user runs it): progress lines while it writes, the final rate, and every row counted back.
 */
class LoadCommandDevClusterTest {
    private static final Logger LOG = LoggerFactory.getLogger(LoadCommandDevClusterTest.class);
    private static final Pattern SUMMARY = Pattern.compile(
            "Loaded 1,000,000 rows into devops\\.cpu in ([\\d.,]+) s \\(([\\d,]+) rows/s\\); rejected 0\\n");

    @TempDir
    Path data;

    @TempDir
    Path home;

    @Test
    @Timeout(value = 15, unit = java.util.concurrent.TimeUnit.MINUTES)
    void loadsAMillionRowsShowingProgressAndTheRateAndEveryRowIsCountedBack() throws Exception {
        int offset = DevProcess.freePortOffset();
        try (DevProcess dev = DevProcess.start(data, offset, "2g")) {
            dev.awaitReadyLine();
            String endpoint = "127.0.0.1:" + (DevCluster.FIRST_GRPC_PORT + offset);
            RetryPolicy patient = new RetryPolicy(100, Duration.ofMillis(20), Duration.ofSeconds(1), 2.0,
                    Duration.ofMinutes(3));
            CommandEnvironment environment = new CommandEnvironment(
                    endpoints -> StrataClient.builder().endpoints(endpoints).retryPolicy(patient).build(),
                    InputStream.nullInputStream(), Clock.systemUTC(), false, home.resolve(".strata_history"));

            CommandRun run = CommandRun.of(new LoadCommand(environment), "--rows", "1000000", "--hosts", "100",
                    "--create", "--progress-every", "2s", "--endpoint", endpoint);

            LOG.info("strata load: exit {}\n{}{}", run.exitCode(), lastLines(run.err(), 5), run.out());
            assertThat(run.exitCode()).as(run.err()).isZero();
            List<String> progress = run.err().lines().toList();
            assertThat(progress).as("progress lines").hasSizeGreaterThanOrEqualTo(2)
                    .allMatch(line -> line.matches(
                            "rows [\\d,]+/1,000,000 \\(\\d+%\\)  [\\d,]+ rows/s  ETA [\\d:-]+  rejected 0"));
            assertThat(progress.getLast()).startsWith("rows 1,000,000/1,000,000 (100%)");
            Matcher summary = SUMMARY.matcher(run.out());
            assertThat(summary.find()).as(run.out()).isTrue();
            assertThat(Long.parseLong(summary.group(2).replace(",", ""))).as("rows/s").isPositive();

            try (StrataClient client = StrataClient.builder().endpoints(endpoint).retryPolicy(patient).build()) {
                long count = client.query("SELECT count(*) AS n FROM devops.cpu").stream().findFirst().orElseThrow()
                        .getLong("n");
                long hosts = client.query("SELECT count(DISTINCT hostname) AS n FROM devops.cpu").stream().findFirst()
                        .orElseThrow().getLong("n");
                assertThat(count).isEqualTo(1_000_000);
                assertThat(hosts).isEqualTo(100);
            }
        }
    }

    private static String lastLines(String text, int count) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size())) + "\n";
    }
}
