package io.strata.tier.segment;

import io.strata.tier.encoding.BitReader;
import io.strata.tier.encoding.BitmapColumnCodec;
import io.strata.tier.encoding.DoubleColumnCodec;
import io.strata.tier.encoding.LongColumnCodec;
import io.strata.tier.encoding.StringColumnCodec;
import io.strata.tier.encoding.TimestampColumnCodec;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Verifies a block's checksum and decodes it (the layout of {@link BlockEncoder}) into a
 * {@link DecodedBlock}, skipping the sections of unprojected columns. Bad bytes of any kind become
 * a {@link CorruptSegmentException} naming the segment key and the block's offset. Keeps codec
 * state between blocks: not thread-safe, one decoder per scanning thread.
 */
final class BlockDecoder {
    private final TimestampColumnCodec timestampCodec = new TimestampColumnCodec();
    private final LongColumnCodec longCodec = new LongColumnCodec();
    private final DoubleColumnCodec doubleCodec = new DoubleColumnCodec();
    private final StringColumnCodec stringCodec = new StringColumnCodec();
    private final BitmapColumnCodec bitmapCodec = new BitmapColumnCodec();
    private final CRC32C checksum = new CRC32C();

    /**
     * @param bytes exactly the block's bytes, checksum included
     */
    void decode(String key, BlockEntry block, byte[] bytes, List<ColumnDescriptor> columns, Projection projection,
            DecodedBlock target) {
        verifyChecksum(key, block, bytes);
        try {
            decodeVerified(block, bytes, columns, projection, target);
        } catch (CorruptSegmentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CorruptSegmentException(key, block.offset(), "the block does not decode: " + e.getMessage(), e);
        }
    }

    private void verifyChecksum(String key, BlockEntry block, byte[] bytes) {
        int bodyLength = bytes.length - SegmentFormat.CHECKSUM_BYTES;
        checksum.reset();
        checksum.update(bytes, 0, bodyLength);
        int stored = ByteBuffer.wrap(bytes, bodyLength, SegmentFormat.CHECKSUM_BYTES).getInt();
        if (stored != (int) checksum.getValue()) {
            throw new CorruptSegmentException(key, block.offset(), "block checksum mismatch (stored "
                    + Integer.toHexString(stored) + ", computed " + Long.toHexString(checksum.getValue()) + ")");
        }
    }

    private void decodeVerified(BlockEntry block, byte[] bytes, List<ColumnDescriptor> columns, Projection projection,
            DecodedBlock target) {
        int rows = block.statistics().rowCount();
        target.prepare(columns, rows);
        ByteBuffer lengths = ByteBuffer.wrap(bytes);
        int sectionCount = 2 + columns.size();
        int position = 4 * sectionCount;

        int timeLength = lengths.getInt();
        expectCount(timestampCodec.decode(new BitReader(bytes, position, timeLength), target.timeArray()), rows, "time");
        position += timeLength;

        int versionLength = lengths.getInt();
        expectCount(longCodec.decode(new BitReader(bytes, position, versionLength), target.versionArray()), rows,
                "version");
        position += versionLength;

        for (int c = 0; c < columns.size(); c++) {
            int length = lengths.getInt();
            ColumnDescriptor column = columns.get(c);
            if (projection.includes(column.name())) {
                decodeColumn(new BitReader(bytes, position, length), c, column, rows, target);
                target.markDecoded(c);
            }
            position += length;
        }
        if (position != bytes.length - SegmentFormat.CHECKSUM_BYTES) {
            throw new IllegalStateException("sections end at " + position + " in a block of " + bytes.length);
        }
    }

    private void decodeColumn(BitReader in, int c, ColumnDescriptor column, int rows, DecodedBlock target) {
        boolean[] nulls = target.nullArray(c);
        expectCount(bitmapCodec.decode(in, nulls), rows, column.name() + " nulls");
        int present = 0;
        for (int row = 0; row < rows; row++) {
            present += nulls[row] ? 0 : 1;
        }
        // Present values decode to the front of the array, then spread to their rows from the
        // back, so no scratch array is needed.
        switch (column.type()) {
            case BIGINT, TIMESTAMP -> {
                long[] values = target.longArray(c);
                expectCount(longCodec.decode(in, values), present, column.name());
                for (int row = rows - 1, next = present - 1; row >= 0 && next != row; row--) {
                    if (!nulls[row]) {
                        values[row] = values[next--];
                    }
                }
            }
            case DOUBLE -> {
                double[] values = target.doubleArray(c);
                expectCount(doubleCodec.decode(in, values), present, column.name());
                for (int row = rows - 1, next = present - 1; row >= 0 && next != row; row--) {
                    if (!nulls[row]) {
                        values[row] = values[next--];
                    }
                }
            }
            case BOOLEAN -> {
                boolean[] values = target.booleanArray(c);
                expectCount(bitmapCodec.decode(in, values), present, column.name());
                for (int row = rows - 1, next = present - 1; row >= 0 && next != row; row--) {
                    if (!nulls[row]) {
                        values[row] = values[next--];
                    }
                }
            }
            case VARCHAR -> {
                String[] values = target.stringArray(c);
                expectCount(stringCodec.decode(in, values), present, column.name());
                for (int row = rows - 1, next = present - 1; row >= 0; row--) {
                    if (nulls[row]) {
                        values[row] = null;
                    } else {
                        values[row] = values[next--];
                    }
                }
            }
        }
    }

    private static void expectCount(int decoded, int expected, String what) {
        if (decoded != expected) {
            throw new IllegalStateException(what + " column holds " + decoded + " values where " + expected
                    + " were expected");
        }
    }
}
