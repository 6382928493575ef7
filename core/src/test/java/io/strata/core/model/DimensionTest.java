package io.strata.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.strata.core.error.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DimensionTest {
    @Test
    void nameMayBe60BytesCountedInUtf8() {
        assertThat(Dimension.of("d".repeat(60), "v").name()).hasSize(60);
        // 30 two-byte characters are 60 bytes.
        assertThat(Dimension.of("é".repeat(30), "v").name()).hasSize(30);
    }

    @Test
    void nameOf61BytesIsRejected() {
        String name = "é".repeat(30) + "x";
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> Dimension.of(name, "v"))
                .withMessage("1 validation error detected: Value '" + name + "' at 'dimension.name' failed to satisfy "
                        + "constraint: Member must have length less than or equal to 60");
    }

    @Test
    void emptyNameAndEmptyValueAreRejected() {
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> Dimension.of("", ""))
                .withMessage("2 validation errors detected: Value '' at 'dimension.name' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1; Value '' at 'dimension.value' failed to "
                        + "satisfy constraint: Member must have length greater than or equal to 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"time", "measure_value", "ts_non_existent_col", "ts_anything", "measure_name",
            "measure_name_2", "measure_value::double", "measure_values", "host:port", ":"})
    void reservedNamesAreRejected(String name) {
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> Dimension.of(name, "v"))
                .withMessage("Dimension name '" + name + "' is reserved: names cannot be time, measure_name, "
                        + "measure_value or ts_non_existent_col, cannot start with ts_, measure_name or measure_value, "
                        + "and cannot contain ':'.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Time", "TIME", "timestamp", "ts", "TS_x", "measure", "my_measure_value", "t_s"})
    void similarButUnreservedNamesAreAccepted(String name) {
        assertThat(Dimension.of(name, "v").name()).isEqualTo(name);
    }

    @Test
    void sizeIsUtf8NamePlusValue() {
        assertThat(Dimension.of("region", "us-east-1").sizeInBytes()).isEqualTo(6 + 9);
        assertThat(Dimension.of("città", "€").sizeInBytes()).isEqualTo(6 + 3);
    }

    @Test
    void ordersByUtf8BytesOfTheName() {
        // U+FF21 sorts after U+1F600 in UTF-16 but before it in UTF-8 / code point order.
        assertThat(Dimension.of("\uFF21", "v").compareTo(Dimension.of("\uD83D\uDE00", "v"))).isNegative();
        assertThat(Dimension.of("B", "v").compareTo(Dimension.of("a", "v"))).isNegative();
    }
}
