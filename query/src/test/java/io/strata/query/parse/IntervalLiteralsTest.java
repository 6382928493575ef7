package io.strata.query.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.ValidationException;
import io.trino.sql.tree.IntervalLiteral;
import io.trino.sql.tree.QuerySpecification;
import io.trino.sql.tree.SingleColumn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntervalLiteralsTest {
    private final SqlParser parser = new SqlParser();

    private IntervalValue decode(String expression) {
        ParsedStatement.Select select = (ParsedStatement.Select) parser.parse("SELECT " + expression);
        SingleColumn column = (SingleColumn) ((QuerySpecification) select.query().getQueryBody())
                .getSelect().getSelectItems().getFirst();
        return IntervalLiterals.decode((IntervalLiteral) column.getExpression());
    }

    @ParameterizedTest(name = "{0} = {1} ns")
    @CsvSource(delimiter = '|', textBlock = """
            15ns                                  | 15
            2us                                   | 2000
            100ms                                 | 100000000
            42.8ms                                | 42800000
            1.5h                                  | 5400000000000
            5m                                    | 300000000000
            1d                                    | 86400000000000
            106751d                               | 9223286400000000000
            INTERVAL '2' DAY                      | 172800000000000
            INTERVAL '1 02:03:04.000000005' DAY TO SECOND | 93784000000005
            INTERVAL '02:03' HOUR TO MINUTE       | 7380000000000
            INTERVAL '-3' SECOND                  | -3000000000
            INTERVAL -'3' SECOND                  | -3000000000
            """)
    void dayToSecondLiteralsKeepNanosecondPrecision(String literal, long nanoseconds) {
        assertThat(decode(literal)).isEqualTo(new IntervalValue.DayToSecond(nanoseconds));
    }

    @ParameterizedTest(name = "{0} = {1} months")
    @CsvSource(delimiter = '|', textBlock = """
            1y                                 | 12
            1year                              | 12
            12month                            | 12
            8month                             | 8
            INTERVAL '1-6' YEAR TO MONTH       | 18
            """)
    void yearToMonthLiteralsCountMonths(String literal, long months) {
        assertThat(decode(literal)).isEqualTo(new IntervalValue.YearToMonth(months));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            106752d
            INTERVAL '1.5' DAY
            INTERVAL '0.0000000001' SECOND
            INTERVAL '1 02' DAY TO SECOND
            INTERVAL '1-12' YEAR TO MONTH
            """)
    void unrepresentableLiteralsAreValidationErrors(String literal) {
        assertThatThrownBy(() -> decode(literal)).isInstanceOf(ValidationException.class).hasMessageStartingWith("Invalid INTERVAL");
    }
}
