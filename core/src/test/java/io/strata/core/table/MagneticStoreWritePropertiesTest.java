package io.strata.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.strata.core.error.ValidationException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MagneticStoreWritePropertiesTest {
    private static final String BUCKET_PATH =
            "magneticStoreWriteProperties.magneticStoreRejectedDataLocation.s3Configuration.bucketName";

    @Test
    void disabledByDefault() {
        assertThat(MagneticStoreWriteProperties.DISABLED.enableMagneticStoreWrites()).isFalse();
        assertThat(MagneticStoreWriteProperties.DISABLED.rejectedDataLocation()).isEmpty();
    }

    @Test
    void aLocationMayBeSetWhileWritesAreDisabled() {
        var properties = new MagneticStoreWriteProperties(false, Optional.of(S3Configuration.bucket("rejects")));
        assertThat(properties.rejectedDataLocation()).isPresent();
    }

    @Test
    void bucketNamesAre3To63Characters() {
        assertThat(S3Configuration.bucket("abc").bucketName()).isEqualTo("abc");
        assertThat(S3Configuration.bucket("a".repeat(63)).bucketName()).hasSize(63);
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> S3Configuration.bucket("ab"))
                .withMessage("2 validation errors detected: Value 'ab' at '" + BUCKET_PATH + "' failed to satisfy "
                        + "constraint: Member must have length greater than or equal to 3; Value 'ab' at '" + BUCKET_PATH
                        + "' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                        + "[a-z0-9][\\.\\-a-z0-9]{1,61}[a-z0-9]");
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> S3Configuration.bucket("a".repeat(64)))
                .withMessageContaining("Member must have length less than or equal to 63");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Rejects", "-rejects", "rejects-", "rej_ects", "rej ects"})
    void bucketNamesFollowS3sAlphabet(String bucket) {
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> S3Configuration.bucket(bucket))
                .withMessage("1 validation error detected: Value '" + bucket + "' at '" + BUCKET_PATH + "' failed to "
                        + "satisfy constraint: Member must satisfy regular expression pattern: "
                        + "[a-z0-9][\\.\\-a-z0-9]{1,61}[a-z0-9]");
    }

    @Test
    void prefixAndKmsKeyAreChecked() {
        var full = new S3Configuration("my.bucket-1", Optional.of("strata/rejected-data"),
                Optional.of(S3EncryptionOption.SSE_KMS), Optional.of("arn:aws:kms:key"));
        assertThat(full.encryptionOption()).contains(S3EncryptionOption.SSE_KMS);
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> new S3Configuration("bucket", Optional.of("/leading-slash"), Optional.empty(),
                        Optional.empty()))
                .withMessageContaining("s3Configuration.objectKeyPrefix' failed to satisfy constraint: Member must "
                        + "satisfy regular expression pattern");
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> new S3Configuration("bucket", Optional.of("p".repeat(929)), Optional.empty(),
                        Optional.empty()))
                .withMessageContaining("Member must have length less than or equal to 928");
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> new S3Configuration("bucket", Optional.empty(), Optional.empty(), Optional.of("")))
                .withMessageContaining("s3Configuration.kmsKeyId' failed to satisfy constraint: Member must have length "
                        + "greater than or equal to 1");
    }
}
