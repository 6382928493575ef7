package io.strata.bench.encoding;

import io.strata.load.data.SeriesDataset;
import io.strata.tier.encoding.BitReader;
import io.strata.tier.encoding.BitWriter;
import io.strata.tier.encoding.ColumnCodec;
import io.strata.tier.encoding.DoubleColumnCodec;
import io.strata.tier.encoding.TimestampColumnCodec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes a dataset the way the magnetic store lays out a series block: per series, blocks of
 * up to {@code blockPoints} points, each block a time column followed by one column per field.
 * Reuses its buffers: one instance per thread.
 */
final class SeriesBlockCodec {
    private final int blockPoints;
    private final TimestampColumnCodec timestampCodec = new TimestampColumnCodec();
    private final DoubleColumnCodec doubleCodec = new DoubleColumnCodec();
    private final BitWriter writer = new BitWriter(1 << 16);
    private final long[] timeScratch;
    private final double[] valueScratch;

    SeriesBlockCodec(int blockPoints) {
        if (blockPoints < 1) {
            throw new IllegalArgumentException("blockPoints must be >= 1");
        }
        this.blockPoints = blockPoints;
        this.timeScratch = new long[blockPoints];
        this.valueScratch = new double[blockPoints];
    }

    /** The encoded blocks plus what they cost. */
    record EncodedDataset(List<byte[]> blocks, long timeBytes, long valueBytes, Map<ColumnCodec, Integer> chosen) {
    }

    /** Encodes everything, keeping the blocks (for decoding) and the codec each column chose. */
    EncodedDataset encodeKeepingBlocks(SeriesDataset dataset) {
        List<byte[]> blocks = new ArrayList<>();
        Map<ColumnCodec, Integer> chosen = new EnumMap<>(ColumnCodec.class);
        long timeBytes = 0;
        long valueBytes = 0;
        for (int series = 0; series < dataset.seriesCount(); series++) {
            long[] times = dataset.timestamps()[series];
            for (int start = 0; start < times.length; start += blockPoints) {
                int count = Math.min(blockPoints, times.length - start);
                writer.reset();
                System.arraycopy(times, start, timeScratch, 0, count);
                timestampCodec.encode(timeScratch, count, writer);
                int afterTime = writer.byteLength();
                timeBytes += afterTime;
                for (double[] field : dataset.values()[series]) {
                    System.arraycopy(field, start, valueScratch, 0, count);
                    chosen.merge(doubleCodec.encode(valueScratch, count, writer), 1, Integer::sum);
                }
                byte[] block = writer.toByteArray();
                valueBytes += block.length - afterTime;
                blocks.add(block);
            }
        }
        return new EncodedDataset(blocks, timeBytes, valueBytes, chosen);
    }

    /** Encodes everything without keeping anything; returns the total size, so the work is used. */
    long encode(SeriesDataset dataset) {
        long bytes = 0;
        for (int series = 0; series < dataset.seriesCount(); series++) {
            long[] times = dataset.timestamps()[series];
            for (int start = 0; start < times.length; start += blockPoints) {
                int count = Math.min(blockPoints, times.length - start);
                writer.reset();
                System.arraycopy(times, start, timeScratch, 0, count);
                timestampCodec.encode(timeScratch, count, writer);
                for (double[] field : dataset.values()[series]) {
                    System.arraycopy(field, start, valueScratch, 0, count);
                    doubleCodec.encode(valueScratch, count, writer);
                }
                bytes += writer.byteLength();
            }
        }
        return bytes;
    }

    /** Decodes every block into reused arrays; returns a checksum of the bits, so the work is used. */
    long decode(List<byte[]> blocks, int fields) {
        long checksum = 0;
        for (byte[] block : blocks) {
            BitReader reader = new BitReader(block);
            int count = timestampCodec.decode(reader, timeScratch);
            checksum += timeScratch[count - 1];
            for (int field = 0; field < fields; field++) {
                count = doubleCodec.decode(reader, valueScratch);
                checksum += Double.doubleToRawLongBits(valueScratch[count - 1]);
            }
        }
        return checksum;
    }

    /** Decodes every block and checks it equals the dataset bit for bit; throws on the first mismatch. */
    void verify(SeriesDataset dataset, List<byte[]> blocks) {
        int index = 0;
        for (int series = 0; series < dataset.seriesCount(); series++) {
            long[] times = dataset.timestamps()[series];
            for (int start = 0; start < times.length; start += blockPoints) {
                BitReader reader = new BitReader(blocks.get(index++));
                int count = timestampCodec.decode(reader, timeScratch);
                for (int i = 0; i < count; i++) {
                    if (timeScratch[i] != times[start + i]) {
                        throw new IllegalStateException("time mismatch in series " + series + " at " + (start + i));
                    }
                }
                for (double[] field : dataset.values()[series]) {
                    doubleCodec.decode(reader, valueScratch);
                    for (int i = 0; i < count; i++) {
                        if (Double.doubleToRawLongBits(valueScratch[i]) != Double.doubleToRawLongBits(field[start + i])) {
                            throw new IllegalStateException("value mismatch in series " + series + " at " + (start + i));
                        }
                    }
                }
            }
        }
    }
}
