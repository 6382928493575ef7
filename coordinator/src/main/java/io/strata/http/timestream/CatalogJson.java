package io.strata.http.timestream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Timestamp;
import io.strata.api.v1.Database;
import io.strata.api.v1.MagneticStoreRejectedDataLocation;
import io.strata.api.v1.MagneticStoreWriteProperties;
import io.strata.api.v1.PartitionKey;
import io.strata.api.v1.PartitionKeyEnforcementLevel;
import io.strata.api.v1.PartitionKeyType;
import io.strata.api.v1.RetentionProperties;
import io.strata.api.v1.S3Configuration;
import io.strata.api.v1.S3EncryptionOption;
import io.strata.api.v1.Schema;
import io.strata.api.v1.Table;
import io.strata.api.v1.TableStatus;
import io.strata.api.v1.Tag;
import java.math.BigDecimal;
import java.util.List;

/**
 * The catalog shapes of {@code timestream-write} (Database, Table and their settings, Tag) in
 * Timestream's JSON, both ways: requests carry settings and tags, responses carry databases and
 * tables. Catalog times are AWS JSON 1.0 timestamps: epoch seconds as a JSON number, with the
 * fraction only when there is one. Stateless and thread-safe.
 */
final class CatalogJson {
    static final TimestreamEnum<TableStatus> TABLE_STATUS =
            TimestreamEnum.of(TableStatus.getDescriptor(), TableStatus::valueOf);
    static final TimestreamEnum<S3EncryptionOption> ENCRYPTION_OPTION =
            TimestreamEnum.of(S3EncryptionOption.getDescriptor(), S3EncryptionOption::valueOf);
    static final TimestreamEnum<PartitionKeyType> PARTITION_KEY_TYPE =
            TimestreamEnum.of(PartitionKeyType.getDescriptor(), PartitionKeyType::valueOf);
    static final TimestreamEnum<PartitionKeyEnforcementLevel> ENFORCEMENT_LEVEL =
            TimestreamEnum.of(PartitionKeyEnforcementLevel.getDescriptor(), PartitionKeyEnforcementLevel::valueOf);

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CatalogJson() {
    }

    // ---- requests

    static RetentionProperties retentionProperties(RequestMembers members) {
        RetentionProperties.Builder builder = RetentionProperties.newBuilder();
        members.longValue("MemoryStoreRetentionPeriodInHours").ifPresent(builder::setMemoryStoreRetentionPeriodInHours);
        members.longValue("MagneticStoreRetentionPeriodInDays").ifPresent(builder::setMagneticStoreRetentionPeriodInDays);
        return builder.build();
    }

    static MagneticStoreWriteProperties magneticStoreWriteProperties(RequestMembers members) {
        MagneticStoreWriteProperties.Builder builder = MagneticStoreWriteProperties.newBuilder();
        members.booleanValue("EnableMagneticStoreWrites").ifPresent(builder::setEnableMagneticStoreWrites);
        members.structure("MagneticStoreRejectedDataLocation").ifPresent(location -> {
            MagneticStoreRejectedDataLocation.Builder rejected = MagneticStoreRejectedDataLocation.newBuilder();
            location.structure("S3Configuration").ifPresent(s3 -> rejected.setS3Configuration(s3Configuration(s3)));
            builder.setMagneticStoreRejectedDataLocation(rejected);
        });
        return builder.build();
    }

    static Schema schema(RequestMembers members) {
        Schema.Builder builder = Schema.newBuilder();
        for (RequestMembers key : members.structures("CompositePartitionKey")) {
            PartitionKey.Builder partitionKey = PartitionKey.newBuilder();
            key.enumValue("Type", PARTITION_KEY_TYPE).ifPresent(partitionKey::setType);
            key.string("Name").ifPresent(partitionKey::setName);
            key.enumValue("EnforcementInRecord", ENFORCEMENT_LEVEL).ifPresent(partitionKey::setEnforcementInRecord);
            builder.addCompositePartitionKey(partitionKey);
        }
        return builder.build();
    }

    static List<Tag> tags(RequestMembers members) {
        return members.structures("Tags").stream().map(CatalogJson::tag).toList();
    }

    private static Tag tag(RequestMembers members) {
        Tag.Builder builder = Tag.newBuilder();
        members.string("Key").ifPresent(builder::setKey);
        members.string("Value").ifPresent(builder::setValue);
        return builder.build();
    }

    private static S3Configuration s3Configuration(RequestMembers members) {
        S3Configuration.Builder builder = S3Configuration.newBuilder();
        members.string("BucketName").ifPresent(builder::setBucketName);
        members.string("ObjectKeyPrefix").ifPresent(builder::setObjectKeyPrefix);
        members.enumValue("EncryptionOption", ENCRYPTION_OPTION).ifPresent(builder::setEncryptionOption);
        members.string("KmsKeyId").ifPresent(builder::setKmsKeyId);
        return builder.build();
    }

    // ---- responses

    static ObjectNode database(Database database) {
        ObjectNode json = JSON.objectNode();
        json.put("Arn", database.getArn());
        json.put("DatabaseName", database.getDatabaseName());
        json.put("TableCount", database.getTableCount());
        if (database.hasKmsKeyId()) {
            json.put("KmsKeyId", database.getKmsKeyId());
        }
        if (database.hasCreationTime()) {
            json.set("CreationTime", epochSeconds(database.getCreationTime()));
        }
        if (database.hasLastUpdatedTime()) {
            json.set("LastUpdatedTime", epochSeconds(database.getLastUpdatedTime()));
        }
        return json;
    }

    static ObjectNode table(Table table) {
        ObjectNode json = JSON.objectNode();
        json.put("Arn", table.getArn());
        json.put("TableName", table.getTableName());
        json.put("DatabaseName", table.getDatabaseName());
        TABLE_STATUS.name(table.getTableStatus()).ifPresent(status -> json.put("TableStatus", status));
        if (table.hasRetentionProperties()) {
            json.set("RetentionProperties", retentionProperties(table.getRetentionProperties()));
        }
        if (table.hasCreationTime()) {
            json.set("CreationTime", epochSeconds(table.getCreationTime()));
        }
        if (table.hasLastUpdatedTime()) {
            json.set("LastUpdatedTime", epochSeconds(table.getLastUpdatedTime()));
        }
        if (table.hasMagneticStoreWriteProperties()) {
            json.set("MagneticStoreWriteProperties", magneticStoreWriteProperties(table.getMagneticStoreWriteProperties()));
        }
        if (table.hasSchema()) {
            json.set("Schema", schema(table.getSchema()));
        }
        return json;
    }

    static ArrayNode tags(List<Tag> tags) {
        ArrayNode json = JSON.arrayNode(tags.size());
        for (Tag tag : tags) {
            json.addObject().put("Key", tag.getKey()).put("Value", tag.getValue());
        }
        return json;
    }

    static ObjectNode retentionProperties(RetentionProperties retention) {
        return JSON.objectNode()
                .put("MemoryStoreRetentionPeriodInHours", retention.getMemoryStoreRetentionPeriodInHours())
                .put("MagneticStoreRetentionPeriodInDays", retention.getMagneticStoreRetentionPeriodInDays());
    }

    static ObjectNode magneticStoreWriteProperties(MagneticStoreWriteProperties properties) {
        ObjectNode json = JSON.objectNode().put("EnableMagneticStoreWrites", properties.getEnableMagneticStoreWrites());
        if (properties.hasMagneticStoreRejectedDataLocation()) {
            ObjectNode location = json.putObject("MagneticStoreRejectedDataLocation");
            MagneticStoreRejectedDataLocation rejected = properties.getMagneticStoreRejectedDataLocation();
            if (rejected.hasS3Configuration()) {
                location.set("S3Configuration", s3Configuration(rejected.getS3Configuration()));
            }
        }
        return json;
    }

    static ObjectNode schema(Schema schema) {
        ObjectNode json = JSON.objectNode();
        ArrayNode keys = json.putArray("CompositePartitionKey");
        for (PartitionKey key : schema.getCompositePartitionKeyList()) {
            ObjectNode keyJson = keys.addObject();
            PARTITION_KEY_TYPE.name(key.getType()).ifPresent(type -> keyJson.put("Type", type));
            if (key.hasName()) {
                keyJson.put("Name", key.getName());
            }
            ENFORCEMENT_LEVEL.name(key.getEnforcementInRecord())
                    .ifPresent(level -> keyJson.put("EnforcementInRecord", level));
        }
        return json;
    }

    private static ObjectNode s3Configuration(S3Configuration s3) {
        ObjectNode json = JSON.objectNode();
        if (s3.hasBucketName()) {
            json.put("BucketName", s3.getBucketName());
        }
        if (s3.hasObjectKeyPrefix()) {
            json.put("ObjectKeyPrefix", s3.getObjectKeyPrefix());
        }
        ENCRYPTION_OPTION.name(s3.getEncryptionOption()).ifPresent(option -> json.put("EncryptionOption", option));
        if (s3.hasKmsKeyId()) {
            json.put("KmsKeyId", s3.getKmsKeyId());
        }
        return json;
    }

    /**
     * AWS JSON 1.0's timestamp: epoch seconds as a number. A whole second is written as an
     * integer; otherwise the fraction is exact and without trailing zeros, and its positive scale
     * keeps {@link BigDecimal#toString()} out of exponent notation.
     */
    static JsonNode epochSeconds(Timestamp time) {
        if (time.getNanos() == 0) {
            return JSON.numberNode(time.getSeconds());
        }
        return JSON.numberNode(BigDecimal.valueOf(time.getSeconds())
                .add(BigDecimal.valueOf(time.getNanos(), 9))
                .stripTrailingZeros());
    }
}
