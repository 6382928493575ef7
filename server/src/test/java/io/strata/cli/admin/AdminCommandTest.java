package io.strata.cli.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.api.v1.CreateTableRequest;
import io.strata.api.v1.PartitionKeyEnforcementLevel;
import io.strata.api.v1.PartitionKeyType;
import io.strata.api.v1.UpdateTableRequest;
import io.strata.cli.testing.CommandRun;
import io.strata.cli.testing.SteppingClock;
import io.strata.cli.testing.TestNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminCommandTest {
    @TempDir
    Path home;

    private final TestNode node = new TestNode();

    @AfterEach
    void stopNode() throws InterruptedException {
        node.close();
    }

    private CommandRun admin(String... args) {
        return CommandRun.of(new AdminCommand(node.environment("", new SteppingClock(Instant.EPOCH, Duration.ofMillis(1)),
                home.resolve(".strata_history"))), args);
    }

    @Test
    void databaseCreateAndDescribePrintTheDatabaseAsPropertiesOrJson() {
        CommandRun created = admin("database", "create", "iot");

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).isEqualTo("""
                 property        | value
                -----------------+----------------------------------------------------
                 Arn             | arn:aws:timestream:local:000000000000:database/iot
                 DatabaseName    | iot
                 TableCount      | 0
                 CreationTime    | 2024-05-01T12:00:00Z
                 LastUpdatedTime | 2024-05-01T12:00:00Z
                """);

        CommandRun described = admin("database", "describe", "iot", "--format", "json");
        assertThat(described.out()).isEqualToIgnoringWhitespace("""
                {"Arn":"arn:aws:timestream:local:000000000000:database/iot","DatabaseName":"iot","TableCount":0,
                 "CreationTime":"2024-05-01T12:00:00Z","LastUpdatedTime":"2024-05-01T12:00:00Z"}""");
    }

    @Test
    void tableCreateSendsRetentionMagneticWritesAndPartitionKey() {
        admin("database", "create", "iot");

        CommandRun created = admin("table", "create", "iot", "device_telemetry", "--memory-retention-hours", "24",
                "--magnetic-retention-days", "545", "--magnetic-writes", "on", "--rejected-data-location", "s3://rejects/telemetry/",
                "--partition-key", "dimension:device_id", "--partition-key-enforcement", "required");

        assertThat(created.exitCode()).as(created.err()).isZero();
        CreateTableRequest request = (CreateTableRequest) node.catalog.requests().getLast();
        assertThat(request.getRetentionProperties().getMemoryStoreRetentionPeriodInHours()).isEqualTo(24);
        assertThat(request.getRetentionProperties().getMagneticStoreRetentionPeriodInDays()).isEqualTo(545);
        assertThat(request.getMagneticStoreWriteProperties().getEnableMagneticStoreWrites()).isTrue();
        assertThat(request.getMagneticStoreWriteProperties().getMagneticStoreRejectedDataLocation().getS3Configuration().getBucketName())
                .isEqualTo("rejects");
        assertThat(request.getSchema().getCompositePartitionKey(0).getType()).isEqualTo(PartitionKeyType.PARTITION_KEY_TYPE_DIMENSION);
        assertThat(request.getSchema().getCompositePartitionKey(0).getName()).isEqualTo("device_id");
        assertThat(request.getSchema().getCompositePartitionKey(0).getEnforcementInRecord())
                .isEqualTo(PartitionKeyEnforcementLevel.PARTITION_KEY_ENFORCEMENT_LEVEL_REQUIRED);
        assertThat(created.out())
                .containsPattern("\\n RetentionProperties\\.MemoryStoreRetentionPeriodInHours +\\| 24\\n")
                .containsPattern("\\n MagneticStoreWriteProperties\\.EnableMagneticStoreWrites +\\| true\\n")
                .containsPattern("\\n Schema\\.CompositePartitionKey\\[0]\\.EnforcementInRecord +\\| REQUIRED\\n");
    }

    @Test
    void tableUpdateOfOneRetentionPeriodKeepsTheOtherAndListShowsTheTables() {
        admin("database", "create", "iot");
        admin("table", "create", "iot", "readings", "--memory-retention-hours", "24", "--magnetic-retention-days", "365");

        CommandRun updated = admin("table", "update", "iot", "readings", "--memory-retention-hours", "48");

        assertThat(updated.exitCode()).as(updated.err()).isZero();
        UpdateTableRequest request = (UpdateTableRequest) node.catalog.requests().getLast();
        assertThat(request.getRetentionProperties().getMemoryStoreRetentionPeriodInHours()).isEqualTo(48);
        assertThat(request.getRetentionProperties().getMagneticStoreRetentionPeriodInDays()).isEqualTo(365);
        assertThat(request.hasMagneticStoreWriteProperties()).isFalse();

        CommandRun listed = admin("table", "list", "iot");
        assertThat(listed.out()).isEqualTo("""
                 DatabaseName | TableName | TableStatus | MemoryHours | MagneticDays | MagneticWrites | CreationTime
                --------------+-----------+-------------+-------------+--------------+----------------+----------------------
                 iot          | readings  | ACTIVE      |          48 |          365 | false          | 2024-05-01T12:00:00Z
                1 row
                """);
    }

    @Test
    void aRefusedRequestIsOneLineAndExitCodeOne() {
        admin("database", "create", "iot");

        CommandRun again = admin("database", "create", "iot");

        assertThat(again.exitCode()).isEqualTo(AdminCommand.REFUSED);
        assertThat(again.out()).isEmpty();
        assertThat(again.err()).isEqualTo("ConflictException: A database with name iot already exists.\n");
    }

    @Test
    void deleteSaysWhatItDeleted() {
        admin("database", "create", "iot");
        admin("table", "create", "iot", "readings");

        CommandRun deleted = admin("table", "delete", "iot", "readings");

        assertThat(deleted.out()).isEqualTo("Deleted table iot.readings\n");
        assertThat(admin("table", "describe", "iot", "readings").err())
                .isEqualTo("ResourceNotFoundException: The table readings does not exist.\n");
    }
}
