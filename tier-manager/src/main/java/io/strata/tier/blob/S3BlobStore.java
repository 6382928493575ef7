package io.strata.tier.blob;

import io.strata.core.error.ServiceUnavailableException;
import io.strata.core.error.ValidationException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A {@link BlobStore} on an S3 bucket (AWS or any S3-compatible server) through the AWS SDK v2's
 * synchronous client, which is thread-safe and pools its connections.
 *
 * <p>S3 itself gives the contract's atomic put (an object appears whole on a successful PUT) and
 * read-after-write consistency. Blob key {@code k} is object key {@code keyPrefix + k}. A put of a
 * stream is sent as is, not buffered: if the connection fails midway the SDK cannot rewind the
 * caller's stream, so that put fails (retryable, {@code ServiceUnavailableException}) instead of
 * being retried; puts of a byte array are retried by the SDK.
 *
 * <p>Checksums are sent only when S3 requires them: many S3-compatible servers reject the SDK's
 * newer default trailing checksums, and every segment block carries its own checksum anyway.
 */
public final class S3BlobStore implements BlobStore {
    private static final String CONTENT_TYPE = "application/octet-stream";

    private final S3Client client;
    private final S3BlobStoreConfiguration configuration;
    private final S3Errors errors;

    private S3BlobStore(S3Client client, S3BlobStoreConfiguration configuration) {
        this.client = client;
        this.configuration = configuration;
        this.errors = new S3Errors(configuration.bucket(),
                configuration.endpoint() == null ? "AWS " + configuration.region() : configuration.endpoint().toString());
    }

    /**
     * Connects and checks that the bucket exists and the credentials are accepted, so that a
     * misconfiguration fails at startup rather than at the first segment upload.
     *
     * @throws io.strata.core.error.ResourceNotFoundException the bucket does not exist
     * @throws io.strata.core.error.AccessDeniedException the credentials are refused
     * @throws io.strata.core.error.ServiceUnavailableException the endpoint cannot be reached
     */
    public static S3BlobStore open(S3BlobStoreConfiguration configuration) {
        Objects.requireNonNull(configuration, "configuration");
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(configuration.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(configuration.accessKeyId(), configuration.secretAccessKey())))
                .forcePathStyle(configuration.pathStyleAccess())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (configuration.endpoint() != null) {
            builder.endpointOverride(configuration.endpoint());
        }
        S3Client client = builder.build();
        S3BlobStore store = new S3BlobStore(client, configuration);
        try {
            client.headBucket(request -> request.bucket(configuration.bucket()));
        } catch (SdkException e) {
            client.close();
            throw store.errors.translate("open", null, e);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
        return store;
    }

    public S3BlobStoreConfiguration configuration() {
        return configuration;
    }

    @Override
    public void put(BlobKey key, byte[] content) {
        Objects.requireNonNull(content, "content");
        String objectKey = objectKey(key);
        try {
            client.putObject(request -> request.bucket(configuration.bucket()).key(objectKey)
                            .contentLength((long) content.length).contentType(CONTENT_TYPE),
                    // Not fromBytes: that copies the array, and segments run to megabytes.
                    RequestBody.fromContentProvider(
                            ContentStreamProvider.fromByteArrayUnsafe(content), content.length, CONTENT_TYPE));
        } catch (SdkException e) {
            throw errors.translate("put", key, e);
        }
    }

    @Override
    public void put(BlobKey key, InputStream content, long length) {
        Objects.requireNonNull(content, "content");
        BlobStoreErrors.requireValidLength(key, length);
        String objectKey = objectKey(key);
        ExactLengthInputStream exact = new ExactLengthInputStream(content, length);
        // A provider over a stream without mark/reset hands it out once: a retry fails instead of
        // re-sending a half-consumed stream, and an over-long stream can never be stored truncated.
        RequestBody body = RequestBody.fromContentProvider(ContentStreamProvider.fromInputStream(exact), length, CONTENT_TYPE);
        try {
            client.putObject(request -> request.bucket(configuration.bucket()).key(objectKey)
                    .contentLength(length).contentType(CONTENT_TYPE), body);
        } catch (SdkException e) {
            if (exact.mismatch() != null) {
                throw BlobStoreErrors.lengthMismatch(key, exact.mismatch(), e);
            }
            throw errors.translate("put", key, e);
        } catch (IllegalStateException e) {
            // The SDK wanted to retry a failed attempt and the provider refused to hand the stream out again.
            if (exact.mismatch() != null) {
                throw BlobStoreErrors.lengthMismatch(key, exact.mismatch(), e);
            }
            throw new ServiceUnavailableException("Cannot put blob '" + key + "' in bucket '" + configuration.bucket()
                    + "': the upload failed midway and a stream cannot be sent twice; put it again.", e);
        }
        if (exact.mismatch() != null) {
            throw BlobStoreErrors.lengthMismatch(key, exact.mismatch(), null);
        }
    }

    @Override
    public byte[] get(BlobKey key) {
        String objectKey = objectKey(key);
        try {
            return client.getObjectAsBytes(request -> request.bucket(configuration.bucket()).key(objectKey))
                    .asByteArrayUnsafe();
        } catch (SdkException e) {
            throw errors.translate("get", key, e);
        }
    }

    @Override
    public byte[] getRange(BlobKey key, long offset, int length) {
        BlobStoreErrors.requireValidRange(key, offset, length);
        if (length == 0) {
            // HTTP cannot express an empty range; still answer "missing" and "outside" as for any range.
            long size = size(key);
            if (offset > size) {
                throw BlobStoreErrors.rangeOutside(key, offset, length, size);
            }
            return new byte[0];
        }
        String objectKey = objectKey(key);
        String range = "bytes=" + offset + "-" + (offset + length - 1);
        ResponseBytes<GetObjectResponse> response;
        try {
            response = client.getObjectAsBytes(request -> request.bucket(configuration.bucket()).key(objectKey).range(range));
        } catch (S3Exception e) {
            if (e.statusCode() == 416) {
                throw BlobStoreErrors.rangeOutside(key, offset, length, size(key));
            }
            throw errors.translate("read a range of", key, e);
        } catch (SdkException e) {
            throw errors.translate("read a range of", key, e);
        }
        byte[] bytes = response.asByteArrayUnsafe();
        if (bytes.length != length) {
            // S3 shortens a range that runs past the end instead of refusing it.
            throw BlobStoreErrors.rangeOutside(key, offset, length, offset + bytes.length);
        }
        return bytes;
    }

    @Override
    public boolean exists(BlobKey key) {
        String objectKey = objectKey(key);
        try {
            client.headObject(request -> request.bucket(configuration.bucket()).key(objectKey));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw errors.translate("look up", key, e);
        } catch (SdkException e) {
            throw errors.translate("look up", key, e);
        }
    }

    @Override
    public long size(BlobKey key) {
        String objectKey = objectKey(key);
        try {
            return client.headObject(request -> request.bucket(configuration.bucket()).key(objectKey)).contentLength();
        } catch (SdkException e) {
            throw errors.translate("read the size of", key, e);
        }
    }

    @Override
    public List<BlobKey> list(String prefix) {
        BlobKey.requireValidPrefix(prefix);
        String keyPrefix = configuration.keyPrefix();
        List<BlobKey> keys = new ArrayList<>();
        try {
            for (S3Object object : client.listObjectsV2Paginator(request -> request.bucket(configuration.bucket())
                    .prefix(keyPrefix + prefix).maxKeys(configuration.listPageSize())).contents()) {
                String key = object.key().substring(keyPrefix.length());
                // Objects written by other tools may not be valid keys; they are not ours to show.
                if (BlobKey.isValid(key)) {
                    keys.add(new BlobKey(key));
                }
            }
        } catch (SdkException e) {
            throw errors.translate("list", null, e);
        }
        keys.sort(null);
        return keys;
    }

    @Override
    public void delete(BlobKey key) {
        String objectKey = objectKey(key);
        try {
            client.deleteObject(request -> request.bucket(configuration.bucket()).key(objectKey));
        } catch (NoSuchKeyException e) {
            // some S3-compatible servers answer 404 where S3 answers 204: deleted either way
        } catch (SdkException e) {
            throw errors.translate("delete", key, e);
        }
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "S3BlobStore[" + configuration + "]";
    }

    private String objectKey(BlobKey key) {
        Objects.requireNonNull(key, "key");
        String objectKey = configuration.keyPrefix() + key.value();
        if (objectKey.length() > BlobKey.MAX_LENGTH) {
            throw new ValidationException("Invalid blob key '" + key + "': with the key prefix '"
                    + configuration.keyPrefix() + "' it is longer than " + BlobKey.MAX_LENGTH + " characters.");
        }
        return objectKey;
    }
}
