package io.strata.tier.segment;

import io.strata.core.batch.ColumnType;
import io.strata.core.model.MeasureValueType;

/**
 * The on-disk layout of a segment, version {@value #VERSION}:
 *
 * <pre>
 * header   magic "STSG" (4 bytes) | format version (2 bytes) | reserved (2 bytes)
 * blocks   one after another; each: time column | version column | per value column
 *          (null bitmap, present values) | CRC32C of the preceding block bytes (4 bytes)
 * footer   string dictionary | series entries (dimensions, measure, columns, blocks with
 *          offset, length and statistics)
 * trailer  footer length (4) | CRC32C of the footer (4) | magic (4)
 * </pre>
 *
 * All integers are big-endian. Type ids below are part of the format: never change or reuse one.
 */
final class SegmentFormat {
    static final int MAGIC = 0x53545347; // "STSG"
    static final short VERSION = 1;
    static final int HEADER_BYTES = 8;
    static final int TRAILER_BYTES = 12;
    static final int CHECKSUM_BYTES = 4;

    private SegmentFormat() {
    }

    static int columnTypeId(ColumnType type) {
        return switch (type) {
            case ARRAY, TIMESERIES, ROW -> throw new IllegalStateException("storage holds no composite columns");
            case BIGINT -> 1;
            case DOUBLE -> 2;
            case VARCHAR -> 3;
            case BOOLEAN -> 4;
            case TIMESTAMP -> 5;
        };
    }

    /** The column type stored as {@code id}, or null for an unknown id (a corrupt footer). */
    static ColumnType columnType(int id) {
        return switch (id) {
            case 1 -> ColumnType.BIGINT;
            case 2 -> ColumnType.DOUBLE;
            case 3 -> ColumnType.VARCHAR;
            case 4 -> ColumnType.BOOLEAN;
            case 5 -> ColumnType.TIMESTAMP;
            default -> null;
        };
    }

    static int measureTypeId(MeasureValueType type) {
        return switch (type) {
            case DOUBLE -> 1;
            case BIGINT -> 2;
            case VARCHAR -> 3;
            case BOOLEAN -> 4;
            case TIMESTAMP -> 5;
            case MULTI -> 6;
        };
    }

    /** The measure type stored as {@code id}, or null for an unknown id (a corrupt footer). */
    static MeasureValueType measureType(int id) {
        return switch (id) {
            case 1 -> MeasureValueType.DOUBLE;
            case 2 -> MeasureValueType.BIGINT;
            case 3 -> MeasureValueType.VARCHAR;
            case 4 -> MeasureValueType.BOOLEAN;
            case 5 -> MeasureValueType.TIMESTAMP;
            case 6 -> MeasureValueType.MULTI;
            default -> null;
        };
    }
}
