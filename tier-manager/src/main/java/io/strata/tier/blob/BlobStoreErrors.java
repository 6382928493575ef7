package io.strata.tier.blob;

import io.strata.core.error.ResourceNotFoundException;
import io.strata.core.error.ValidationException;
import java.util.Objects;

/** The errors both stores raise alike, so that the contract test sees the same names and messages. */
final class BlobStoreErrors {
    private BlobStoreErrors() {
    }

    static void requireValidRange(BlobKey key, long offset, int length) {
        Objects.requireNonNull(key, "key");
        if (offset < 0 || length < 0) {
            throw new ValidationException("Invalid range of blob '" + key + "': offset " + offset + " and length "
                    + length + " must be >= 0.");
        }
    }

    static void requireValidLength(BlobKey key, long length) {
        Objects.requireNonNull(key, "key");
        if (length < 0) {
            throw new ValidationException("Invalid length " + length + " for blob '" + key + "': must be >= 0.");
        }
    }

    static ValidationException rangeOutside(BlobKey key, long offset, int length, long size) {
        return new ValidationException("Invalid range of blob '" + key + "': bytes [" + offset + ", "
                + (offset + length) + ") are not inside the object of " + size + " bytes.");
    }

    static ValidationException lengthMismatch(BlobKey key, String mismatch, Throwable cause) {
        return new ValidationException("Cannot put blob '" + key + "': " + mismatch + ".", cause);
    }

    static ResourceNotFoundException notFound(BlobKey key) {
        return new ResourceNotFoundException("Blob '" + key + "' does not exist.");
    }
}
