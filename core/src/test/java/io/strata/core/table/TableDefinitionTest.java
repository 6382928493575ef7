package io.strata.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.strata.core.error.ValidationException;
import io.strata.core.model.DatabaseName;
import io.strata.core.model.TableName;
import io.strata.core.time.StoreTarget;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TableDefinitionTest {
    @Test
    void defaultsAreTimestreams() {
        TableDefinition table = TableDefinition.withDefaults(DatabaseName.of("IoTMetrics"), TableName.of("SensorReadings"));
        assertThat(table.retention()).isEqualTo(RetentionProperties.DEFAULT);
        assertThat(table.magneticStoreWrites().enableMagneticStoreWrites()).isFalse();
        assertThat(table.partitionKey()).isEqualTo(CompositePartitionKey.DEFAULT);
        assertThat(table.tags().tags()).isEmpty();
    }

    @Test
    void ingestionWindowFollowsTheTablesRetentionAndMagneticSetting() {
        TableDefinition table = new TableDefinition(DatabaseName.of("fleet"), TableName.of("device_telemetry"),
                new RetentionProperties(24, 545), MagneticStoreWriteProperties.enabled(S3Configuration.bucket("rejects")),
                CompositePartitionKey.of(PartitionKey.dimension("device_id", PartitionKeyEnforcement.REQUIRED)),
                Tags.NONE);
        long now = Duration.ofDays(20_000).toNanos();
        assertThat(table.ingestionWindow().classify(now - Duration.ofHours(24).toNanos(), now).target())
                .isEqualTo(StoreTarget.MEMORY);
        assertThat(table.ingestionWindow().classify(now - Duration.ofDays(545).toNanos(), now).target())
                .isEqualTo(StoreTarget.MAGNETIC);
        assertThat(table.ingestionWindow().classify(now - Duration.ofDays(545).toNanos() - 1, now).target())
                .isEqualTo(StoreTarget.REJECTED);
    }

    @Test
    void databaseKmsKeyIdIs1To2048Characters() {
        DatabaseName name = DatabaseName.of("db1");
        assertThat(DatabaseDefinition.of(name).kmsKeyId()).isEmpty();
        assertThat(new DatabaseDefinition(name, Optional.of("k".repeat(2048)), Tags.NONE).kmsKeyId()).isPresent();
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> new DatabaseDefinition(name, Optional.of("k".repeat(2049)), Tags.NONE))
                .withMessageEndingWith("at 'kmsKeyId' failed to satisfy constraint: Member must have length less than or "
                        + "equal to 2048");
    }
}
