package io.strata.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.strata.core.error.ErrorCode;
import io.strata.core.error.ValidationException;
import org.junit.jupiter.api.Test;

class ResourceNameTest {
    @Test
    void acceptsThreeTo256BytesOfTheAllowedAlphabet() {
        assertThat(DatabaseName.of("abc").value()).isEqualTo("abc");
        assertThat(TableName.of("a".repeat(256)).value()).hasSize(256);
        assertThat(DatabaseName.of("Sample_DB.v-1").value()).isEqualTo("Sample_DB.v-1");
    }

    @Test
    void rejectsTwoBytesWithCoralsMessage() {
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> DatabaseName.of("ab"))
                .withMessage("1 validation error detected: Value 'ab' at 'databaseName' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 3")
                .matches(e -> e.code() == ErrorCode.VALIDATION && e.errorName().equals("ValidationException"));
    }

    @Test
    void rejects257Bytes() {
        String name = "t".repeat(257);
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> TableName.of(name))
                .withMessage("1 validation error detected: Value '" + name + "' at 'tableName' failed to satisfy "
                        + "constraint: Member must have length less than or equal to 256");
    }

    @Test
    void rejectsCharactersOutsideThePattern() {
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> TableName.of("my table"))
                .withMessage("1 validation error detected: Value 'my table' at 'tableName' failed to satisfy "
                        + "constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    }

    @Test
    void reportsEveryViolationAtOnce() {
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> TableName.of("é"))
                .withMessage("2 validation errors detected: Value 'é' at 'tableName' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 3; Value 'é' at 'tableName' failed to "
                        + "satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    }

    @Test
    void rejectsNull() {
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> DatabaseName.of(null))
                .withMessage("1 validation error detected: Value null at 'databaseName' failed to satisfy constraint: "
                        + "Member must not be null");
    }

    @Test
    void namesAreCaseSensitive() {
        assertThat(TableName.of("Metrics")).isNotEqualTo(TableName.of("metrics"));
        assertThat(DatabaseName.of("Abc").compareTo(DatabaseName.of("abc"))).isNegative();
    }
}
