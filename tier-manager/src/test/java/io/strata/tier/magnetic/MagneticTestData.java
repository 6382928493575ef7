package io.strata.tier.magnetic;

import io.strata.core.batch.BooleanVector;
import io.strata.core.batch.ColumnBatch;
import io.strata.core.batch.ColumnVector;
import io.strata.core.batch.DoubleVector;
import io.strata.core.batch.LongVector;
import io.strata.core.batch.VarcharVector;
import io.strata.core.model.BigintValue;
import io.strata.core.model.BooleanValue;
import io.strata.core.model.DoubleValue;
import io.strata.core.model.MeasureAttribute;
import io.strata.core.model.MeasureValue;
import io.strata.core.model.MeasureValueType;
import io.strata.core.model.MultiMeasure;
import io.strata.core.model.Record;
import io.strata.core.model.SeriesKey;
import io.strata.core.model.TimestampValue;
import io.strata.core.model.VarcharValue;
import io.strata.core.batch.ColumnType;
import io.strata.tier.segment.EncodedSegment;
import io.strata.tier.segment.SegmentTestData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Records for magnetic-store tests and the way back from scans to records. */
final class MagneticTestData {
    static final PartitionId PARTITION = new PartitionId("table-1", 42, 3);

    private MagneticTestData() {
    }

    static EncodedSegment segment(List<Record> records) {
        return SegmentTestData.write(records, 64);
    }

    /** Records of a few series of mixed types over {@code points} times starting at point {@code first}. */
    static List<Record> records(int first, int points, long version, long seed) {
        Random random = new Random(seed);
        List<Record> records = new ArrayList<>();
        String[] hosts = {"host-a", "host-b", "host-c"};
        MeasureValueType[] types = {MeasureValueType.DOUBLE, MeasureValueType.MULTI, MeasureValueType.BIGINT};
        for (int h = 0; h < hosts.length; h++) {
            SeriesKey series = SegmentTestData.series(hosts[h], "m-" + types[h].name().toLowerCase());
            for (int i = first; i < first + points; i++) {
                long time = SegmentTestData.START + i * SegmentTestData.STEP;
                records.add(new Record(series, time, version, types[h] == MeasureValueType.MULTI
                        ? SegmentTestData.multi(i, random) : SegmentTestData.value(types[h], i, random)));
            }
        }
        return records;
    }

    /** Keeps, per (series, time), the record with the highest version; later ones win ties. */
    static List<Record> newestVersions(List<Record> records) {
        Map<String, Record> newest = new LinkedHashMap<>();
        for (Record record : records) {
            newest.merge(record.series() + "@" + record.time(), record,
                    (old, candidate) -> candidate.version() >= old.version() ? candidate : old);
        }
        List<Record> result = new ArrayList<>(newest.values());
        result.sort(Comparator.comparing(Record::series).thenComparingLong(Record::time));
        return result;
    }

    /** Every row of the scan as a record; closes the scan. */
    static List<Record> drain(MagneticScan scan) {
        List<Record> records = new ArrayList<>();
        try (scan) {
            while (scan.hasNext()) {
                SeriesBatch batch = scan.next();
                ColumnBatch columns = batch.columns();
                LongVector time = (LongVector) columns.column("time");
                for (int row = 0; row < batch.rowCount(); row++) {
                    records.add(toRecord(batch, columns, time.get(row), batch.versions().get(row), row));
                }
            }
        }
        return records;
    }

    private static Record toRecord(SeriesBatch batch, ColumnBatch columns, long time, long version, int row) {
        List<MeasureAttribute> attributes = new ArrayList<>();
        MeasureValue single = null;
        for (int c = 1; c < columns.columnCount(); c++) {
            ColumnVector vector = columns.column(c);
            if (vector.isNull(row)) {
                continue;
            }
            MeasureValue value = switch (vector) {
                case io.strata.core.batch.ObjectVector ignored -> throw new IllegalStateException("storage holds no composite columns");
                case LongVector longs -> longs.type() == ColumnType.TIMESTAMP
                        ? new TimestampValue(longs.get(row)) : new BigintValue(longs.get(row));
                case DoubleVector doubles -> new DoubleValue(doubles.get(row));
                case BooleanVector booleans -> new BooleanValue(booleans.get(row));
                case VarcharVector strings -> new VarcharValue(strings.get(row));
            };
            if (batch.measureType() == MeasureValueType.MULTI) {
                attributes.add(MeasureAttribute.of(columns.names().get(c), value));
            }
            single = value;
        }
        return new Record(batch.series(), time, version,
                batch.measureType() == MeasureValueType.MULTI ? new MultiMeasure(attributes) : single);
    }
}
