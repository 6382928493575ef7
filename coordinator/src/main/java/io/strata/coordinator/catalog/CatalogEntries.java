package io.strata.coordinator.catalog;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import io.strata.api.v1.Database;
import io.strata.api.v1.MagneticStoreRejectedDataLocation;
import io.strata.api.v1.PartitionKeyEnforcementLevel;
import io.strata.api.v1.PartitionKeyType;
import io.strata.api.v1.S3EncryptionOption;
import io.strata.api.v1.Schema;
import io.strata.api.v1.Table;
import io.strata.core.error.InternalServerException;
import io.strata.core.error.ValidationException;
import io.strata.core.model.DatabaseName;
import io.strata.core.model.TableName;
import io.strata.core.table.CompositePartitionKey;
import io.strata.core.table.MagneticStoreWriteProperties;
import io.strata.core.table.PartitionKey;
import io.strata.core.table.PartitionKeyEnforcement;
import io.strata.core.table.RetentionProperties;
import io.strata.core.table.S3Configuration;
import io.strata.core.table.TableDefinition;
import io.strata.core.table.Tag;
import io.strata.core.table.Tags;
import io.strata.internal.v1.DatabaseEntry;
import io.strata.internal.v1.TableEntry;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Conversions between the API's shapes ({@code strata.v1}), the catalog's stored entries
 * ({@code strata.internal.v1}) and core's validated definitions. Validation happens here, at the
 * boundary, through core's value types, so every error carries Timestream's name and message.
 */
final class CatalogEntries {
    private CatalogEntries() {}

    static DatabaseEntry parseDatabase(byte[] bytes) {
        try {
            return DatabaseEntry.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new InternalServerException("Unreadable database entry in the catalog", e);
        }
    }

    static TableEntry parseTable(byte[] bytes) {
        try {
            return TableEntry.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new InternalServerException("Unreadable table entry in the catalog", e);
        }
    }

    static Timestamp timestamp(long epochMillis) {
        return Timestamp.newBuilder()
                .setSeconds(Math.floorDiv(epochMillis, 1000))
                .setNanos((int) Math.floorMod(epochMillis, 1000) * 1_000_000)
                .build();
    }

    static Database database(DatabaseEntry entry, long tableCount, ResourceArns arns) {
        Database.Builder database = Database.newBuilder()
                .setArn(arns.database(entry.getDatabaseName()))
                .setDatabaseName(entry.getDatabaseName())
                .setTableCount(tableCount)
                .setCreationTime(timestamp(entry.getCreationTimeMillis()))
                .setLastUpdatedTime(timestamp(entry.getLastUpdatedTimeMillis()));
        if (entry.hasKmsKeyId()) {
            database.setKmsKeyId(entry.getKmsKeyId());
        }
        return database.build();
    }

    static Table table(TableEntry entry, ResourceArns arns) {
        return Table.newBuilder()
                .setArn(arns.table(entry.getDatabaseName(), entry.getTableName()))
                .setTableName(entry.getTableName())
                .setDatabaseName(entry.getDatabaseName())
                .setTableStatus(entry.getTableStatus())
                .setRetentionProperties(io.strata.api.v1.RetentionProperties.newBuilder()
                        .setMemoryStoreRetentionPeriodInHours(entry.getMemoryStoreRetentionHours())
                        .setMagneticStoreRetentionPeriodInDays(entry.getMagneticStoreRetentionDays()))
                .setCreationTime(timestamp(entry.getCreationTimeMillis()))
                .setLastUpdatedTime(timestamp(entry.getLastUpdatedTimeMillis()))
                .setMagneticStoreWriteProperties(entry.getMagneticStoreWriteProperties())
                .setSchema(entry.getSchema())
                .build();
    }

    static DatabaseName databaseName(String name) {
        return new DatabaseName(name);
    }

    static TableName tableName(String name) {
        return new TableName(name);
    }

    static RetentionProperties retention(io.strata.api.v1.RetentionProperties retention) {
        return new RetentionProperties(retention.getMemoryStoreRetentionPeriodInHours(),
                retention.getMagneticStoreRetentionPeriodInDays());
    }

    static MagneticStoreWriteProperties magneticStoreWrites(io.strata.api.v1.MagneticStoreWriteProperties properties) {
        Optional<S3Configuration> location = Optional.empty();
        if (properties.hasMagneticStoreRejectedDataLocation()
                && properties.getMagneticStoreRejectedDataLocation().hasS3Configuration()) {
            io.strata.api.v1.S3Configuration s3 = properties.getMagneticStoreRejectedDataLocation().getS3Configuration();
            location = Optional.of(new S3Configuration(
                    s3.hasBucketName() ? s3.getBucketName() : null,
                    s3.hasObjectKeyPrefix() ? Optional.of(s3.getObjectKeyPrefix()) : Optional.empty(),
                    encryption(s3.getEncryptionOption()),
                    s3.hasKmsKeyId() ? Optional.of(s3.getKmsKeyId()) : Optional.empty()));
        }
        return new MagneticStoreWriteProperties(properties.getEnableMagneticStoreWrites(), location);
    }

    private static Optional<io.strata.core.table.S3EncryptionOption> encryption(S3EncryptionOption option) {
        return switch (option) {
            case S3_ENCRYPTION_OPTION_UNSPECIFIED -> Optional.empty();
            case S3_ENCRYPTION_OPTION_SSE_S3 -> Optional.of(io.strata.core.table.S3EncryptionOption.SSE_S3);
            case S3_ENCRYPTION_OPTION_SSE_KMS -> Optional.of(io.strata.core.table.S3EncryptionOption.SSE_KMS);
            case UNRECOGNIZED -> throw new ValidationException("1 validation error detected: Value at "
                    + "'magneticStoreWriteProperties.magneticStoreRejectedDataLocation.s3Configuration.encryptionOption' "
                    + "failed to satisfy constraint: Member must satisfy enum value set: [SSE_S3, SSE_KMS]");
        };
    }

    /** The table's composite partition key; a schema with no keys is the default {@code [{MEASURE}]}. */
    static CompositePartitionKey partitionKey(Schema schema) {
        if (schema.getCompositePartitionKeyCount() == 0) {
            return CompositePartitionKey.DEFAULT;
        }
        return new CompositePartitionKey(schema.getCompositePartitionKeyList().stream()
                .map(CatalogEntries::partitionKey)
                .toList());
    }

    private static PartitionKey partitionKey(io.strata.api.v1.PartitionKey key) {
        PartitionKeyEnforcement enforcement = switch (key.getEnforcementInRecord()) {
            case PARTITION_KEY_ENFORCEMENT_LEVEL_REQUIRED -> PartitionKeyEnforcement.REQUIRED;
            case PARTITION_KEY_ENFORCEMENT_LEVEL_OPTIONAL, PARTITION_KEY_ENFORCEMENT_LEVEL_UNSPECIFIED ->
                    PartitionKeyEnforcement.OPTIONAL;
            case UNRECOGNIZED -> throw new ValidationException("1 validation error detected: Value at "
                    + "'schema.compositePartitionKey.1.member.enforcementInRecord' failed to satisfy constraint: "
                    + "Member must satisfy enum value set: [REQUIRED, OPTIONAL]");
        };
        return switch (key.getType()) {
            case PARTITION_KEY_TYPE_MEASURE -> new PartitionKey(io.strata.core.table.PartitionKeyType.MEASURE,
                    key.hasName() ? Optional.of(key.getName()) : Optional.empty(), PartitionKeyEnforcement.OPTIONAL);
            case PARTITION_KEY_TYPE_DIMENSION -> new PartitionKey(io.strata.core.table.PartitionKeyType.DIMENSION,
                    key.hasName() ? Optional.of(key.getName()) : Optional.empty(), enforcement);
            case PARTITION_KEY_TYPE_UNSPECIFIED, UNRECOGNIZED -> throw new ValidationException(
                    "1 validation error detected: Value null at 'schema.compositePartitionKey.1.member.type' failed to "
                            + "satisfy constraint: Member must satisfy enum value set: [DIMENSION, MEASURE]");
        };
    }

    /** The API form of a validated key, as DescribeTable shows it. */
    static Schema schema(CompositePartitionKey key) {
        Schema.Builder schema = Schema.newBuilder();
        for (PartitionKey partitionKey : key.keys()) {
            io.strata.api.v1.PartitionKey.Builder builder = schema.addCompositePartitionKeyBuilder();
            switch (partitionKey.type()) {
                case MEASURE -> builder.setType(PartitionKeyType.PARTITION_KEY_TYPE_MEASURE);
                case DIMENSION -> builder.setType(PartitionKeyType.PARTITION_KEY_TYPE_DIMENSION)
                        .setName(partitionKey.name().orElseThrow())
                        .setEnforcementInRecord(partitionKey.enforcementInRecord() == PartitionKeyEnforcement.REQUIRED
                                ? PartitionKeyEnforcementLevel.PARTITION_KEY_ENFORCEMENT_LEVEL_REQUIRED
                                : PartitionKeyEnforcementLevel.PARTITION_KEY_ENFORCEMENT_LEVEL_OPTIONAL);
            }
        }
        return schema.build();
    }

    /** Validated magnetic-store settings in the API form that DescribeTable shows. */
    static io.strata.api.v1.MagneticStoreWriteProperties magneticStoreWritesShown(
            io.strata.api.v1.MagneticStoreWriteProperties requested) {
        MagneticStoreWriteProperties validated = magneticStoreWrites(requested);
        io.strata.api.v1.MagneticStoreWriteProperties.Builder shown = io.strata.api.v1.MagneticStoreWriteProperties
                .newBuilder().setEnableMagneticStoreWrites(validated.enableMagneticStoreWrites());
        if (validated.rejectedDataLocation().isPresent()) {
            shown.setMagneticStoreRejectedDataLocation(MagneticStoreRejectedDataLocation.newBuilder()
                    .setS3Configuration(requested.getMagneticStoreRejectedDataLocation().getS3Configuration()));
        }
        return shown.build();
    }

    /** Validated tags, sorted by key as the catalog keeps them. */
    static List<io.strata.api.v1.Tag> tags(List<io.strata.api.v1.Tag> tags) {
        Tags validated = new Tags(tags.stream().map(tag -> new Tag(tag.getKey(), tag.getValue())).toList());
        return validated.tags().stream()
                .sorted(Comparator.comparing(Tag::key))
                .map(tag -> io.strata.api.v1.Tag.newBuilder().setKey(tag.key()).setValue(tag.value()).build())
                .toList();
    }

    /** What the write validator needs of a stored table. */
    static TableDefinition definition(TableEntry entry) {
        return new TableDefinition(
                databaseName(entry.getDatabaseName()),
                tableName(entry.getTableName()),
                new RetentionProperties(entry.getMemoryStoreRetentionHours(), entry.getMagneticStoreRetentionDays()),
                magneticStoreWrites(entry.getMagneticStoreWriteProperties()),
                partitionKey(entry.getSchema()),
                Tags.NONE);
    }
}
