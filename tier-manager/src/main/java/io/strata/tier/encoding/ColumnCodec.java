package io.strata.tier.encoding;

import io.strata.core.error.InternalServerException;

/**
 * The encodings a column block may use; {@link #id()} is the byte stored in the block header, so
 * ids are part of the on-disk format and never change or get reused.
 */
public enum ColumnCodec {
    /** Timestamps: delta-of-delta in variable-width buckets (Gorilla). */
    TIMESTAMP_DELTA_OF_DELTA(1),
    /** BIGINT and TIMESTAMP values: deltas, frame of reference per mini-block, bit-packed. */
    LONG_DELTA_BIT_PACKED(2),
    /** Doubles: XOR with the previous value, Chimp's leading/trailing-zero flags. */
    DOUBLE_CHIMP(3),
    /** Doubles: ALP decimal exponent, integers bit-packed per vector (values or deltas), exceptions patched. */
    DOUBLE_ALP(4),
    /** Doubles: every value has the same bits; the value is stored once. */
    DOUBLE_CONSTANT(5),
    /** Strings: dictionary of distinct values plus bit-packed ids. */
    STRING_DICTIONARY(6),
    /** Booleans and null positions: one bit per value, or nothing when all bits agree. */
    BITMAP(7);

    private static final ColumnCodec[] BY_ID = new ColumnCodec[256];

    static {
        for (ColumnCodec codec : values()) {
            BY_ID[codec.id] = codec;
        }
    }

    private final int id;

    ColumnCodec(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    /** The codec stored as {@code id}; an unknown id means a corrupt or newer block. */
    public static ColumnCodec fromId(int id) {
        ColumnCodec codec = id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
        if (codec == null) {
            throw new InternalServerException("Corrupt column block: unknown codec id " + id);
        }
        return codec;
    }
}
