package io.strata.query.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestreamPreLexerTest {
    private final TimestreamPreLexer preLexer = new TimestreamPreLexer();

    private String rewrite(String sql) {
        return preLexer.rewrite(sql).text();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            5m       | INTERVAL '5' MINUTE
            1h       | INTERVAL '1' HOUR
            30s      | INTERVAL '30' SECOND
            1d       | INTERVAL '1' DAY
            10day    | INTERVAL '10' DAY
            12second | INTERVAL '12' SECOND
            21hour   | INTERVAL '21' HOUR
            5H       | INTERVAL '5' HOUR
            100ms    | INTERVAL '0.100' SECOND
            1500ms   | INTERVAL '1.500' SECOND
            2us      | INTERVAL '0.000002' SECOND
            15ns     | INTERVAL '0.000000015' SECOND
            1nanosecond | INTERVAL '0.000000001' SECOND
            42.8ms   | INTERVAL '0.0428' SECOND
            1.5h     | INTERVAL '5400' SECOND
            0.5s     | INTERVAL '0.5' SECOND
            1y       | INTERVAL '1' YEAR
            1year    | INTERVAL '1' YEAR
            12month  | INTERVAL '12' MONTH
            """)
    void durationLiteralsBecomeTrinoIntervals(String duration, String interval) {
        assertThat(rewrite("SELECT ago(" + duration + ")")).isEqualTo("SELECT ago(" + interval + ")");
    }

    @Test
    void onlyWholeWordDurationsAreRewritten() {
        // m1 and x1m are columns; "1 day" is not a literal; plural units and minutes-as-"min" are not units.
        assertThat(rewrite("SELECT m1, x1m, _1h, 1m, 1 day, 5days, 5min, 1e3, 2.5E2 FROM t"))
                .isEqualTo("SELECT m1, x1m, _1h, INTERVAL '1' MINUTE, 1 day, 5days, 5min, 1e3, 2.5E2 FROM t");
    }

    @Test
    void nothingChangesInsideStringsQuotedIdentifiersAndComments() {
        String sql = """
                SELECT '5m', 'it''s 1h', "5m", "measure_value::double", "a""1h", 'x::int', '@p'
                /* 1h measure_value::double @p x::int */ -- 2d @scheduled_runtime
                FROM "db"."t" WHERE c = 'a;b'""";
        PreLexedSql result = preLexer.rewrite(sql);
        assertThat(result.text()).isEqualTo(sql);
        assertThat(result.namedParameters()).isEmpty();
    }

    @Test
    void measureValueColumnsBecomeQuotedIdentifiers() {
        assertThat(rewrite("SELECT measure_value::double, MEASURE_VALUE::BigInt, r.measure_value::varchar FROM t"))
                .isEqualTo("SELECT \"measure_value::double\", \"measure_value::bigint\", r.\"measure_value::varchar\" FROM t");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            x::int                           | CAST(x AS int)
            r.temperature::varchar(10)       | CAST(r.temperature AS varchar(10))
            "db"."t".c::double               | CAST("db"."t".c AS double)
            f(a, b)::double                  | CAST(f(a, b) AS double)
            (a + b)::int                     | CAST((a + b) AS int)
            x::int::varchar                  | CAST(CAST(x AS int) AS varchar)
            '42'::bigint                     | CAST('42' AS bigint)
            TIMESTAMP '2020-01-01'::varchar  | CAST(TIMESTAMP '2020-01-01' AS varchar)
            arr[1]::int                      | CAST(arr[1] AS int)
            -1::int                          | -CAST(1 AS int)
            5m::varchar                      | CAST(INTERVAL '5' MINUTE AS varchar)
            measure_value::double::varchar   | CAST("measure_value::double" AS varchar)
            decimal_col::decimal(10,2)       | CAST(decimal_col AS decimal(10,2))
            """)
    void otherDoubleColonsBecomeCasts(String expression, String cast) {
        assertThat(rewrite("SELECT " + expression + " FROM t")).isEqualTo("SELECT " + cast + " FROM t");
    }

    @Test
    void namedParametersBecomeQuotedIdentifiers() {
        PreLexedSql result = preLexer.rewrite(
                "SELECT * FROM t WHERE time BETWEEN @scheduled_runtime - (1h) AND @scheduled_runtime + 1m");
        assertThat(result.text()).isEqualTo(
                "SELECT * FROM t WHERE time BETWEEN \"@scheduled_runtime\" - (INTERVAL '1' HOUR)"
                        + " AND \"@scheduled_runtime\" + INTERVAL '1' MINUTE");
        assertThat(result.namedParameters()).containsExactly("scheduled_runtime");
    }

    @Test
    void aTrailingSemicolonIsDroppedOthersAreKept() {
        assertThat(rewrite("SELECT 1 ; -- done\n")).isEqualTo("SELECT 1  -- done\n");
        assertThat(rewrite("SELECT 1; SELECT 2;")).isEqualTo("SELECT 1; SELECT 2");
    }

    @Test
    void aDurationFinerThanANanosecondIsRejectedAtItsPosition() {
        assertThatThrownBy(() -> preLexer.rewrite("SELECT 1,\n  0.5ns"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("line 2:3: Invalid interval literal '0.5ns': the finest interval unit is one nanosecond");
        assertThatThrownBy(() -> preLexer.rewrite("SELECT 1.5y"))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("line 1:8: Invalid interval literal '1.5y'");
    }

    @Test
    void positionsInTheRewrittenTextMapBackToTheUsersText() {
        String sql = "SELECT bin(time, 5m),\n  measure_value::double, x::int,\n  @scheduled_runtime - 1h AS y\nFROM t";
        PreLexedSql result = preLexer.rewrite(sql);
        String[] lines = result.text().split("\n", -1);
        // "x" of the cast: after the rewrite it follows "CAST(" further right on the same line.
        int castColumn = lines[1].indexOf("CAST(x") + 1;
        assertThat(result.userPosition(2, castColumn)).isEqualTo(new SourcePosition(2, 26));
        assertThat(result.userPosition(2, castColumn + "CAST(".length())).isEqualTo(new SourcePosition(2, 26));
        // "AS y" is copied text: it moves by the length difference of the rewrites before it on line 3.
        int aliasColumn = lines[2].indexOf("AS y") + 1;
        assertThat(result.userPosition(3, aliasColumn)).isEqualTo(new SourcePosition(3, 27));
        // Every character of a rewritten duration maps to the start of the duration.
        int intervalColumn = lines[0].indexOf("INTERVAL") + 1;
        assertThat(result.userPosition(1, intervalColumn + 3)).isEqualTo(new SourcePosition(1, 18));
        // The last line is copied unchanged.
        assertThat(result.userPosition(4, 6)).isEqualTo(new SourcePosition(4, 6));
    }
}
