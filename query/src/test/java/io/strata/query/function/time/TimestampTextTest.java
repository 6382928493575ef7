package io.strata.query.function.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.QueryExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampTextTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1970-01-01 00:00:00.000000000 | 0
            1970-01-01 00:00:00.000000001 | 1
            2022-06-17 17:44:43.771000678 | 1655487883771000678
            2262-04-11 23:47:16.854775807 | 9223372036854775807
            2020-02-29 00:00:00.000000000 | 1582934400000000000
            2000-03-01 00:00:00.000000000 | 951868800000000000
            """)
    void formatsAndParsesTimestreamsTextForm(String text, long nanos) {
        assertThat(TimestampText.format(nanos)).isEqualTo(text);
        assertThat(TimestampText.parse(text)).isEqualTo(nanos);
    }

    @Test
    void acceptsShorterFormsAsACastDoes() {
        assertThat(TimestampText.parse("2022-06-17")).isEqualTo(1655424000000000000L);
        assertThat(TimestampText.parse("2022-06-17 10:15")).isEqualTo(1655424000000000000L + 10 * Nanos.PER_HOUR + 15 * Nanos.PER_MINUTE);
        assertThat(TimestampText.parse("2022-06-17T10:15:20.5")).isEqualTo(TimestampText.parse("2022-06-17 10:15:20.500000000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2022-6-17", "2022-02-30", "2021-02-29", "2022-06-17 24:00", "2022-06-17 10", "2022-06-17 10:15:20.",
        "2022-06-17 10:15:20.1234567890", "2022-06-17 10:15:20Z", "2262-04-11 23:47:16.854775808"})
    void rejectsWhatIsNotATimestamp(String text) {
        assertThatThrownBy(() -> TimestampText.parse(text)).isInstanceOf(QueryExecutionException.class);
    }

    @Test
    void rejectsTimesBeforeTheEpoch() {
        assertThatThrownBy(() -> TimestampText.parse("1969-12-31 23:59:59.999999999"))
                .isInstanceOf(QueryExecutionException.class)
                .hasMessageContaining("negative time");
    }
}
