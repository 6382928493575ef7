package io.strata.tier.blob;

import io.strata.core.error.ValidationException;
import java.net.URI;
import java.util.Objects;

/**
 * Where and how {@link S3BlobStore} reaches its bucket.
 *
 * @param endpoint the S3-compatible endpoint ({@code http://minio:9000}); {@code null} for AWS's own
 *     endpoint of {@code region}
 * @param region the signing region ({@code us-east-1} for most S3-compatible servers)
 * @param accessKeyId static credentials: Strata nodes do not use the AWS credential chain
 * @param secretAccessKey the secret of {@code accessKeyId}
 * @param bucket an existing bucket; the store never creates one
 * @param keyPrefix prepended to every key, so that several clusters or tables can share a bucket:
 *     empty or ending with {@code /}
 * @param pathStyleAccess {@code http://host/bucket/key} instead of {@code http://bucket.host/key};
 *     S3-compatible servers usually need it
 * @param listPageSize the {@code max-keys} of one ListObjectsV2 page (1..1000)
 */
public record S3BlobStoreConfiguration(
        URI endpoint,
        String region,
        String accessKeyId,
        String secretAccessKey,
        String bucket,
        String keyPrefix,
        boolean pathStyleAccess,
        int listPageSize) {

    public static final int MAX_LIST_PAGE_SIZE = 1000;

    public S3BlobStoreConfiguration {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        if (endpoint != null && (endpoint.getScheme() == null || endpoint.getHost() == null)) {
            throw new ValidationException("Invalid S3 endpoint '" + endpoint + "': expected scheme://host[:port].");
        }
        if (region.isBlank()) {
            throw new ValidationException("Invalid S3 configuration: the region is empty.");
        }
        if (accessKeyId.isBlank() || secretAccessKey.isBlank()) {
            throw new ValidationException("Invalid S3 configuration: the access key id and the secret are required.");
        }
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new ValidationException("Invalid S3 bucket name '" + bucket
                    + "': 3 to 63 lowercase letters, digits, '.' and '-', starting and ending with a letter or digit.");
        }
        if (!keyPrefix.isEmpty()) {
            if (!keyPrefix.endsWith("/")) {
                throw new ValidationException("Invalid S3 key prefix '" + keyPrefix + "': it must end with '/'.");
            }
            BlobKey.requireValidPrefix(keyPrefix);
        }
        if (listPageSize < 1 || listPageSize > MAX_LIST_PAGE_SIZE) {
            throw new ValidationException("Invalid S3 list page size " + listPageSize + ": must be 1.."
                    + MAX_LIST_PAGE_SIZE + ".");
        }
    }

    /** An S3-compatible endpoint with path-style access, no key prefix and full list pages. */
    public static S3BlobStoreConfiguration of(
            URI endpoint, String region, String accessKeyId, String secretAccessKey, String bucket) {
        return new S3BlobStoreConfiguration(
                endpoint, region, accessKeyId, secretAccessKey, bucket, "", true, MAX_LIST_PAGE_SIZE);
    }

    public S3BlobStoreConfiguration withKeyPrefix(String newKeyPrefix) {
        return new S3BlobStoreConfiguration(
                endpoint, region, accessKeyId, secretAccessKey, bucket, newKeyPrefix, pathStyleAccess, listPageSize);
    }

    public S3BlobStoreConfiguration withListPageSize(int newListPageSize) {
        return new S3BlobStoreConfiguration(
                endpoint, region, accessKeyId, secretAccessKey, bucket, keyPrefix, pathStyleAccess, newListPageSize);
    }

    public S3BlobStoreConfiguration withCredentials(String newAccessKeyId, String newSecretAccessKey) {
        return new S3BlobStoreConfiguration(
                endpoint, region, newAccessKeyId, newSecretAccessKey, bucket, keyPrefix, pathStyleAccess, listPageSize);
    }

    public S3BlobStoreConfiguration withBucket(String newBucket) {
        return new S3BlobStoreConfiguration(
                endpoint, region, accessKeyId, secretAccessKey, newBucket, keyPrefix, pathStyleAccess, listPageSize);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "S3BlobStoreConfiguration[endpoint=" + endpoint + ", region=" + region + ", accessKeyId=" + accessKeyId
                + ", bucket=" + bucket + ", keyPrefix=" + keyPrefix + ", pathStyleAccess=" + pathStyleAccess
                + ", listPageSize=" + listPageSize + "]";
    }
}
