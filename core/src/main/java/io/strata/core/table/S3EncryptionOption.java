package io.strata.core.table;

/** How rejected-data reports are encrypted at rest. */
public enum S3EncryptionOption {
    SSE_S3,
    SSE_KMS
}
