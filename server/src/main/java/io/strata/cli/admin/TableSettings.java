package io.strata.cli.admin;

import io.strata.api.v1.MagneticStoreRejectedDataLocation;
import io.strata.api.v1.MagneticStoreWriteProperties;
import io.strata.api.v1.PartitionKey;
import io.strata.api.v1.PartitionKeyEnforcementLevel;
import io.strata.api.v1.PartitionKeyType;
import io.strata.api.v1.RetentionProperties;
import io.strata.api.v1.S3Configuration;
import io.strata.api.v1.Schema;
import io.strata.api.v1.Table;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The table settings {@code table create} and {@code table update} take: retention, magnetic-store
 * writes and the partition key. Options not given leave the setting as it is (update) or at
 * Timestream's default (create).
 */
public final class TableSettings {
    static final long DEFAULT_MEMORY_HOURS = 6;
    static final long DEFAULT_MAGNETIC_DAYS = 73000;

    @Option(names = "--memory-retention-hours", paramLabel = "HOURS", description = "Memory-store retention, 1..8766 hours (default 6).")
    Long memoryHours;

    @Option(names = "--magnetic-retention-days", paramLabel = "DAYS", description = "Magnetic-store retention, 1..73000 days (default 73000).")
    Long magneticDays;

    @Option(names = "--magnetic-writes", paramLabel = "on|off", description = "Accept records older than the memory window into the magnetic store.")
    String magneticWrites;

    @Option(names = "--rejected-data-location", paramLabel = "s3://BUCKET/PREFIX",
            description = "Where records rejected by magnetic-store writes are reported.")
    String rejectedDataLocation;

    @Option(names = "--partition-key", paramLabel = "measure|dimension:NAME",
            description = "Partition by measure_name (default) or by a dimension; only at creation.")
    String partitionKey;

    @Option(names = "--partition-key-enforcement", paramLabel = "required|optional",
            description = "Whether records must carry the partition-key dimension.")
    String enforcement;

    /** Whether any retention option was given. */
    boolean hasRetention() {
        return memoryHours != null || magneticDays != null;
    }

    /** Retention from the options, the missing member taken from {@code current} (or the default). */
    RetentionProperties retention(RetentionProperties current) {
        return RetentionProperties.newBuilder()
                .setMemoryStoreRetentionPeriodInHours(memoryHours != null ? memoryHours
                        : current != null ? current.getMemoryStoreRetentionPeriodInHours() : DEFAULT_MEMORY_HOURS)
                .setMagneticStoreRetentionPeriodInDays(magneticDays != null ? magneticDays
                        : current != null ? current.getMagneticStoreRetentionPeriodInDays() : DEFAULT_MAGNETIC_DAYS)
                .build();
    }

    /** Whether a magnetic-write option was given. */
    boolean hasMagneticWrites() {
        return magneticWrites != null || rejectedDataLocation != null;
    }

    /** Magnetic-store write settings from the options, missing ones taken from {@code current}. */
    MagneticStoreWriteProperties magneticWriteProperties(MagneticStoreWriteProperties current) {
        MagneticStoreWriteProperties.Builder properties = current == null ? MagneticStoreWriteProperties.newBuilder() : current.toBuilder();
        if (magneticWrites != null) {
            properties.setEnableMagneticStoreWrites(switch (magneticWrites.strip().toLowerCase(Locale.ROOT)) {
                case "on", "true", "yes", "enabled" -> true;
                case "off", "false", "no", "disabled" -> false;
                default -> throw new IllegalArgumentException("--magnetic-writes must be on or off, was '" + magneticWrites + "'");
            });
        }
        if (rejectedDataLocation != null) {
            String location = rejectedDataLocation.strip();
            if (!location.startsWith("s3://") || location.length() <= "s3://".length()) {
                throw new IllegalArgumentException("--rejected-data-location must be s3://BUCKET[/PREFIX], was '" + location + "'");
            }
            String path = location.substring("s3://".length());
            int slash = path.indexOf('/');
            S3Configuration.Builder s3 = S3Configuration.newBuilder().setBucketName(slash < 0 ? path : path.substring(0, slash));
            if (slash >= 0 && slash < path.length() - 1) {
                s3.setObjectKeyPrefix(path.substring(slash + 1));
            }
            properties.setMagneticStoreRejectedDataLocation(MagneticStoreRejectedDataLocation.newBuilder().setS3Configuration(s3));
        }
        return properties.build();
    }

    /** The schema to create the table with, or {@code null} for Timestream's default (by measure name). */
    Schema schemaForCreate() {
        if (partitionKey == null) {
            if (enforcement != null) {
                throw new IllegalArgumentException("--partition-key-enforcement needs --partition-key dimension:NAME");
            }
            return null;
        }
        String key = partitionKey.strip();
        PartitionKey.Builder partition = PartitionKey.newBuilder();
        if (key.equalsIgnoreCase("measure")) {
            if (enforcement != null) {
                throw new IllegalArgumentException("--partition-key-enforcement applies to a dimension key only");
            }
            partition.setType(PartitionKeyType.PARTITION_KEY_TYPE_MEASURE);
        } else if (key.toLowerCase(Locale.ROOT).startsWith("dimension:") && key.length() > "dimension:".length()) {
            partition.setType(PartitionKeyType.PARTITION_KEY_TYPE_DIMENSION).setName(key.substring("dimension:".length()));
            partition.setEnforcementInRecord(enforcement == null ? PartitionKeyEnforcementLevel.PARTITION_KEY_ENFORCEMENT_LEVEL_OPTIONAL
                    : enforcementLevel());
        } else {
            throw new IllegalArgumentException("--partition-key must be measure or dimension:NAME, was '" + partitionKey + "'");
        }
        return Schema.newBuilder().addCompositePartitionKey(partition).build();
    }

    /** The current schema with the new enforcement, or {@code null} when none was asked for. */
    Schema schemaForUpdate(Table current) {
        if (partitionKey != null) {
            throw new IllegalArgumentException("the partition key is set at creation; only --partition-key-enforcement can change");
        }
        if (enforcement == null) {
            return null;
        }
        Schema.Builder schema = current.getSchema().toBuilder();
        for (PartitionKey.Builder key : schema.getCompositePartitionKeyBuilderList()) {
            if (key.getType() == PartitionKeyType.PARTITION_KEY_TYPE_DIMENSION) {
                key.setEnforcementInRecord(enforcementLevel());
            }
        }
        return schema.build();
    }

    private PartitionKeyEnforcementLevel enforcementLevel() {
        return switch (enforcement.strip().toLowerCase(Locale.ROOT)) {
            case "required" -> PartitionKeyEnforcementLevel.PARTITION_KEY_ENFORCEMENT_LEVEL_REQUIRED;
            case "optional" -> PartitionKeyEnforcementLevel.PARTITION_KEY_ENFORCEMENT_LEVEL_OPTIONAL;
            default -> throw new IllegalArgumentException("--partition-key-enforcement must be required or optional, was '" + enforcement + "'");
        };
    }
}
