package io.strata.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.strata.core.error.ValidationException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeUnitTest {
    @Test
    void convertsEachUnitToNanosecondsSinceTheEpoch() {
        assertThat(TimeUnit.SECONDS.toEpochNanos("1700000000")).isEqualTo(1_700_000_000_000_000_000L);
        assertThat(TimeUnit.MILLISECONDS.toEpochNanos("1700000000123")).isEqualTo(1_700_000_000_123_000_000L);
        assertThat(TimeUnit.MICROSECONDS.toEpochNanos("1700000000123456")).isEqualTo(1_700_000_000_123_456_000L);
        assertThat(TimeUnit.NANOSECONDS.toEpochNanos("1700000000123456789")).isEqualTo(1_700_000_000_123_456_789L);
        assertThat(TimeUnit.MILLISECONDS.toEpochNanos("0")).isZero();
        assertThat(TimeUnit.MILLISECONDS.toEpochNanos("000042")).isEqualTo(42_000_000L);
    }

    @Test
    void millisecondsIsTheDefault() {
        assertThat(TimeUnit.DEFAULT).isEqualTo(TimeUnit.MILLISECONDS);
    }

    @Test
    void theLastRepresentableInstantOfEachUnitIsAcceptedAndOneMoreOverflows() {
        // Long.MAX_VALUE ns = 2262-04-11T23:47:16.854775807Z, the end of Timestream's write range.
        assertThat(TimeUnit.NANOSECONDS.toEpochNanos("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertInvalid(TimeUnit.NANOSECONDS, "9223372036854775808");
        assertThat(TimeUnit.MICROSECONDS.toEpochNanos("9223372036854775")).isEqualTo(9_223_372_036_854_775_000L);
        assertInvalid(TimeUnit.MICROSECONDS, "9223372036854776");
        assertThat(TimeUnit.MILLISECONDS.toEpochNanos("9223372036854")).isEqualTo(9_223_372_036_854_000_000L);
        assertInvalid(TimeUnit.MILLISECONDS, "9223372036855");
        assertThat(TimeUnit.SECONDS.toEpochNanos("9223372036")).isEqualTo(9_223_372_036_000_000_000L);
        assertInvalid(TimeUnit.SECONDS, "9223372037");
        assertThat(Instant.ofEpochSecond(0, TimeUnit.NANOSECONDS.toEpochNanos("9223372036854775807")))
                .isEqualTo(Instant.parse("2262-04-11T23:47:16.854775807Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1", "+1", "1.5", "1e3", " 1", "1 ", "abc", "0x10", "١٢",
            "99999999999999999999999999999999"})
    void anythingButPlainDigitsIsAnInvalidTime(String text) {
        assertInvalid(TimeUnit.MILLISECONDS, text);
        assertThat(TimeUnit.MILLISECONDS.epochNanosOrMinusOne(text)).isEqualTo(-1);
    }

    @Test
    void wireNamesAreCaseSensitive() {
        assertThat(TimeUnit.fromWireName("SECONDS")).isEqualTo(TimeUnit.SECONDS);
        assertThat(TimeUnit.fromWireName("seconds")).isNull();
        assertThat(TimeUnit.fromWireName(null)).isNull();
    }

    private static void assertInvalid(TimeUnit unit, String text) {
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> unit.toEpochNanos(text))
                .withMessage("Invalid time for record.");
    }
}
