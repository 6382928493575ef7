package io.strata.cli.sql;

import static io.strata.cli.testing.Results.array;
import static io.strata.cli.testing.Results.arrayColumn;
import static io.strata.cli.testing.Results.column;
import static io.strata.cli.testing.Results.nullValue;
import static io.strata.cli.testing.Results.page;
import static io.strata.cli.testing.Results.row;
import static io.strata.cli.testing.Results.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.api.v1.ColumnInfo;
import io.strata.api.v1.ScalarType;
import io.strata.cli.CommandEnvironment;
import io.strata.cli.testing.CommandRun;
import io.strata.cli.testing.ServerErrors;
import io.strata.cli.testing.SteppingClock;
import io.strata.cli.testing.TestNode;
import io.strata.client.StrataClient;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlCommandTest {
    private static final String QUERY = "SELECT hostname, usage, count, ok, time, tags FROM devops.cpu";
    private static final List<ColumnInfo> COLUMNS = List.of(column("hostname", ScalarType.SCALAR_TYPE_VARCHAR),
            column("usage", ScalarType.SCALAR_TYPE_DOUBLE), column("count", ScalarType.SCALAR_TYPE_BIGINT),
            column("ok", ScalarType.SCALAR_TYPE_BOOLEAN), column("time", ScalarType.SCALAR_TYPE_TIMESTAMP),
            arrayColumn("tags", ScalarType.SCALAR_TYPE_VARCHAR));

    private static final String TIME_AND_INTEGER = "SELECT CAST(time AS TIME) AS clock, CAST(count AS INTEGER) AS n FROM devops.cpu";

    @TempDir
    Path home;

    private TestNode node;

    @BeforeEach
    void startNode() {
        node = new TestNode();
        // Two pages: the printers must read past the first.
        node.queries.answer(QUERY,
                page(COLUMNS,
                        row(text("host_1"), text("58.5"), text("12"), text("true"), text("2024-05-01 12:00:00.000000000"), array("a", "b")),
                        row(text("host_22"), nullValue(), text("7"), nullValue(), text("2024-05-01 12:00:10.000000000"), nullValue())),
                page(COLUMNS,
                        row(nullValue(), text("100.25"), text("1234"), text("false"), text("2024-05-01 12:00:20.000000000"), array())));
        node.queries.fail("SELECT x FROM devops.cpu", ServerErrors.validation("line 1:8: Column 'x' does not exist"));
        node.queries.answer(TIME_AND_INTEGER, page(List.of(column("clock", ScalarType.SCALAR_TYPE_TIME),
                        column("n", ScalarType.SCALAR_TYPE_INTEGER)),
                row(text("17:41:52.827000000"), text("7")), row(nullValue(), text("-12"))));
        node.queries.answer("SELECT 1", page(List.of(column("_col0", ScalarType.SCALAR_TYPE_INTEGER)), row(text("1"))));
    }

    @AfterEach
    void stopNode() throws InterruptedException {
        node.close();
    }

    private CommandEnvironment environment(String input) {
        return node.environment(input, new SteppingClock(Instant.parse("2024-05-01T12:00:00Z"), Duration.ofMillis(34)),
                home.resolve(".strata_history"));
    }

    @Test
    void tablePutsHeadersOverAlignedColumnsNumbersRightNullsAsNullThenCountAndTime() {
        CommandRun run = CommandRun.of(new SqlCommand(environment("")), "-e", QUERY + ";");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("""
                 hostname |  usage | count | ok    | time                          | tags
                ----------+--------+-------+-------+-------------------------------+--------
                 host_1   |   58.5 |    12 | true  | 2024-05-01 12:00:00.000000000 | [a, b]
                 host_22  |   NULL |     7 | NULL  | 2024-05-01 12:00:10.000000000 | NULL
                 NULL     | 100.25 |  1234 | false | 2024-05-01 12:00:20.000000000 | []
                3 rows in 0.034 s
                """);
    }

    @Test
    void csvQuotesWhatNeedsItAndLeavesNullEmpty() {
        CommandRun run = CommandRun.of(new SqlCommand(environment("")), "-e", QUERY, "--format", "csv");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("""
                hostname,usage,count,ok,time,tags
                host_1,58.5,12,true,2024-05-01 12:00:00.000000000,"[a, b]"
                host_22,,7,,2024-05-01 12:00:10.000000000,
                ,100.25,1234,false,2024-05-01 12:00:20.000000000,[]
                """);
    }

    @Test
    void jsonTypesNumbersBooleansArraysAndNulls() {
        CommandRun run = CommandRun.of(new SqlCommand(environment("")), "-e", QUERY, "--format", "JSON");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("""
                [
                {"hostname":"host_1","usage":58.5,"count":12,"ok":true,"time":"2024-05-01 12:00:00.000000000","tags":["a","b"]},
                {"hostname":"host_22","usage":null,"count":7,"ok":null,"time":"2024-05-01 12:00:10.000000000","tags":null},
                {"hostname":null,"usage":100.25,"count":1234,"ok":false,"time":"2024-05-01 12:00:20.000000000","tags":[]}
                ]
                """);
    }

    @Test
    void timesPrintAsTimestreamTextAndIntegersAsRightAlignedNumbersOrJsonNumbers() {
        CommandRun table = CommandRun.of(new SqlCommand(environment("")), "-e", TIME_AND_INTEGER);
        assertThat(table.out()).isEqualTo("""
                 clock              |   n
                --------------------+-----
                 17:41:52.827000000 |   7
                 NULL               | -12
                2 rows in 0.034 s
                """);

        CommandRun json = CommandRun.of(new SqlCommand(environment("")), "-e", TIME_AND_INTEGER, "--format", "json");
        assertThat(json.out()).isEqualTo("""
                [
                {"clock":"17:41:52.827000000","n":7},
                {"clock":null,"n":-12}
                ]
                """);
    }

    @Test
    void aFailedQueryIsOneLineOnStandardErrorAndExitCodeOne() {
        CommandRun run = CommandRun.of(new SqlCommand(environment("")), "-e", "SELECT x FROM devops.cpu");

        assertThat(run.exitCode()).isEqualTo(SqlCommand.QUERY_FAILED);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("ValidationException: line 1:8: Column 'x' does not exist\n");
    }

    @Test
    void statementsAfterAFailedOneAreNotRun() {
        CommandRun run = CommandRun.of(new SqlCommand(environment("")), "-e", "SELECT 1; SELECT x FROM devops.cpu; " + QUERY);

        assertThat(run.exitCode()).isEqualTo(SqlCommand.QUERY_FAILED);
        assertThat(node.queries.asked()).containsExactly("SELECT 1", "SELECT x FROM devops.cpu");
        assertThat(run.out()).endsWith("1 row in 0.034 s\n");
    }

    @Test
    void anUnreachableClusterIsExitCodeTwo() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CommandEnvironment unreachable = new CommandEnvironment(
                endpoints -> StrataClient.builder().endpoints(endpoints).retryPolicy(CommandEnvironment.INTERACTIVE_RETRIES).build(),
                new ByteArrayInputStream(new byte[0]), Clock.systemUTC(), false, home.resolve(".strata_history"));

        CommandRun run = CommandRun.of(new SqlCommand(unreachable), "--endpoint", "127.0.0.1:" + closedPort, "-e", "SELECT 1");

        assertThat(run.exitCode()).isEqualTo(SqlCommand.CONNECTION_FAILED);
        assertThat(run.err()).startsWith("ServiceUnavailableException: ").doesNotContain("\n\n").hasLineCount(1);
    }

    @Test
    void theShellRunsScriptedStatementsReportsAFailureInOneLineAndGoesOn() {
        node.queries.answer("SELECT hostname\n  FROM devops.cpu WHERE hostname = 'a;b'",
                page(List.of(column("hostname", ScalarType.SCALAR_TYPE_VARCHAR)), row(text("a;b"))));
        node.queries.answer("DESCRIBE \"devops\".\"cpu\"", page(List.of(column("Column", ScalarType.SCALAR_TYPE_VARCHAR),
                column("Type", ScalarType.SCALAR_TYPE_VARCHAR), column("Timestream attribute type", ScalarType.SCALAR_TYPE_VARCHAR)),
                row(text("hostname"), text("varchar"), text("DIMENSION")), row(text("time"), text("timestamp"), text("TIMESTAMP"))));
        String script = """
                SELECT 1;
                SELECT x FROM devops.cpu;
                SELECT hostname
                  FROM devops.cpu WHERE hostname = 'a;b';
                \\d devops.cpu
                \\q
                SELECT 1;
                """;

        CommandRun run = CommandRun.of(new SqlCommand(environment(script)));

        assertThat(node.queries.asked()).containsExactly("SELECT 1", "SELECT x FROM devops.cpu",
                "SELECT hostname\n  FROM devops.cpu WHERE hostname = 'a;b'", "DESCRIBE \"devops\".\"cpu\"");
        assertThat(run.err()).isEqualTo("ValidationException: line 1:8: Column 'x' does not exist\n");
        assertThat(run.out()).isEqualTo("""
                 _col0
                -------
                     1
                1 row in 0.034 s
                 hostname
                ----------
                 a;b
                1 row in 0.034 s
                 Column   | Type      | Timestream attribute type
                ----------+-----------+---------------------------
                 hostname | varchar   | DIMENSION
                 time     | timestamp | TIMESTAMP
                2 rows in 0.034 s
                """);
        assertThat(run.exitCode()).as("a script with a failed statement").isEqualTo(SqlCommand.QUERY_FAILED);
    }

    @Test
    void aScriptsLastStatementRunsWithoutItsSemicolon() {
        CommandRun run = CommandRun.of(new SqlCommand(environment("SELECT 1\n")));

        assertThat(run.exitCode()).isZero();
        assertThat(node.queries.asked()).containsExactly("SELECT 1");
    }
}
