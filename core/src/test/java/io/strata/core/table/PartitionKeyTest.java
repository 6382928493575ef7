package io.strata.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.strata.core.error.ValidationException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PartitionKeyTest {
    @Test
    void defaultIsPartitionByMeasureName() {
        assertThat(CompositePartitionKey.DEFAULT.keys()).containsExactly(PartitionKey.measure());
        assertThat(CompositePartitionKey.DEFAULT.key().type()).isEqualTo(PartitionKeyType.MEASURE);
        assertThat(CompositePartitionKey.DEFAULT.key().name()).isEmpty();
        assertThat(CompositePartitionKey.DEFAULT.requiredDimension()).isEmpty();
    }

    @Test
    void onlyARequiredDimensionKeyMustBeInEveryRecord() {
        assertThat(CompositePartitionKey.of(PartitionKey.dimension("device_id", PartitionKeyEnforcement.REQUIRED))
                .requiredDimension()).contains("device_id");
        assertThat(CompositePartitionKey.of(PartitionKey.dimension("device_id", PartitionKeyEnforcement.OPTIONAL))
                .requiredDimension()).isEmpty();
    }

    @Test
    void aMeasureKeyHasNoName() {
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> new PartitionKey(PartitionKeyType.MEASURE, Optional.of("x"),
                        PartitionKeyEnforcement.OPTIONAL))
                .withMessage("A partition key of type MEASURE cannot have a name; the measure name partitions the table.");
    }

    @Test
    void aDimensionKeyNeedsAValidDimensionName() {
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> new PartitionKey(PartitionKeyType.DIMENSION, Optional.empty(),
                        PartitionKeyEnforcement.REQUIRED))
                .withMessage("1 validation error detected: Value null at 'schema.compositePartitionKey.1.member.name' "
                        + "failed to satisfy constraint: Member must not be null");
        assertThat(PartitionKey.dimension("d".repeat(60), PartitionKeyEnforcement.REQUIRED).name()).isPresent();
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> PartitionKey.dimension("d".repeat(61), PartitionKeyEnforcement.REQUIRED))
                .withMessageEndingWith("Member must have length less than or equal to 60");
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> PartitionKey.dimension("ts_id", PartitionKeyEnforcement.REQUIRED))
                .withMessageStartingWith("Dimension name 'ts_id' is reserved");
    }

    @Test
    void exactlyOneKey() {
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> new CompositePartitionKey(List.of()))
                .withMessage("1 validation error detected: Value '[0 items]' at 'schema.compositePartitionKey' failed to "
                        + "satisfy constraint: Member must have length greater than or equal to 1");
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> new CompositePartitionKey(List.of(
                        PartitionKey.dimension("a", PartitionKeyEnforcement.REQUIRED), PartitionKey.measure())))
                .withMessage("A composite partition key can contain only one partition key; 2 were given.");
    }

    @Test
    void updatesMayOnlyChangeEnforcement() {
        var required = CompositePartitionKey.of(PartitionKey.dimension("device_id", PartitionKeyEnforcement.REQUIRED));
        var optional = CompositePartitionKey.of(PartitionKey.dimension("device_id", PartitionKeyEnforcement.OPTIONAL));
        assertThatNoException().isThrownBy(() -> required.checkUpdate(optional));
        String message = "The name, type and order of a table's partition keys cannot be changed; only "
                + "EnforcementInRecord can be updated.";
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> required.checkUpdate(
                        CompositePartitionKey.of(PartitionKey.dimension("vin", PartitionKeyEnforcement.REQUIRED))))
                .withMessage(message);
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> required.checkUpdate(CompositePartitionKey.DEFAULT))
                .withMessage(message);
    }
}
