package io.strata.cli.admin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Timestamp;
import io.strata.api.v1.Database;
import io.strata.api.v1.MagneticStoreWriteProperties;
import io.strata.api.v1.PartitionKey;
import io.strata.api.v1.S3Configuration;
import io.strata.api.v1.Table;
import java.time.Instant;

/**
 * Databases and tables in Timestream's JSON shapes (as {@code aws timestream-write} prints them):
 * Timestream's member names, enum values without their proto prefix ({@code ACTIVE},
 * {@code DIMENSION}), times as ISO-8601 UTC instants.
 */
public final class CatalogJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CatalogJson() {}

    /** A database. */
    public static ObjectNode of(Database database) {
        ObjectNode node = NODES.objectNode();
        node.put("Arn", database.getArn());
        node.put("DatabaseName", database.getDatabaseName());
        node.put("TableCount", database.getTableCount());
        if (database.hasKmsKeyId()) {
            node.put("KmsKeyId", database.getKmsKeyId());
        }
        putTime(node, "CreationTime", database.hasCreationTime(), database.getCreationTime());
        putTime(node, "LastUpdatedTime", database.hasLastUpdatedTime(), database.getLastUpdatedTime());
        return node;
    }

    /** A table. */
    public static ObjectNode of(Table table) {
        ObjectNode node = NODES.objectNode();
        node.put("Arn", table.getArn());
        node.put("TableName", table.getTableName());
        node.put("DatabaseName", table.getDatabaseName());
        node.put("TableStatus", enumName(table.getTableStatus().name(), "TABLE_STATUS_"));
        if (table.hasRetentionProperties()) {
            node.putObject("RetentionProperties")
                    .put("MemoryStoreRetentionPeriodInHours", table.getRetentionProperties().getMemoryStoreRetentionPeriodInHours())
                    .put("MagneticStoreRetentionPeriodInDays", table.getRetentionProperties().getMagneticStoreRetentionPeriodInDays());
        }
        putTime(node, "CreationTime", table.hasCreationTime(), table.getCreationTime());
        putTime(node, "LastUpdatedTime", table.hasLastUpdatedTime(), table.getLastUpdatedTime());
        if (table.hasMagneticStoreWriteProperties()) {
            node.set("MagneticStoreWriteProperties", of(table.getMagneticStoreWriteProperties()));
        }
        if (table.hasSchema()) {
            var keys = node.putObject("Schema").putArray("CompositePartitionKey");
            for (PartitionKey key : table.getSchema().getCompositePartitionKeyList()) {
                ObjectNode keyNode = keys.addObject();
                keyNode.put("Type", enumName(key.getType().name(), "PARTITION_KEY_TYPE_"));
                if (key.hasName()) {
                    keyNode.put("Name", key.getName());
                }
                if (key.getEnforcementInRecordValue() != 0) {
                    keyNode.put("EnforcementInRecord", enumName(key.getEnforcementInRecord().name(), "PARTITION_KEY_ENFORCEMENT_LEVEL_"));
                }
            }
        }
        return node;
    }

    private static ObjectNode of(MagneticStoreWriteProperties properties) {
        ObjectNode node = NODES.objectNode();
        node.put("EnableMagneticStoreWrites", properties.getEnableMagneticStoreWrites());
        if (properties.hasMagneticStoreRejectedDataLocation()
                && properties.getMagneticStoreRejectedDataLocation().hasS3Configuration()) {
            S3Configuration s3 = properties.getMagneticStoreRejectedDataLocation().getS3Configuration();
            ObjectNode s3Node = node.putObject("MagneticStoreRejectedDataLocation").putObject("S3Configuration");
            if (s3.hasBucketName()) {
                s3Node.put("BucketName", s3.getBucketName());
            }
            if (s3.hasObjectKeyPrefix()) {
                s3Node.put("ObjectKeyPrefix", s3.getObjectKeyPrefix());
            }
            if (s3.getEncryptionOptionValue() != 0) {
                s3Node.put("EncryptionOption", enumName(s3.getEncryptionOption().name(), "S3_ENCRYPTION_OPTION_"));
            }
            if (s3.hasKmsKeyId()) {
                s3Node.put("KmsKeyId", s3.getKmsKeyId());
            }
        }
        return node;
    }

    private static void putTime(ObjectNode node, String name, boolean present, Timestamp time) {
        if (present) {
            node.put(name, Instant.ofEpochSecond(time.getSeconds(), time.getNanos()).toString());
        }
    }

    private static String enumName(String protoName, String prefix) {
        return protoName.startsWith(prefix) ? protoName.substring(prefix.length()) : protoName;
    }
}
