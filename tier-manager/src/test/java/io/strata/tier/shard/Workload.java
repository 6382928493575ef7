package io.strata.tier.shard;

import static io.strata.tier.shard.Commands.HOUR;
import static io.strata.tier.shard.Commands.INGEST;

import io.strata.internal.v1.ShardCommand;
import io.strata.internal.v1.StoredRecord;
import io.strata.internal.v1.TypedValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded stream of write batches like the devops workload: a few hosts, single and multi
 * measures, out-of-order times, retries, version upserts and conflicts, records outside the window.
 */
final class Workload {
    private final Random random;
    private final List<StoredRecord> written = new ArrayList<>();

    Workload(long seed) {
        this.random = new Random(seed);
    }

    List<ShardCommand> batches(int count) {
        List<ShardCommand> commands = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            commands.add(batch());
        }
        return commands;
    }

    private ShardCommand batch() {
        int size = 1 + random.nextInt(20);
        StoredRecord[] records = new StoredRecord[size];
        for (int i = 0; i < size; i++) {
            if (!written.isEmpty() && random.nextInt(5) == 0) {
                StoredRecord earlier = written.get(random.nextInt(written.size()));
                // A retry, an upsert with a higher version or a conflicting write at the same point.
                records[i] = switch (random.nextInt(3)) {
                    case 0 -> earlier;
                    case 1 -> earlier.toBuilder().setVersion(earlier.getVersion() + 1)
                            .setValue(TypedValue.newBuilder().setDoubleValue(random.nextDouble())).clearMulti().build();
                    default -> earlier.toBuilder().setValue(TypedValue.newBuilder().setDoubleValue(-1)).clearMulti().build();
                };
            } else {
                records[i] = fresh();
            }
            written.add(records[i]);
        }
        return Commands.write(records);
    }

    private StoredRecord fresh() {
        String host = "host-" + random.nextInt(6);
        // Mostly the last 30 hours (24 h memory window), some in the future, a few too late.
        long time = INGEST - random.nextLong(30 * HOUR) + random.nextLong(HOUR / 2);
        time -= time % 1_000_000L;
        if (random.nextBoolean()) {
            return Commands.doubleRecord(host, time, 1, Math.round(random.nextGaussian() * 1000) / 10.0);
        }
        Map<String, TypedValue> values = new LinkedHashMap<>();
        values.put("cpu", Commands.doubleValue(random.nextDouble()));
        if (random.nextBoolean()) {
            values.put("count", Commands.bigintValue(random.nextInt(100)));
        }
        if (random.nextInt(3) == 0) {
            values.put("status", Commands.varcharValue(random.nextBoolean() ? "ok" : "degraded-" + random.nextInt(3)));
        }
        return Commands.multiRecord(host, time, 1, values);
    }
}
