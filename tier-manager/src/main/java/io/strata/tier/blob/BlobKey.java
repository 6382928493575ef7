package io.strata.tier.blob;

import io.strata.core.error.ValidationException;
import java.util.Objects;

/**
 * The name of one object in a {@link BlobStore}: a relative path of {@code /}-separated segments.
 *
 * <p>The alphabet is deliberately narrow — ASCII letters, digits and {@code . _ = -} — so that a key
 * maps to the same file name on every filesystem and to an S3 key that needs no escaping, and so that
 * {@link String#compareTo} orders keys exactly as S3's UTF-8 byte order does. A segment may not
 * start with {@code .}: that rules out {@code .} and {@code ..} (no escaping the store's root) and
 * keeps hidden and temporary files of the local store out of the key space.
 */
public record BlobKey(String value) implements Comparable<BlobKey> {
    /** S3's limit on a key, in bytes; our alphabet is one byte per character. */
    public static final int MAX_LENGTH = 1024;

    public BlobKey {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new ValidationException("Invalid blob key: the key is empty.");
        }
        if (value.length() > MAX_LENGTH) {
            throw new ValidationException("Invalid blob key '" + abbreviate(value) + "': longer than "
                    + MAX_LENGTH + " characters.");
        }
        if (value.endsWith("/")) {
            throw new ValidationException("Invalid blob key '" + value + "': it ends with '/'.");
        }
        requireValidSegments(value, "blob key");
    }

    public static BlobKey of(String value) {
        return new BlobKey(value);
    }

    /**
     * Checks a listing prefix: empty, or the beginning of a valid key (every complete segment valid;
     * the last one may be partial or empty, as in {@code "segments/"} or {@code "segments/t1-"}).
     *
     * @return the prefix itself
     */
    public static String requireValidPrefix(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        if (prefix.isEmpty()) {
            return prefix;
        }
        if (prefix.length() > MAX_LENGTH) {
            throw new ValidationException("Invalid blob key prefix '" + abbreviate(prefix) + "': longer than "
                    + MAX_LENGTH + " characters.");
        }
        String complete = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        if (complete.isEmpty()) {
            throw new ValidationException("Invalid blob key prefix '/': keys are relative paths.");
        }
        requireValidSegments(complete, "blob key prefix");
        return prefix;
    }

    /** Whether {@code candidate} is a valid key; for filtering what a backend lists. */
    public static boolean isValid(String candidate) {
        try {
            new BlobKey(candidate);
            return true;
        } catch (ValidationException e) {
            return false;
        }
    }

    @Override
    public int compareTo(BlobKey other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }

    private static void requireValidSegments(String path, String what) {
        int segmentStart = 0;
        for (int i = 0; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/') {
                if (i == segmentStart) {
                    throw new ValidationException("Invalid " + what + " '" + path + "': "
                            + (i == 0 ? "it starts with '/'; keys are relative paths." : "it has an empty segment."));
                }
                if (path.charAt(segmentStart) == '.') {
                    throw new ValidationException("Invalid " + what + " '" + path + "': the segment '"
                            + path.substring(segmentStart, i) + "' starts with '.'.");
                }
                segmentStart = i + 1;
            } else if (!isAllowed(path.charAt(i))) {
                throw new ValidationException("Invalid " + what + " '" + path + "': character '" + path.charAt(i)
                        + "' is not allowed; use letters, digits, '.', '_', '=', '-' and '/'.");
            }
        }
    }

    private static boolean isAllowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '=' || c == '-';
    }

    private static String abbreviate(String text) {
        return text.substring(0, 64) + "...";
    }
}
