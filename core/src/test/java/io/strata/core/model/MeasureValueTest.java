package io.strata.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.strata.core.error.ValidationException;
import io.strata.core.time.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MeasureValueTest {
    @ParameterizedTest
    @CsvSource({"1.5, 1.5", "1e3, 1000", "-2, -2", ".5, 0.5", "1., 1", "+3.25E-2, 0.0325", "0, 0",
            "1.7976931348623157e308, 1.7976931348623157e308", "4.9e-324, 4.9e-324", "-0.0, -0.0"})
    void doublesAreReadFromDecimalNotation(String text, double expected) {
        assertThat(parse(MeasureValueType.DOUBLE, text)).isEqualTo(new DoubleValue(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "1e400", "-1.8e308", "abc", "", " 1", "1 ", "1d", "0x1p3",
            "1,5", "e3", "1e", ".", "+", "1.5.2", "١"})
    void nonFiniteOrMalformedDoublesAreRefused(String text) {
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> parse(MeasureValueType.DOUBLE, text))
                .withMessage("Measure value '" + text + "' is not a valid DOUBLE: only finite decimal numbers such as "
                        + "1.5 or -2e3 can be written (NaN and Infinity cannot).");
    }

    @Test
    void bigintsCoverTheSigned64BitRangeExactly() {
        assertThat(parse(MeasureValueType.BIGINT, "9223372036854775807")).isEqualTo(new BigintValue(Long.MAX_VALUE));
        assertThat(parse(MeasureValueType.BIGINT, "-9223372036854775808")).isEqualTo(new BigintValue(Long.MIN_VALUE));
        assertThat(parse(MeasureValueType.BIGINT, "+5")).isEqualTo(new BigintValue(5));
        assertBigintRefused("9223372036854775808");
        assertBigintRefused("-9223372036854775809");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1e3", "", "-", "abc", " 1", "١٢", "0x10"})
    void malformedBigintsAreRefused(String text) {
        assertBigintRefused(text);
    }

    @ParameterizedTest
    @CsvSource({"true, true", "false, false", "TRUE, true", "False, false", "tRuE, true"})
    void booleansAreTrueOrFalseInAnyCase(String text, boolean expected) {
        assertThat(parse(MeasureValueType.BOOLEAN, text)).isEqualTo(new BooleanValue(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "0", "t", "", " true"})
    void otherBooleansAreRefused(String text) {
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> parse(MeasureValueType.BOOLEAN, text))
                .withMessage("Measure value '" + text + "' is not a valid BOOLEAN: expected true or false.");
    }

    @Test
    void varcharsMayBe2048BytesAndNoMore() {
        assertThat(parse(MeasureValueType.VARCHAR, "x".repeat(2048)).sizeInBytes()).isEqualTo(2048);
        assertThat(parse(MeasureValueType.VARCHAR, "€".repeat(682) + "xx").sizeInBytes()).isEqualTo(2048);
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> parse(MeasureValueType.VARCHAR, "€".repeat(683)))
                .withMessage("Measure value is 2049 bytes long; a VARCHAR value can be at most 2048 bytes.");
    }

    @Test
    void timestampsAreCountedInTheRecordsTimeUnit() {
        assertThat(MeasureValue.parse(MeasureValueType.TIMESTAMP, "1700000000123", TimeUnit.MILLISECONDS))
                .isEqualTo(new TimestampValue(1_700_000_000_123_000_000L));
        assertThat(MeasureValue.parse(MeasureValueType.TIMESTAMP, "9223372036854775807", TimeUnit.NANOSECONDS))
                .isEqualTo(new TimestampValue(Long.MAX_VALUE));
        assertThat(MeasureValue.parse(MeasureValueType.TIMESTAMP, "0", TimeUnit.SECONDS)).isEqualTo(new TimestampValue(0));
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> MeasureValue.parse(MeasureValueType.TIMESTAMP, "9223372036855", TimeUnit.MILLISECONDS))
                .withMessage("Measure value '9223372036855' is not a valid TIMESTAMP: expected a non-negative whole "
                        + "number of MILLISECONDS since the Unix epoch, at most 2262-04-11T23:47:16.854775807Z.");
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> MeasureValue.parse(MeasureValueType.TIMESTAMP, "-1", TimeUnit.MILLISECONDS));
    }

    @Test
    void sizesFollowTheMeteringFormula() {
        assertThat(new DoubleValue(1).sizeInBytes()).isEqualTo(8);
        assertThat(new BigintValue(1).sizeInBytes()).isEqualTo(8);
        assertThat(new TimestampValue(1).sizeInBytes()).isEqualTo(8);
        assertThat(BooleanValue.TRUE.sizeInBytes()).isEqualTo(1);
        assertThat(new VarcharValue("é").sizeInBytes()).isEqualTo(2);
    }

    @Test
    void nonFiniteDoublesCannotBeConstructedEither() {
        assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> new DoubleValue(Double.NaN));
        assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> new DoubleValue(Double.NEGATIVE_INFINITY));
    }

    private static MeasureValue parse(MeasureValueType type, String text) {
        return MeasureValue.parse(type, text, TimeUnit.MILLISECONDS);
    }

    private static void assertBigintRefused(String text) {
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> parse(MeasureValueType.BIGINT, text))
                .withMessage("Measure value '" + text + "' is not a valid BIGINT: expected a whole number between "
                        + "-9223372036854775808 and 9223372036854775807.");
    }
}
