package io.strata.tier.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.internal.v1.MultiMeasure;
import io.strata.internal.v1.NamedValue;
import io.strata.internal.v1.StoredDimension;
import io.strata.internal.v1.StoredRecord;
import io.strata.internal.v1.TypedValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The memory store against a model of Timestream's rules: after any sequence of writes (out of
 * order, retries, upserts, conflicts, sparse multi-measure attributes), it holds exactly the
 * model's points, answers each write as the model does and accounts for exactly what it holds.
 */
class MemoryStorePropertyTest {
    private static final TableReference TABLE = new TableReference("db", "t", "id-1");
    private static final List<String> ATTRIBUTES = List.of("a", "b", "c");

    /** One write: time, version and, per attribute, a value or absent (null). */
    record Write(int time, int version, List<Integer> values) {
    }

    @Provide
    Arbitrary<List<Write>> writes() {
        Arbitrary<Integer> value = Arbitraries.integers().between(0, 2).injectNull(0.4);
        Arbitrary<Write> write = Combinators.combine(Arbitraries.integers().between(0, 150),
                Arbitraries.integers().between(1, 3), value.list().ofSize(3))
                .as(Write::new).filter(w -> w.values().stream().anyMatch(Objects::nonNull));
        return write.list().ofMinSize(1).ofMaxSize(300);
    }

    private static StoredRecord record(Write write) {
        MultiMeasure.Builder multi = MultiMeasure.newBuilder();
        for (int i = 0; i < ATTRIBUTES.size(); i++) {
            Integer value = write.values().get(i);
            if (value != null) {
                TypedValue typed = i == 2
                        ? TypedValue.newBuilder().setVarcharValue("s" + value).build()
                        : TypedValue.newBuilder().setBigintValue(value).build();
                multi.addValues(NamedValue.newBuilder().setName(ATTRIBUTES.get(i)).setValue(typed));
            }
        }
        return StoredRecord.newBuilder().addDimensions(StoredDimension.newBuilder().setName("host").setValue("h"))
                .setMeasureName("m").setTimeNanos(write.time()).setVersion(write.version()).setMulti(multi).build();
    }

    @Property(tries = 200)
    void holdsWhatTheModelHolds(@ForAll("writes") List<Write> writes) {
        MemoryStore store = new MemoryStore(Long.MAX_VALUE);
        TreeMap<Integer, Write> model = new TreeMap<>();
        for (Write write : writes) {
            Write existing = model.get(write.time());
            UpsertOutcome expected;
            if (existing == null) {
                expected = UpsertOutcome.INSERTED;
            } else if (existing.values().equals(write.values())) {
                expected = write.version() > existing.version() ? UpsertOutcome.VERSION_RAISED : UpsertOutcome.IDENTICAL;
            } else if (write.version() > existing.version()) {
                expected = UpsertOutcome.REPLACED;
            } else {
                expected = write.version() == existing.version()
                        ? UpsertOutcome.SAME_VERSION_CONFLICT : UpsertOutcome.LOWER_VERSION_CONFLICT;
            }
            assertThat(store.upsert(TABLE, record(write), series -> 0)).isEqualTo(expected);
            if (!expected.stored()) {
                assertThat(store.lastConflictVersion()).isEqualTo(existing.version());
            } else if (expected != UpsertOutcome.IDENTICAL) {
                model.put(write.time(), new Write(write.time(), Math.max(write.version(),
                        existing == null ? 0 : existing.version()), write.values()));
            }
        }

        List<SeriesRows> rows = store.copyRange(TABLE.tableId(), 0, 0, Long.MAX_VALUE);
        assertThat(rows).hasSize(1);
        SeriesRows series = rows.getFirst();
        List<Write> stored = new ArrayList<>();
        long expectedBytes = MemorySeries.SERIES_OVERHEAD_BYTES + series.series().sizeInBytes();
        for (int row = 0; row < series.rowCount(); row++) {
            List<Integer> values = new ArrayList<>();
            expectedBytes += MemorySeries.ROW_BYTES;
            for (String attribute : ATTRIBUTES) {
                int column = series.columnIndex(attribute);
                if (column < 0 || !series.columns().get(column).isPresent(row)) {
                    values.add(null);
                    continue;
                }
                SeriesRows.Column values0 = series.columns().get(column);
                expectedBytes += values0.cellBytes(row);
                values.add(attribute.equals("c")
                        ? Integer.parseInt(values0.stringValue(row).substring(1))
                        : (int) values0.longValue(row));
            }
            stored.add(new Write((int) series.time(row), (int) series.version(row), values));
        }
        assertThat(stored).containsExactlyElementsOf(model.values());
        assertThat(store.usage()).isEqualTo(new MemoryUsage(expectedBytes, model.size(), 1));
    }

    @Property(tries = 200)
    void removingARangeKeepsTheRestIntact(@ForAll("writes") List<Write> writes,
            @ForAll("bounds") Map.Entry<Integer, Integer> range) {
        MemoryStore store = new MemoryStore(Long.MAX_VALUE);
        for (Write write : writes) {
            store.upsert(TABLE, record(write), series -> 0);
        }
        SeriesRows before = store.copyRange(TABLE.tableId(), 0, 0, Long.MAX_VALUE).getFirst();
        int from = Math.min(range.getKey(), range.getValue());
        int to = Math.max(range.getKey(), range.getValue());

        store.removeRange(TABLE.tableId(), 0, from, to);

        List<String> expected = new ArrayList<>();
        for (int row = 0; row < before.rowCount(); row++) {
            if (before.time(row) < from || before.time(row) >= to) {
                expected.add(describe(before, row));
            }
        }
        List<SeriesRows> after = store.copyRange(TABLE.tableId(), 0, 0, Long.MAX_VALUE);
        List<String> actual = new ArrayList<>();
        for (SeriesRows rows : after) {
            for (int row = 0; row < rows.rowCount(); row++) {
                actual.add(describe(rows, row));
            }
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(store.usage().rows()).isEqualTo(expected.size());
        assertThat(store.usage().series()).isEqualTo(expected.isEmpty() ? 0 : 1);
        if (expected.isEmpty()) {
            assertThat(store.usage().bytes()).isZero();
        }
    }

    @Provide
    Arbitrary<Map.Entry<Integer, Integer>> bounds() {
        return Combinators.combine(Arbitraries.integers().between(0, 160), Arbitraries.integers().between(0, 160))
                .as(Map::entry);
    }

    private static String describe(SeriesRows rows, int row) {
        StringBuilder line = new StringBuilder().append(rows.time(row)).append('v').append(rows.version(row));
        for (String attribute : ATTRIBUTES) {
            int column = rows.columnIndex(attribute);
            line.append(' ').append(attribute).append('=');
            if (column >= 0 && rows.columns().get(column).isPresent(row)) {
                SeriesRows.Column values = rows.columns().get(column);
                line.append(attribute.equals("c") ? values.stringValue(row) : Long.toString(values.longValue(row)));
            } else {
                line.append("null");
            }
        }
        return line.toString();
    }
}
