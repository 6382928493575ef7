package io.strata.core.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.strata.core.error.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommonAttributesTest {
    private final CommonAttributes common = new CommonAttributes(RecordInput.builder()
            .dimensions(DimensionInput.of("region", "eu-west-1"), DimensionInput.of("az", "a"))
            .measureName("common_measure")
            .measureValue("1")
            .measureValueType("BIGINT")
            .measureValues(MeasureValueInput.of("x", "1", "DOUBLE"))
            .time("1000")
            .timeUnit("SECONDS")
            .version(7L)
            .build());

    @Test
    void fieldsTheRecordLeavesOutComeFromCommonAttributes() {
        RecordInput merged = common.applyTo(RecordInput.builder().dimensions(DimensionInput.of("host", "h1")).build(), 0);
        assertThat(merged.measureName()).isEqualTo("common_measure");
        assertThat(merged.measureValue()).isEqualTo("1");
        assertThat(merged.measureValueType()).isEqualTo("BIGINT");
        assertThat(merged.measureValues()).containsExactly(MeasureValueInput.of("x", "1", "DOUBLE"));
        assertThat(merged.time()).isEqualTo("1000");
        assertThat(merged.timeUnit()).isEqualTo("SECONDS");
        assertThat(merged.version()).isEqualTo(7L);
    }

    @Test
    void theRecordsOwnFieldsWin() {
        RecordInput own = RecordInput.builder()
                .measureName("cpu")
                .measureValue("2.5")
                .measureValueType("DOUBLE")
                .measureValues(MeasureValueInput.of("y", "2", "BIGINT"))
                .time("5")
                .timeUnit("NANOSECONDS")
                .version(9L)
                .build();
        RecordInput merged = common.applyTo(own, 0);
        assertThat(merged.measureName()).isEqualTo("cpu");
        assertThat(merged.measureValue()).isEqualTo("2.5");
        assertThat(merged.measureValueType()).isEqualTo("DOUBLE");
        assertThat(merged.measureValues()).containsExactly(MeasureValueInput.of("y", "2", "BIGINT"));
        assertThat(merged.time()).isEqualTo("5");
        assertThat(merged.timeUnit()).isEqualTo("NANOSECONDS");
        assertThat(merged.version()).isEqualTo(9L);
    }

    @Test
    void dimensionsCombine() {
        RecordInput merged = common.applyTo(RecordInput.builder().dimensions(DimensionInput.of("host", "h1")).build(), 0);
        assertThat(merged.dimensions()).extracting(DimensionInput::name).containsExactly("region", "az", "host");
    }

    @Test
    void anEmptyMeasureValuesListCountsAsNotSet() {
        RecordInput merged = common.applyTo(RecordInput.builder().measureValues(List.of()).build(), 0);
        assertThat(merged.measureValues()).containsExactly(MeasureValueInput.of("x", "1", "DOUBLE"));
    }

    @Test
    void aRecordRepeatingACommonDimensionMakesTheRequestInvalid() {
        RecordInput record = RecordInput.builder()
                .dimensions(DimensionInput.of("host", "h1"), DimensionInput.of("region", "us-east-1"))
                .build();
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> common.applyTo(record, 2))
                .withMessage("1 validation error detected: Value 'region' at 'records.3.member.dimensions.2.member.name' "
                        + "failed to satisfy constraint: Member must not repeat a dimension name of CommonAttributes; "
                        + "a record must contain dimensions with unique names");
    }

    @Test
    void noCommonAttributesLeavesTheRecordAlone() {
        RecordInput record = RecordInput.builder().measureName("cpu").build();
        assertThat(CommonAttributes.NONE.applyTo(record, 0)).isSameAs(record);
    }
}
