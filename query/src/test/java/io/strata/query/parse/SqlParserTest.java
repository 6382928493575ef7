package io.strata.query.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.ErrorCode;
import io.strata.core.error.ValidationException;
import io.trino.sql.tree.AliasedRelation;
import io.trino.sql.tree.Identifier;
import io.trino.sql.tree.Join;
import io.trino.sql.tree.Node;
import io.trino.sql.tree.QuerySpecification;
import io.trino.sql.tree.Relation;
import io.trino.sql.tree.Table;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SqlParserTest {
    private final SqlParser parser = new SqlParser();

    static List<String> userWorkloadQueries() throws IOException {
        String text;
        try (InputStream in = SqlParserTest.class.getResourceAsStream("user-workloads.sql")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            current.append(line).append('\n');
            if (line.stripTrailing().endsWith(";")) {
                statements.add(current.toString());
                current.setLength(0);
            }
        }
        return statements;
    }

    @Test
    void theWorkloadFileHoldsEveryQuery() throws IOException {
        assertThat(userWorkloadQueries()).hasSize(17);
    }

    @ParameterizedTest
    @MethodSource("userWorkloadQueries")
    void everyUserWorkloadQueryParses(String sql) {
        ParsedStatement statement = parser.parse(sql);
        assertThat(statement).isInstanceOf(ParsedStatement.Select.class);
        assertThat(statement.originalText()).isEqualTo(sql);
    }

    @Test
    void identifiersKeepTheirCaseAndQuoting() {
        ParsedStatement.Select select = (ParsedStatement.Select) parser.parse(
                "SELECT r.device_id FROM \"IoTMetrics\".\"SensorReadings\" r, iot_sensor_data.Sensor_Readings");
        Join join = (Join) ((QuerySpecification) select.query().getQueryBody()).getFrom().orElseThrow();
        assertThat(tableParts(((AliasedRelation) join.getLeft()).getRelation()))
                .containsExactly(new SqlIdentifier("IoTMetrics", true), new SqlIdentifier("SensorReadings", true));
        assertThat(tableParts(join.getRight()))
                .containsExactly(new SqlIdentifier("iot_sensor_data", false), new SqlIdentifier("Sensor_Readings", false));
    }

    private static List<SqlIdentifier> tableParts(Relation relation) {
        return ((Table) relation).getName().getOriginalParts().stream().map(SqlIdentifier::of).toList();
    }

    @Test
    void namedParametersAndMeasureValueColumnsReachTheAnalyzerAsDelimitedIdentifiers() {
        ParsedStatement.Select select = (ParsedStatement.Select) parser.parse(
                "SELECT measure_value::double FROM t WHERE time < @scheduled_runtime");
        assertThat(select.namedParameters()).containsExactly("scheduled_runtime");
        QuerySpecification body = (QuerySpecification) select.query().getQueryBody();
        assertThat(body.getSelect().getSelectItems().getFirst().toString()).isEqualTo("\"measure_value::double\"");
        assertThat(identifiersIn(body.getWhere().orElseThrow()))
                .containsExactly(new SqlIdentifier("time", false), new SqlIdentifier("@scheduled_runtime", true));
    }

    private static List<SqlIdentifier> identifiersIn(Node node) {
        List<SqlIdentifier> found = new ArrayList<>();
        if (node instanceof Identifier identifier) {
            found.add(SqlIdentifier.of(identifier));
        }
        node.getChildren().forEach(child -> found.addAll(identifiersIn(child)));
        return found;
    }

    @Test
    void metadataStatementsAreRecognised() {
        assertThat(parser.parse("SHOW DATABASES")).isEqualTo(new ParsedStatement.ShowDatabases("SHOW DATABASES", Optional.empty()));
        assertThat(parser.parse("show databases like 'Io%';"))
                .isEqualTo(new ParsedStatement.ShowDatabases("show databases like 'Io%';", Optional.of("Io%")));
        assertThat(parser.parse("SHOW TABLES")).isEqualTo(
                new ParsedStatement.ShowTables("SHOW TABLES", Optional.empty(), Optional.empty()));
        assertThat(parser.parse("SHOW TABLES FROM \"IoTMetrics\" LIKE 'Sensor%'")).isEqualTo(new ParsedStatement.ShowTables(
                "SHOW TABLES FROM \"IoTMetrics\" LIKE 'Sensor%'",
                Optional.of(new SqlIdentifier("IoTMetrics", true)),
                Optional.of("Sensor%")));
        assertThat(parser.parse("DESCRIBE \"IoTMetrics\".SensorReadings")).isEqualTo(new ParsedStatement.DescribeTable(
                "DESCRIBE \"IoTMetrics\".SensorReadings",
                new TableReference(new SqlIdentifier("IoTMetrics", true), new SqlIdentifier("SensorReadings", false))));
        assertThat(parser.parse("SHOW MEASURES FROM \"Io\"\"T\".sensor_readings LIKE 'temp''s%'")).isEqualTo(
                new ParsedStatement.ShowMeasures(
                        "SHOW MEASURES FROM \"Io\"\"T\".sensor_readings LIKE 'temp''s%'",
                        new TableReference(new SqlIdentifier("Io\"T", true), new SqlIdentifier("sensor_readings", false)),
                        Optional.of("temp's%")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            SELECT device_id,, x FROM t                     | line 1:18: mismatched input ','. Expecting:
            SELECT x FROM t WHERE y = 5m 5m                 | line 1:30: mismatched input '5m'. Expecting:
            SELECT ago(5m                                   | line 1:14: mismatched input '<EOF>'. Expecting:
            SELECT x FROM t WHERE measure_value::double >   | line 1:46: mismatched input '<EOF>'. Expecting:
            SELECT 5x FROM t                                | line 1:8: identifiers must not start with a digit
            SHOW MEASURES db.t                              | line 1:15: mismatched input 'db'. Expecting: 'FROM'
            SHOW MEASURES FROM t                            | line 1:20: Table name must be qualified with its database
            SHOW MEASURES FROM db.t LIKE                    | line 1:29: mismatched input '<EOF>'. Expecting: <string>
            SHOW DATABASES x                                | line 1:16: mismatched input 'x'. Expecting: 'LIKE', <EOF>
            DESCRIBE t                                      | line 1:10: Table name must be qualified with its database
            SHOW TABLES FROM a.b                            | line 1:18: Database name must not be qualified
            INSERT INTO t VALUES (1)                        | line 1:1: Unsupported statement
            """)
    void syntaxErrorsAreValidationExceptionsAtTheUsersPosition(String sql, String messageStart) {
        assertThatThrownBy(() -> parser.parse(sql))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION))
                .hasMessageStartingWith(messageStart);
    }

    @Test
    void anErrorAfterRewritesOnAMultiLineQueryPointsAtTheUsersLineAndColumn() {
        String sql = """
                SELECT bin(time, 5m) AS b, measure_value::double AS v
                FROM "IoTMetrics"."SensorReadings"
                WHERE time > ago(1h) AND @scheduled_runtime > x::timestamp AND AND x""";
        assertThatThrownBy(() -> parser.parse(sql))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("line 3:64: mismatched input 'AND'. Expecting: ");
    }

    @Test
    void analysisErrorsOnNodesAreReportedAtTheUsersPosition() {
        ParsedStatement.Select select = (ParsedStatement.Select) parser.parse(
                "SELECT ago(1h),\n       x::int, nope FROM t");
        QuerySpecification body = (QuerySpecification) select.query().getQueryBody();
        var nope = body.getSelect().getSelectItems().get(2);
        assertThat(select.errorAt(nope, "Column 'nope' does not exist"))
                .hasMessage("line 2:16: Column 'nope' does not exist");
        assertThat(select.userPosition(body.getSelect().getSelectItems().get(1))).contains(new SourcePosition(2, 8));
    }
}
