package io.strata.tier.shard;

import static io.strata.tier.shard.Commands.DAY;
import static io.strata.tier.shard.Commands.INGEST;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.core.schema.TableColumn;
import io.strata.internal.v1.RecordOutcome;
import io.strata.internal.v1.ShardCommand;
import io.strata.internal.v1.StoredRecord;
import io.strata.internal.v1.TypedValue;
import io.strata.internal.v1.WriteBatchResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * A scan reads only the value columns it projects, and copies runs of rows a column at a time;
 * neither may change what it returns. Random rows (single DOUBLE and MULTI series with absent
 * attributes, rewrites with higher versions) spread over both tiers — some partitions sealed into
 * 64-row blocks, rows rewritten in memory after the seal so that one series has rows in both — are
 * scanned with random projections, time ranges that cut blocks anywhere, and small batches, and
 * compared with a model of the accepted records.
 */
class ProjectedScanPropertyTest {
    private static final long SECOND = 1_000_000_000L;
    private static final List<String> HOSTS = List.of("a", "b", "c", "d", "e");
    private static final long OLDEST = INGEST - 20 * 3_600 * SECOND;

    @Property(tries = 12)
    void projectedScansReturnTheModelsRowsOnBothTiers(@ForAll long seed) throws IOException {
        Random random = new Random(seed);
        Path root = Files.createTempDirectory("projected-scan");
        try (MagneticReplica replica = MagneticReplica.local(root)) {
            Map<String, StoredRecord> model = new HashMap<>();
            long[] index = {0};
            writeRandom(replica.store, random, model, index, 1_500, 1);
            for (long slot = OLDEST / DAY; slot <= INGEST / DAY; slot++) {
                for (int bucket = 0; bucket < ShardStores.LAYOUT.buckets(); bucket++) {
                    if (random.nextInt(3) > 0) {
                        replica.store.apply(++index[0], Commands.seal(slot, bucket, OLDEST + random.nextLong(INGEST - OLDEST)));
                    }
                }
            }
            // Rewrites at the highest version only: a memory row then wins over the sealed one of its time.
            writeRandom(replica.store, random, model, index, 300, 3);

            for (int query = 0; query < 8; query++) {
                List<TableColumn> columns = new ArrayList<>(ScanRows.WIDE);
                Collections.shuffle(columns, random);
                columns = List.copyOf(columns.subList(0, 1 + random.nextInt(columns.size())));
                long from = OLDEST + random.nextLong(INGEST - OLDEST);
                long to = random.nextInt(4) == 0 ? Long.MAX_VALUE : from + random.nextLong(INGEST - from + 1);
                int batchRows = 1 + random.nextInt(random.nextBoolean() ? 7 : 500);
                List<String> scanned = ScanRows.collect(replica.store.scan(new ScanRequest(Commands.TABLE.tableId(),
                        columns, from, to, Map.of(), Set.of(), batchRows)));
                assertThat(sorted(scanned)).as("columns %s, [%d, %d], batches of %d", columns, from, to, batchRows)
                        .isEqualTo(sorted(expected(model, columns, from, to)));
            }
        } finally {
            deleteRecursively(root);
        }
    }

    private static void writeRandom(ShardStore store, Random random, Map<String, StoredRecord> model, long[] index,
            int records, int lowestVersion) {
        List<StoredRecord> batch = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            String host = HOSTS.get(random.nextInt(HOSTS.size()));
            long time = OLDEST + random.nextInt(600) * 60 * SECOND;
            long version = lowestVersion + random.nextInt(4 - lowestVersion);
            StoredRecord record;
            if (random.nextInt(4) == 0) {
                record = Commands.doubleRecord(host, time, version, random.nextInt(1000) / 8.0);
            } else {
                Map<String, TypedValue> values = new LinkedHashMap<>();
                if (random.nextInt(5) > 0) {
                    values.put("cpu", Commands.doubleValue(random.nextGaussian() * 100));
                }
                if (random.nextInt(5) > 0) {
                    values.put("count", Commands.bigintValue(random.nextLong()));
                }
                if (random.nextInt(5) > 0 || values.isEmpty()) {
                    values.put("status", Commands.varcharValue("s" + random.nextInt(4)));
                }
                record = Commands.multiRecord(host, time, version, values);
            }
            batch.add(record);
            if (batch.size() == 50 || i == records - 1) {
                ShardCommand command = Commands.write(INGEST, Commands.settings(24, 365, false),
                        batch.toArray(StoredRecord[]::new));
                WriteBatchResult result = store.apply(++index[0], command);
                List<StoredRecord> written = Commands.records(command);
                for (RecordOutcome outcome : result.getOutcomesList()) {
                    if (!outcome.hasRejected()) {
                        StoredRecord accepted = written.get(outcome.getRequestIndex());
                        model.put(key(accepted), accepted);
                    }
                }
                batch.clear();
            }
        }
    }

    private static String key(StoredRecord record) {
        return record.getDimensionsList() + "/" + record.getMeasureName() + "/" + record.getTimeNanos();
    }

    /** The model's rows in the range as {@link ScanRows#lines} prints them. */
    private static List<String> expected(Map<String, StoredRecord> model, List<TableColumn> columns, long from, long to) {
        List<String> lines = new ArrayList<>();
        for (StoredRecord record : model.values()) {
            if (record.getTimeNanos() < from || record.getTimeNanos() > to) {
                continue;
            }
            Map<String, String> cells = new TreeMap<>();
            record.getDimensionsList().forEach(dimension -> cells.put(dimension.getName(), dimension.getValue()));
            cells.put(TableColumn.MEASURE_NAME, record.getMeasureName());
            cells.put(TableColumn.TIME, Long.toString(record.getTimeNanos()));
            if (record.hasValue()) {
                cells.put("measure_value::double", text(record.getValue()));
            } else {
                record.getMulti().getValuesList().forEach(value -> cells.put(value.getName(), text(value.getValue())));
            }
            StringBuilder line = new StringBuilder();
            for (TableColumn column : columns) {
                if (!line.isEmpty()) {
                    line.append('|');
                }
                line.append(column.name()).append('=').append(cells.getOrDefault(column.name(), "null"));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static String text(TypedValue value) {
        return switch (value.getValueCase()) {
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            case BIGINT_VALUE -> Long.toString(value.getBigintValue());
            case VARCHAR_VALUE -> value.getVarcharValue();
            default -> throw new IllegalArgumentException("not generated: " + value);
        };
    }

    private static List<String> sorted(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        Collections.sort(copy);
        return copy;
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
