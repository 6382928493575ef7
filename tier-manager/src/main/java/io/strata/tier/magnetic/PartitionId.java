package io.strata.tier.magnetic;

import io.strata.core.error.ValidationException;
import io.strata.tier.blob.BlobKey;
import java.util.Objects;

/**
 * One partition of a table in the magnetic tier: the table's id, the partition's time slot and its
 * composite-key hash bucket. Its segments and manifest live under {@link #keyPrefix()}.
 */
public record PartitionId(String tableId, long timeSlot, int keyBucket) {
    /** Where every partition's objects live. */
    public static final String ROOT_PREFIX = "magnetic/";
    /** Table id, then time slot, then key bucket. */
    public static final java.util.Comparator<PartitionId> ORDER = java.util.Comparator.comparing(PartitionId::tableId)
            .thenComparingLong(PartitionId::timeSlot).thenComparingInt(PartitionId::keyBucket);
    private static final java.util.regex.Pattern MANIFEST_KEY =
            java.util.regex.Pattern.compile("magnetic/([^/]+)/(\\d+)-(\\d+)/manifest");

    public PartitionId {
        Objects.requireNonNull(tableId, "tableId");
        if (timeSlot < 0 || keyBucket < 0) {
            throw new ValidationException("Invalid partition: time slot and key bucket must be >= 0.");
        }
        if (tableId.isEmpty() || tableId.contains("/") || !BlobKey.isValid(tableId)) {
            throw new ValidationException("Invalid partition: table id '" + tableId
                    + "' must be letters, digits, '.', '_', '=', '-' and not start with '.'.");
        }
    }

    /** {@code magnetic/<table id>/<time slot>-<key bucket>/}: every object of this partition. */
    public String keyPrefix() {
        return ROOT_PREFIX + tableId + "/" + timeSlot + "-" + keyBucket + "/";
    }

    /** The partition whose manifest is stored under {@code key}; empty for any other key. */
    static java.util.Optional<PartitionId> ofManifestKey(String key) {
        java.util.regex.Matcher matcher = MANIFEST_KEY.matcher(key);
        if (!matcher.matches()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new PartitionId(matcher.group(1), Long.parseLong(matcher.group(2)),
                Integer.parseInt(matcher.group(3))));
    }

    BlobKey manifestKey() {
        return BlobKey.of(keyPrefix() + "manifest");
    }

    String segmentPrefix() {
        return keyPrefix() + "segments/";
    }

    /** A segment's key from the Raft index of the command that wrote it: the same on every replica. */
    BlobKey segmentKey(long raftIndex, String kind, int number) {
        return BlobKey.of(segmentPrefix() + String.format("%019d-%s%d.seg", raftIndex, kind, number));
    }
}
