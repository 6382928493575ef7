package io.strata.chaos.check;

import io.strata.chaos.history.History;
import io.strata.chaos.history.HistoryRecorder;
import io.strata.chaos.history.OperationType;
import io.strata.chaos.history.RecordKey;
import io.strata.chaos.history.RecordVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Simulates concurrent clients against a correct store — a map from record key to the highest
 * version — where each operation takes effect at one instant between its invocation and its
 * completion. Responses may be lost (INFO) and writes whose response was lost may take effect later
 * or never, so the histories exercise every outcome while staying linearizable.
 */
final class LinearizableHistoryGenerator {
    record Generated(History history, FinalRead finalRead) {}

    private static final int PROCESSES = 4;
    private static final List<String> SERIES = List.of("cpu|host=a", "cpu|host=b", "mem|host=a");

    private final Random random;
    private final AtomicLong ticks = new AtomicLong();
    private final HistoryRecorder recorder = new HistoryRecorder(ticks::incrementAndGet);
    private final Map<RecordKey, RecordVersion> store = new TreeMap<>(
            Comparator.comparing(RecordKey::series).thenComparingLong(RecordKey::time));
    private final Map<Integer, Pending> open = new HashMap<>();
    private final List<RecordVersion> lingering = new ArrayList<>();
    private int valueCounter;

    private LinearizableHistoryGenerator(Random random) {
        this.random = random;
    }

    static Generated generate(Random random) {
        return new LinearizableHistoryGenerator(random).run(20 + random.nextInt(200));
    }

    private Generated run(int steps) {
        for (int step = 0; step < steps; step++) {
            int process = random.nextInt(PROCESSES);
            Pending pending = open.get(process);
            if (random.nextInt(10) == 0 && !lingering.isEmpty()) {
                apply(lingering.remove(random.nextInt(lingering.size())));
            } else if (pending == null) {
                open.put(process, invoke(process));
            } else if (!pending.applied) {
                takeEffect(pending);
            } else {
                complete(process, pending);
            }
        }
        for (Pending pending : open.values()) {
            if (!pending.applied && pending.type.writes() && random.nextBoolean()) {
                apply(pending.record);
            }
        }
        return new Generated(recorder.snapshot(), new FinalRead(List.copyOf(store.values())));
    }

    private Pending invoke(int process) {
        int choice = random.nextInt(3);
        String series = SERIES.get(random.nextInt(SERIES.size()));
        if (choice == 2) {
            return new Pending(recorder.invokeRead(process, series), OperationType.READ, series, null);
        }
        RecordVersion record = new RecordVersion(series, random.nextInt(4), "value-" + valueCounter++,
                choice == 0 ? 1 : 1 + random.nextInt(4));
        long id = choice == 0 ? recorder.invokeWrite(process, record) : recorder.invokeUpsert(process, record);
        return new Pending(id, choice == 0 ? OperationType.WRITE : OperationType.UPSERT, series, record);
    }

    private void takeEffect(Pending pending) {
        if (pending.type == OperationType.READ) {
            pending.observed = store.values().stream().filter(record -> record.series().equals(pending.series)).toList();
            pending.accepted = true;
        } else if (random.nextInt(8) == 0) {
            // The response is lost before the write reached the store; it may still arrive later.
            if (random.nextBoolean()) {
                lingering.add(pending.record);
            }
            pending.accepted = false;
            pending.lost = true;
        } else {
            pending.accepted = apply(pending.record);
        }
        pending.applied = true;
    }

    private boolean apply(RecordVersion record) {
        RecordVersion current = store.get(record.key());
        if (current == null || current.version() < record.version()) {
            store.put(record.key(), record);
            return true;
        }
        return current.equals(record);
    }

    private void complete(int process, Pending pending) {
        open.remove(process);
        if (pending.lost || random.nextInt(10) == 0) {
            recorder.info(pending.id, "response lost");
        } else if (pending.type == OperationType.READ) {
            recorder.okRead(pending.id, pending.observed);
        } else if (pending.accepted) {
            recorder.ok(pending.id);
        } else {
            recorder.fail(pending.id, "RejectedRecordsException: version not higher");
        }
    }

    private static final class Pending {
        final long id;
        final OperationType type;
        final String series;
        final RecordVersion record;
        boolean applied;
        boolean accepted;
        boolean lost;
        List<RecordVersion> observed = List.of();

        Pending(long id, OperationType type, String series, RecordVersion record) {
            this.id = id;
            this.type = type;
            this.series = series;
            this.record = record;
        }
    }
}
