package io.strata.tier.segment;

import io.strata.core.batch.ColumnType;
import io.strata.core.model.Dimension;
import io.strata.core.model.MeasureName;
import io.strata.core.model.MeasureValueType;
import io.strata.core.model.SeriesKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The footer index: every series of the segment (in series order) with its blocks. Names and
 * dimension values go once into a string dictionary (first-seen order, so the same series give
 * the same bytes) and are referenced by number.
 */
record SegmentFooter(List<SeriesEntry> series) {
    SegmentFooter {
        series = List.copyOf(series);
    }

    byte[] encode() {
        Map<String, Integer> ids = new HashMap<>();
        List<String> dictionary = new ArrayList<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(body)) {
            out.writeInt(series.size());
            for (SeriesEntry entry : series) {
                out.writeInt(intern(entry.series().measureName().value(), ids, dictionary));
                out.writeByte(SegmentFormat.measureTypeId(entry.measureType()));
                out.writeShort(entry.series().dimensions().size());
                for (Dimension dimension : entry.series().dimensions()) {
                    out.writeInt(intern(dimension.name(), ids, dictionary));
                    out.writeInt(intern(dimension.value(), ids, dictionary));
                }
                out.writeShort(entry.columns().size());
                for (ColumnDescriptor column : entry.columns()) {
                    out.writeInt(intern(column.name(), ids, dictionary));
                    out.writeByte(SegmentFormat.columnTypeId(column.type()));
                }
                out.writeInt(entry.blocks().size());
                for (BlockEntry block : entry.blocks()) {
                    writeBlock(out, block);
                }
            }
            ByteArrayOutputStream whole = new ByteArrayOutputStream(body.size() + 64 * dictionary.size());
            DataOutputStream header = new DataOutputStream(whole);
            header.writeInt(dictionary.size());
            for (String value : dictionary) {
                byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
                header.writeInt(utf8.length);
                header.write(utf8);
            }
            header.flush();
            body.writeTo(whole);
            return whole.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeBlock(DataOutputStream out, BlockEntry block) throws IOException {
        BlockStatistics statistics = block.statistics();
        out.writeLong(block.offset());
        out.writeInt(block.length());
        out.writeLong(statistics.minTime());
        out.writeLong(statistics.maxTime());
        out.writeInt(statistics.rowCount());
        for (ColumnStatistics column : statistics.columns()) {
            out.writeLong(column.nonNullCount());
            switch (column.type()) {
                case BIGINT, TIMESTAMP -> {
                    out.writeLong(column.longMin());
                    out.writeLong(column.longMax());
                    out.writeLong(column.longSum());
                    out.writeBoolean(column.longSumOverflowed());
                }
                case DOUBLE -> {
                    out.writeDouble(column.doubleMin());
                    out.writeDouble(column.doubleMax());
                    out.writeDouble(column.doubleSum());
                }
                case VARCHAR, BOOLEAN -> {
                }
            }
        }
    }

    private static int intern(String value, Map<String, Integer> ids, List<String> dictionary) {
        Integer id = ids.get(value);
        if (id == null) {
            id = dictionary.size();
            ids.put(value, id);
            dictionary.add(value);
        }
        return id;
    }

    /**
     * Reads a footer whose checksum already matched.
     *
     * @throws IOException or a runtime exception if the bytes do not describe a footer
     */
    static SegmentFooter decode(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        int dictionarySize = nonNegative(in.readInt(), "dictionary size");
        String[] dictionary = new String[dictionarySize];
        for (int i = 0; i < dictionarySize; i++) {
            byte[] utf8 = new byte[nonNegative(in.readInt(), "string length")];
            in.readFully(utf8);
            dictionary[i] = new String(utf8, StandardCharsets.UTF_8);
        }
        int seriesCount = nonNegative(in.readInt(), "series count");
        List<SeriesEntry> series = new ArrayList<>(seriesCount);
        for (int s = 0; s < seriesCount; s++) {
            MeasureName measureName = new MeasureName(dictionary[in.readInt()]);
            MeasureValueType measureType = SegmentFormat.measureType(in.readUnsignedByte());
            if (measureType == null) {
                throw new IOException("unknown measure type");
            }
            int dimensionCount = in.readUnsignedShort();
            List<Dimension> dimensions = new ArrayList<>(dimensionCount);
            for (int d = 0; d < dimensionCount; d++) {
                dimensions.add(new Dimension(dictionary[in.readInt()], dictionary[in.readInt()]));
            }
            int columnCount = in.readUnsignedShort();
            List<ColumnDescriptor> columns = new ArrayList<>(columnCount);
            for (int c = 0; c < columnCount; c++) {
                String name = dictionary[in.readInt()];
                ColumnType type = SegmentFormat.columnType(in.readUnsignedByte());
                if (type == null) {
                    throw new IOException("unknown column type");
                }
                columns.add(new ColumnDescriptor(name, type));
            }
            int blockCount = nonNegative(in.readInt(), "block count");
            List<BlockEntry> blocks = new ArrayList<>(blockCount);
            for (int b = 0; b < blockCount; b++) {
                blocks.add(readBlock(in, columns));
            }
            series.add(new SeriesEntry(new SeriesKey(dimensions, measureName), measureType, columns, blocks));
        }
        if (in.available() != 0) {
            throw new IOException(in.available() + " unread bytes after the last series");
        }
        return new SegmentFooter(series);
    }

    private static BlockEntry readBlock(DataInputStream in, List<ColumnDescriptor> columns) throws IOException {
        long offset = in.readLong();
        int length = in.readInt();
        long minTime = in.readLong();
        long maxTime = in.readLong();
        int rowCount = in.readInt();
        List<ColumnStatistics> statistics = new ArrayList<>(columns.size());
        for (ColumnDescriptor column : columns) {
            long count = in.readLong();
            ColumnStatistics empty = ColumnStatistics.empty(column.type());
            statistics.add(switch (column.type()) {
            case ARRAY, TIMESERIES, ROW -> throw new IllegalStateException("storage holds no composite columns");
                case BIGINT, TIMESTAMP -> new ColumnStatistics(column.type(), count, in.readLong(), in.readLong(),
                        in.readLong(), in.readBoolean(), empty.doubleMin(), empty.doubleMax(), 0.0);
                case DOUBLE -> new ColumnStatistics(column.type(), count, empty.longMin(), empty.longMax(), 0, false,
                        in.readDouble(), in.readDouble(), in.readDouble());
                case VARCHAR, BOOLEAN -> new ColumnStatistics(column.type(), count, empty.longMin(), empty.longMax(),
                        0, false, empty.doubleMin(), empty.doubleMax(), 0.0);
            });
        }
        return new BlockEntry(offset, length, new BlockStatistics(minTime, maxTime, rowCount, statistics));
    }

    private static int nonNegative(int value, String what) throws IOException {
        if (value < 0) {
            throw new IOException("negative " + what);
        }
        return value;
    }
}
