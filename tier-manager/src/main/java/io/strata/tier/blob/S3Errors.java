package io.strata.tier.blob;

import io.strata.core.error.AccessDeniedException;
import io.strata.core.error.InternalServerException;
import io.strata.core.error.ResourceNotFoundException;
import io.strata.core.error.ServiceUnavailableException;
import io.strata.core.error.StrataException;
import io.strata.core.error.ValidationException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Turns the SDK's failures into Strata's error vocabulary, naming the bucket and key, so that an
 * operator reads "bucket does not exist" or "access denied" instead of a bare status code.
 */
final class S3Errors {
    private final String bucket;
    private final String endpoint;

    S3Errors(String bucket, String endpoint) {
        this.bucket = bucket;
        this.endpoint = endpoint;
    }

    /** A failure of an operation on one object ({@code key} may be {@code null} for bucket-wide ones). */
    StrataException translate(String action, BlobKey key, SdkException failure) {
        String what = key == null ? "bucket '" + bucket + "'" : "blob '" + key + "' in bucket '" + bucket + "'";
        if (failure instanceof NoSuchBucketException) {
            return missingBucket(failure);
        }
        if (failure instanceof NoSuchKeyException && key != null) {
            return BlobStoreErrors.notFound(key);
        }
        if (failure instanceof S3Exception s3) {
            int status = s3.statusCode();
            String detail = describe(s3);
            if (status == 403) {
                return new AccessDeniedException("Access denied to " + what + " at " + endpoint
                        + "; check the access key id and secret: " + detail, failure);
            }
            if (status == 404 && key != null) {
                return BlobStoreErrors.notFound(key);
            }
            if (status == 404) {
                return missingBucket(failure);
            }
            if (status == 416) {
                return new ValidationException("Invalid range of " + what + ": " + detail, failure);
            }
            if (status == 429 || status == 500 || status == 502 || status == 503 || status == 504) {
                return new ServiceUnavailableException("S3 at " + endpoint + " cannot " + action + " " + what
                        + " now: " + detail, failure);
            }
            return new InternalServerException("S3 at " + endpoint + " failed to " + action + " " + what + ": "
                    + detail, failure);
        }
        if (failure instanceof SdkClientException) {
            return new ServiceUnavailableException("Cannot reach S3 at " + endpoint + " to " + action + " " + what
                    + ": " + failure.getMessage(), failure);
        }
        return new InternalServerException("S3 at " + endpoint + " failed to " + action + " " + what + ": "
                + failure.getMessage(), failure);
    }

    private static String describe(S3Exception failure) {
        var details = failure.awsErrorDetails();
        String code = details == null ? null : details.errorCode();
        String message = details == null ? null : details.errorMessage();
        return (code == null ? "" : code + " ") + "(HTTP " + failure.statusCode() + ")" + (message == null ? "" : ": " + message);
    }

    private ResourceNotFoundException missingBucket(SdkException failure) {
        return new ResourceNotFoundException("S3 bucket '" + bucket + "' does not exist at " + endpoint
                + "; create it before starting Strata.", failure);
    }
}
