package io.strata.metadata;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A catalog entry as stored: opaque bytes (the typed catalog owns the format) and the ZooKeeper
 * data version they were read at, which is what a compare-and-set update must quote.
 *
 * @param version ZooKeeper data version, 0 on create, +1 per update
 */
public record VersionedEntry(byte[] value, int version) {
    public VersionedEntry {
        value = Objects.requireNonNull(value, "value").clone();
        if (version < 0) {
            throw new IllegalArgumentException("version must be >= 0");
        }
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VersionedEntry entry && entry.version == version && Arrays.equals(entry.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(value) + version;
    }

    @Override
    public String toString() {
        String shown = value.length <= 32 ? HexFormat.of().formatHex(value) : value.length + " bytes";
        return "VersionedEntry[version=" + version + ", value=" + shown + "]";
    }
}
