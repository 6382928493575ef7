package io.strata.tier.segment;

import io.strata.tier.encoding.BitWriter;
import io.strata.tier.encoding.BitmapColumnCodec;
import io.strata.tier.encoding.DoubleColumnCodec;
import io.strata.tier.encoding.LongColumnCodec;
import io.strata.tier.encoding.StringColumnCodec;
import io.strata.tier.encoding.TimestampColumnCodec;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Encodes rows {@code [from, to)} of a series into one block:
 *
 * <pre>
 * section lengths   4 bytes each: time, version, then one per value column
 * time section      delta-of-delta timestamps
 * version section   delta + bit-packed versions
 * value sections    null bitmap, then only the present values, with the column type's codec
 * checksum          CRC32C of everything above (4 bytes)
 * </pre>
 *
 * Section lengths let a reader skip columns it does not project without decoding them. Keeps its
 * codecs and scratch arrays between blocks and allocates per block, never per row: not
 * thread-safe, one encoder per writer.
 */
final class BlockEncoder {
    private final TimestampColumnCodec timestampCodec = new TimestampColumnCodec();
    private final LongColumnCodec longCodec = new LongColumnCodec();
    private final DoubleColumnCodec doubleCodec = new DoubleColumnCodec();
    private final StringColumnCodec stringCodec = new StringColumnCodec();
    private final BitmapColumnCodec bitmapCodec = new BitmapColumnCodec();
    private final BitWriter section = new BitWriter();
    private final ColumnStatistics.Accumulator accumulator = new ColumnStatistics.Accumulator();
    private final CRC32C checksum = new CRC32C();
    private long[] longs;
    private double[] doubles;
    private boolean[] booleans;
    private boolean[] nulls;
    private String[] strings;

    BlockEncoder(int blockRows) {
        longs = new long[blockRows];
        doubles = new double[blockRows];
        booleans = new boolean[blockRows];
        nulls = new boolean[blockRows];
        strings = new String[blockRows];
    }

    /** The encoded block (checksum included) and its statistics. */
    record EncodedBlock(byte[] bytes, BlockStatistics statistics) {
    }

    EncodedBlock encode(SeriesRows rows, int from, int to) {
        int count = to - from;
        ensureCapacity(count);
        List<byte[]> sections = new ArrayList<>(2 + rows.columns().size());

        section.reset();
        System.arraycopy(rows.times(), from, longs, 0, count);
        timestampCodec.encode(longs, count, section);
        sections.add(section.toByteArray());

        section.reset();
        System.arraycopy(rows.versions(), from, longs, 0, count);
        longCodec.encode(longs, count, section);
        sections.add(section.toByteArray());

        List<ColumnStatistics> statistics = new ArrayList<>(rows.columns().size());
        for (ValueColumn column : rows.columns()) {
            section.reset();
            statistics.add(encodeColumn(column, from, count));
            sections.add(section.toByteArray());
        }

        int length = 4 * sections.size() + SegmentFormat.CHECKSUM_BYTES;
        for (byte[] bytes : sections) {
            length += bytes.length;
        }
        ByteBuffer block = ByteBuffer.allocate(length);
        for (byte[] bytes : sections) {
            block.putInt(bytes.length);
        }
        for (byte[] bytes : sections) {
            block.put(bytes);
        }
        checksum.reset();
        checksum.update(block.array(), 0, block.position());
        block.putInt((int) checksum.getValue());
        BlockStatistics blockStatistics =
                new BlockStatistics(rows.times()[from], rows.times()[to - 1], count, statistics);
        return new EncodedBlock(block.array(), blockStatistics);
    }

    /** Writes the null bitmap and the present values of one column into {@link #section}. */
    private ColumnStatistics encodeColumn(ValueColumn column, int from, int count) {
        ColumnStatistics.Accumulator statistics = accumulator.reset(column.type());
        for (int i = 0; i < count; i++) {
            nulls[i] = column.isNull(from + i);
        }
        bitmapCodec.encode(nulls, count, section);
        int present = 0;
        switch (column.type()) {
            case BIGINT, TIMESTAMP -> {
                long[] values = column.longs();
                for (int i = 0; i < count; i++) {
                    if (!nulls[i]) {
                        long value = values[from + i];
                        longs[present++] = value;
                        statistics.addLong(value);
                    }
                }
                longCodec.encode(longs, present, section);
            }
            case DOUBLE -> {
                double[] values = column.doubles();
                for (int i = 0; i < count; i++) {
                    if (!nulls[i]) {
                        double value = values[from + i];
                        doubles[present++] = value;
                        statistics.addDouble(value);
                    }
                }
                doubleCodec.encode(doubles, present, section);
            }
            case BOOLEAN -> {
                boolean[] values = column.booleans();
                for (int i = 0; i < count; i++) {
                    if (!nulls[i]) {
                        booleans[present++] = values[from + i];
                        statistics.addOther();
                    }
                }
                bitmapCodec.encode(booleans, present, section);
            }
            case VARCHAR -> {
                String[] values = column.strings();
                for (int i = 0; i < count; i++) {
                    if (!nulls[i]) {
                        strings[present++] = values[from + i];
                        statistics.addOther();
                    }
                }
                stringCodec.encode(strings, present, section);
                java.util.Arrays.fill(strings, 0, present, null);
            }
        }
        return statistics.build();
    }

    private void ensureCapacity(int count) {
        if (longs.length < count) {
            longs = new long[count];
            doubles = new double[count];
            booleans = new boolean[count];
            nulls = new boolean[count];
            strings = new String[count];
        }
    }
}
