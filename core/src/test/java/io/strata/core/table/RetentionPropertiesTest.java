package io.strata.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.strata.core.error.ValidationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetentionPropertiesTest {
    @Test
    void defaultsAreSixHoursAnd73000Days() {
        assertThat(RetentionProperties.DEFAULT).isEqualTo(new RetentionProperties(6, 73000));
        assertThat(RetentionProperties.DEFAULT.memoryRetention()).isEqualTo(Duration.ofHours(6));
        assertThat(RetentionProperties.DEFAULT.magneticRetention()).isEqualTo(Duration.ofDays(73000));
    }

    @Test
    void acceptsTheLimits() {
        assertThat(new RetentionProperties(1, 1).memoryRetention()).isEqualTo(Duration.ofHours(1));
        assertThat(new RetentionProperties(8766, 73000).memoryStoreRetentionPeriodInHours()).isEqualTo(8766);
    }

    @Test
    void rejectsOnePastEachLimit() {
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> new RetentionProperties(0, 1))
                .withMessage("1 validation error detected: Value '0' at 'retentionProperties.memoryStoreRetentionPeriodInHours'"
                        + " failed to satisfy constraint: Member must have value greater than or equal to 1");
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> new RetentionProperties(8767, 1))
                .withMessage("1 validation error detected: Value '8767' at "
                        + "'retentionProperties.memoryStoreRetentionPeriodInHours' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 8766");
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> new RetentionProperties(1, 0))
                .withMessage("1 validation error detected: Value '0' at 'retentionProperties.magneticStoreRetentionPeriodInDays'"
                        + " failed to satisfy constraint: Member must have value greater than or equal to 1");
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> new RetentionProperties(1, 73001))
                .withMessage("1 validation error detected: Value '73001' at "
                        + "'retentionProperties.magneticStoreRetentionPeriodInDays' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 73000");
    }

    @Test
    void reportsBothViolationsTogether() {
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> new RetentionProperties(0, 0))
                .withMessageStartingWith("2 validation errors detected: ");
    }
}
