package io.strata.tier.segment;

import io.strata.core.model.BigintValue;
import io.strata.core.model.BooleanValue;
import io.strata.core.model.Dimension;
import io.strata.core.model.DoubleValue;
import io.strata.core.model.MeasureAttribute;
import io.strata.core.model.MeasureName;
import io.strata.core.model.MeasureValue;
import io.strata.core.model.MeasureValueType;
import io.strata.core.model.MultiMeasure;
import io.strata.core.model.Record;
import io.strata.core.model.SeriesKey;
import io.strata.core.model.TimestampValue;
import io.strata.core.model.VarcharValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

/** Seeded records of every value type, and the way back from a segment to records. */
public final class SegmentTestData {
    public static final long START = 1_700_000_000_000_000_000L;
    public static final long STEP = 10_000_000_000L;

    private SegmentTestData() {
    }

    public static SeriesKey series(String host, String measure) {
        return SeriesKey.of(MeasureName.of(measure), Dimension.of("host", host), Dimension.of("region", "eu-west-1"));
    }

    /** A value of {@code type} for point {@code i}, varied by the random source. */
    public static MeasureValue value(MeasureValueType type, int i, Random random) {
        return switch (type) {
            case DOUBLE -> new DoubleValue(Math.round(random.nextGaussian() * 10_000) / 100.0);
            case BIGINT -> new BigintValue(random.nextInt(1_000_000) - 500_000);
            case VARCHAR -> new VarcharValue("status-" + random.nextInt(5) + (i % 50 == 0 ? "-é€" : ""));
            case BOOLEAN -> new BooleanValue(random.nextBoolean());
            case TIMESTAMP -> new TimestampValue(START + random.nextInt(1_000_000));
            case MULTI -> throw new IllegalArgumentException();
        };
    }

    /** {@code count} records of one series at a regular step with small jitter. */
    public static List<Record> records(SeriesKey series, MeasureValueType type, int count, long seed) {
        Random random = new Random(seed);
        List<Record> records = new ArrayList<>(count);
        long time = START;
        for (int i = 0; i < count; i++) {
            time += STEP + random.nextInt(3) * 1_000_000L;
            records.add(new Record(series, time, 1 + random.nextInt(3), type == MeasureValueType.MULTI
                    ? multi(i, random) : value(type, i, random)));
        }
        return records;
    }

    /** A MULTI measure where every attribute is sometimes missing (a null in its column). */
    public static MultiMeasure multi(int i, Random random) {
        List<MeasureAttribute> attributes = new ArrayList<>();
        if (random.nextInt(4) != 0) {
            attributes.add(MeasureAttribute.of("cpu", value(MeasureValueType.DOUBLE, i, random)));
        }
        if (random.nextInt(3) != 0) {
            attributes.add(MeasureAttribute.of("requests", value(MeasureValueType.BIGINT, i, random)));
        }
        if (random.nextInt(5) != 0) {
            attributes.add(MeasureAttribute.of("status", value(MeasureValueType.VARCHAR, i, random)));
        }
        if (random.nextInt(2) != 0) {
            attributes.add(MeasureAttribute.of("healthy", value(MeasureValueType.BOOLEAN, i, random)));
        }
        if (random.nextInt(6) != 0 || attributes.isEmpty()) {
            attributes.add(MeasureAttribute.of("last_boot", value(MeasureValueType.TIMESTAMP, i, random)));
        }
        return new MultiMeasure(attributes);
    }

    /** Groups records by series (in series order) and writes them into one segment. */
    public static EncodedSegment write(List<Record> records, int blockRows) {
        SortedMap<SeriesKey, List<Record>> bySeries = new TreeMap<>();
        for (Record record : records) {
            bySeries.computeIfAbsent(record.series(), key -> new ArrayList<>()).add(record);
        }
        SegmentWriter writer = new SegmentWriter(blockRows);
        for (Map.Entry<SeriesKey, List<Record>> entry : bySeries.entrySet()) {
            List<Record> rows = new ArrayList<>(entry.getValue());
            rows.sort((a, b) -> Long.compare(a.time(), b.time()));
            SeriesRowsBuilder builder = new SeriesRowsBuilder(entry.getKey(), rows.getFirst().measure().type());
            rows.forEach(builder::add);
            writer.addSeries(builder.build());
        }
        return writer.finish();
    }

    /** Every row of every series in {@code range}, back as records, in series then time order. */
    public static List<Record> readAll(SegmentReader reader, TimeRange range) {
        List<Record> records = new ArrayList<>();
        DecodedBlock block = new DecodedBlock();
        for (SeriesEntry entry : reader.series()) {
            for (BlockEntry blockEntry : reader.blocks(entry, range)) {
                reader.readBlock(entry, blockEntry, Projection.all(), block);
                for (int row = 0; row < block.rowCount(); row++) {
                    if (range.contains(block.time(row))) {
                        records.add(toRecord(entry.series(), entry.measureType(), block, row));
                    }
                }
            }
        }
        return records;
    }

    public static Record toRecord(SeriesKey series, MeasureValueType type, DecodedBlock block, int row) {
        Map<String, MeasureValue> values = new LinkedHashMap<>();
        for (int c = 0; c < block.columns().size(); c++) {
            if (!block.isDecoded(c) || block.isNull(c, row)) {
                continue;
            }
            String name = block.columns().get(c).name();
            values.put(name, switch (block.columns().get(c).type()) {
            case ARRAY, TIMESERIES, ROW -> throw new IllegalStateException("storage holds no composite columns");
                case DOUBLE -> new DoubleValue(block.doubleValue(c, row));
                case BIGINT -> new BigintValue(block.longValue(c, row));
                case TIMESTAMP -> new TimestampValue(block.longValue(c, row));
                case BOOLEAN -> new BooleanValue(block.booleanValue(c, row));
                case VARCHAR -> new VarcharValue(block.stringValue(c, row));
            });
        }
        if (type == MeasureValueType.MULTI) {
            List<MeasureAttribute> attributes = new ArrayList<>();
            values.forEach((name, value) -> attributes.add(MeasureAttribute.of(name, value)));
            return new Record(series, block.time(row), block.version(row), new MultiMeasure(attributes));
        }
        return new Record(series, block.time(row), block.version(row), values.values().iterator().next());
    }
}
