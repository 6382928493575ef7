package io.strata.core.table;

import io.strata.core.model.ConstraintViolations;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a table's magnetic-store rejected-data reports go: an S3 (or S3-compatible) bucket, an
 * optional object key prefix, encryption option and KMS key id. Rules are the Timestream model's:
 * bucket 3–63 characters {@code [a-z0-9][\.\-a-z0-9]{1,61}[a-z0-9]}, prefix 1–928 characters of
 * the S3-safe alphabet, KMS key id 1–2048 characters.
 */
public record S3Configuration(
        String bucketName,
        Optional<String> objectKeyPrefix,
        Optional<S3EncryptionOption> encryptionOption,
        Optional<String> kmsKeyId) {
    static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][\\.\\-a-z0-9]{1,61}[a-z0-9]");
    static final Pattern OBJECT_KEY_PREFIX =
            Pattern.compile("[a-zA-Z0-9|!\\-_*'\\(\\)]([a-zA-Z0-9]|[!\\-_*'\\(\\)\\/.])+");
    private static final String PATH = "magneticStoreWriteProperties.magneticStoreRejectedDataLocation.s3Configuration.";

    public S3Configuration {
        Objects.requireNonNull(objectKeyPrefix, "objectKeyPrefix");
        Objects.requireNonNull(encryptionOption, "encryptionOption");
        Objects.requireNonNull(kmsKeyId, "kmsKeyId");
        ConstraintViolations violations = new ConstraintViolations();
        if (violations.requirePresent(bucketName, PATH + "bucketName")) {
            violations.characterLength(bucketName, PATH + "bucketName", 3, 63);
            violations.pattern(bucketName, PATH + "bucketName", BUCKET_NAME);
        }
        objectKeyPrefix.ifPresent(prefix -> {
            violations.characterLength(prefix, PATH + "objectKeyPrefix", 1, 928);
            violations.pattern(prefix, PATH + "objectKeyPrefix", OBJECT_KEY_PREFIX);
        });
        kmsKeyId.ifPresent(key -> violations.characterLength(key, PATH + "kmsKeyId", 1, 2048));
        violations.throwIfAny();
    }

    public static S3Configuration bucket(String bucketName) {
        return new S3Configuration(bucketName, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
