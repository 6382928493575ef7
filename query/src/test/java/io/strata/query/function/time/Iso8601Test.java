package io.strata.query.function.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.QueryExecutionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Iso8601Test {

    @ParameterizedTest(name = "from_iso8601_timestamp(''{0}'') = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2022-06-17                          | 2022-06-17 00:00:00.000000000
            2022-06-17T08                       | 2022-06-17 08:00:00.000000000
            2022-06-17T08:04Z                   | 2022-06-17 08:04:00.000000000
            2022-06-17T08:04:05.1-01:30         | 2022-06-17 09:34:05.100000000
            2022-06-17T08:04:05.123456789+0530  | 2022-06-17 02:34:05.123456789
            2022-06-17T01:00:00+05              | 2022-06-16 20:00:00.000000000
            2022-06-17T08:04:05,5Z              | 2022-06-17 08:04:05.500000000
            1970-01-01T05:00:00+05:00           | 1970-01-01 00:00:00.000000000
            """)
    void readsCalendarFormsWithAnyOffset(String text, String expected) {
        assertThat(TimestampText.format(Iso8601.fromIso8601Timestamp(text))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "1970-01-01T00:00:00.000000000Z",
        "1970-01-01T00:00:00.000000001Z",
        "2023-02-13T19:22:45.051000001Z",
        "2020-02-29T23:59:59.999999999Z",
        "2262-04-11T23:47:16.854775807Z"})
    void nanosecondsSurviveARoundTrip(String text) {
        long nanos = Iso8601.fromIso8601Timestamp(text);
        assertThat(Iso8601.toIso8601(nanos)).isEqualTo(text);
        assertThat(TimestampText.parse(TimestampText.format(nanos))).isEqualTo(nanos);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2022-06-17 08:04", "2022-06-17T", "2022-06-17T08:04:05.0000000001Z", "2022-13-01",
        "2022-06-17T08:04+5", "2022-06-17T08:04:05X", "2022-06-31"})
    void rejectsMalformedText(String text) {
        assertThatThrownBy(() -> Iso8601.fromIso8601Timestamp(text))
                .isInstanceOf(QueryExecutionException.class)
                .hasMessageStartingWith("Invalid format");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1969-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00+00:01", "2262-04-11T23:47:16.854775808Z",
        "2262-04-11T23:47:16.854775807-00:01"})
    void rejectsTimesOutsideTheSupportedRange(String text) {
        assertThatThrownBy(() -> Iso8601.fromIso8601Timestamp(text)).isInstanceOf(QueryExecutionException.class)
                .hasMessageNotContaining("Invalid format");
    }
}
