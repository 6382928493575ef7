package io.strata.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.server.dev.DevCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS CLI end to end, as a user runs it against {@code strata dev}: the real {@code aws}
 * command with dummy credentials and {@code --endpoint-url}, against a dev cluster in a child JVM.
 * Databases, tables and WriteRecords (with CommonAttributes and MULTI) go through the CLI, and the
 * CLI's Query answers the values written; rewriting a point shows the duplicate rules (an identical
 * retry is accepted, another value for it refused).
 */
class AwsCliDevClusterTest {
    private static final Path AWS = Path.of("/usr/bin/aws");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @TempDir
    Path home;

    @Test
    void createWriteAndDescribeThroughTheAwsCli() throws Exception {
        assumeTrue(Files.isExecutable(AWS), "the AWS CLI is not installed (/usr/bin/aws; .ci/run installs awscli)");
        int offset = DevProcess.freePortOffset();
        String endpoint = "http://127.0.0.1:" + (DevCluster.FIRST_HTTP_PORT + offset + 1);
        try (DevProcess dev = DevProcess.start(data, offset)) {
            dev.awaitReadyLine();

            JsonNode database = aws(endpoint, "timestream-write", "create-database", "--database-name", "cli_db");
            assertThat(database.at("/Database/Arn").asText()).endsWith(":database/cli_db");
            JsonNode table = aws(endpoint, "timestream-write", "create-table", "--database-name", "cli_db",
                    "--table-name", "cli_table",
                    "--retention-properties", "MemoryStoreRetentionPeriodInHours=24,MagneticStoreRetentionPeriodInDays=7");
            assertThat(table.at("/Table/TableStatus").asText()).isEqualTo("ACTIVE");

            long now = System.currentTimeMillis();
            JsonNode written = aws(endpoint, "timestream-write", "write-records", "--database-name", "cli_db",
                    "--table-name", "cli_table",
                    "--common-attributes", "{\"Dimensions\":[{\"Name\":\"site\",\"Value\":\"north\"}],"
                            + "\"TimeUnit\":\"MILLISECONDS\",\"Time\":\"" + now + "\"}",
                    "--records", "[{\"Dimensions\":[{\"Name\":\"sensor\",\"Value\":\"s-1\"}],\"MeasureName\":\"temperature\","
                            + "\"MeasureValueType\":\"DOUBLE\",\"MeasureValue\":\"21.5\"},"
                            + "{\"Dimensions\":[{\"Name\":\"sensor\",\"Value\":\"s-2\"}],\"MeasureName\":\"reading\","
                            + "\"MeasureValueType\":\"MULTI\",\"MeasureValues\":["
                            + "{\"Name\":\"temperature\",\"Value\":\"19.25\",\"Type\":\"DOUBLE\"},"
                            + "{\"Name\":\"status\",\"Value\":\"ok\",\"Type\":\"VARCHAR\"}]}]");
            assertThat(written.at("/RecordsIngested/Total").asInt()).isEqualTo(2);
            assertThat(written.at("/RecordsIngested/MemoryStore").asInt()).isEqualTo(2);

            JsonNode described = aws(endpoint, "timestream-write", "describe-table", "--database-name", "cli_db",
                    "--table-name", "cli_table");
            assertThat(described.at("/Table/TableName").asText()).isEqualTo("cli_table");
            assertThat(described.at("/Table/RetentionProperties/MemoryStoreRetentionPeriodInHours").asLong())
                    .isEqualTo(24);
            assertThat(aws(endpoint, "timestream-write", "list-databases").at("/Databases/0/DatabaseName").asText())
                    .isEqualTo("cli_db");

            // Reading back without the query engine: the stored point accepts an identical retry and
            // refuses another value for the same series and time.
            String point = "[{\"Dimensions\":[{\"Name\":\"site\",\"Value\":\"north\"},"
                    + "{\"Name\":\"sensor\",\"Value\":\"s-1\"}],\"MeasureName\":\"temperature\","
                    + "\"MeasureValueType\":\"DOUBLE\",\"MeasureValue\":\"%s\",\"TimeUnit\":\"MILLISECONDS\","
                    + "\"Time\":\"" + now + "\"}]";
            assertThat(aws(endpoint, "timestream-write", "write-records", "--database-name", "cli_db",
                    "--table-name", "cli_table", "--records", point.formatted("21.5"))
                    .at("/RecordsIngested/Total").asInt()).isEqualTo(1);
            CliResult rewrite = run(endpoint, "timestream-write", "write-records", "--database-name", "cli_db",
                    "--table-name", "cli_table", "--records", point.formatted("99.0"));
            assertThat(rewrite.exitCode()).as(rewrite.output()).isNotZero();
            assertThat(rewrite.output()).contains("RejectedRecordsException");

            JsonNode single = aws(endpoint, "timestream-query", "query", "--query-string",
                    "SELECT sensor, site, measure_value::double FROM \"cli_db\".\"cli_table\" "
                            + "WHERE measure_name = 'temperature'");
            assertThat(single.at("/Rows").size()).isEqualTo(1);
            assertThat(values(single.at("/Rows/0"))).containsExactly("s-1", "north", "21.5");
            JsonNode multi = aws(endpoint, "timestream-query", "query", "--query-string",
                    "SELECT sensor, temperature, status FROM \"cli_db\".\"cli_table\" WHERE measure_name = 'reading'");
            assertThat(multi.at("/Rows").size()).isEqualTo(1);
            assertThat(values(multi.at("/Rows/0"))).containsExactly("s-2", "19.25", "ok");
            assertThat(multi.at("/ColumnInfo/1/Type/ScalarType").asText()).isEqualTo("DOUBLE");

            CliResult missing = run(endpoint, "timestream-write", "describe-database", "--database-name", "absent");
            assertThat(missing.exitCode()).isNotZero();
            assertThat(missing.output()).contains("ResourceNotFoundException");
        }
    }

    private static List<String> values(JsonNode row) {
        List<String> values = new ArrayList<>();
        row.get("Data").forEach(datum -> values.add(datum.get("ScalarValue").asText()));
        return values;
    }

    private JsonNode aws(String endpoint, String... arguments) throws Exception {
        CliResult result = run(endpoint, arguments);
        assertThat(result.exitCode()).as(result.output()).isZero();
        return JSON.readTree(result.stdout());
    }

    private CliResult run(String endpoint, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(AWS.toString()));
        command.addAll(List.of(arguments));
        command.addAll(List.of("--endpoint-url", endpoint, "--output", "json", "--no-cli-pager",
                "--cli-read-timeout", "60", "--cli-connect-timeout", "30"));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("AWS_ACCESS_KEY_ID", "x");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "x");
        builder.environment().put("AWS_DEFAULT_REGION", "us-east-1");
        builder.environment().put("AWS_CONFIG_FILE", home.resolve("config").toString());
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        builder.environment().put("AWS_MAX_ATTEMPTS", "1");
        builder.environment().put("HOME", home.toString());
        Path stdout = Files.createTempFile(home, "stdout", ".txt");
        Path stderr = Files.createTempFile(home, "stderr", ".txt");
        Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("aws " + List.of(arguments) + " did not finish in 3 minutes");
        }
        return new CliResult(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private record CliResult(int exitCode, String stdout, String stderr) {
        String output() {
            return stdout + stderr;
        }
    }
}
