package io.strata.chaos.run;

import io.strata.chaos.history.HistoryRecorder;
import io.strata.chaos.history.Phase;
import io.strata.chaos.history.RecordKey;
import io.strata.chaos.history.RecordVersion;
import io.strata.chaos.workload.OutcomeClassifier;
import io.strata.chaos.workload.WorkloadClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One logical client process: a loop of writes of new records (unique series and time, unique
 * value), upserts of records it wrote recently with a version higher than any before, and reads of
 * a series of the current {@link SeriesGenerations generation}, each recorded invoke → ok / fail / info. Choices come from a {@link Random} seeded by the
 * run's seed and the process number; what the cluster answers still varies from run to run.
 *
 * <p>Runs on its own thread until {@link #stop()}; one operation at a time.
 */
final class WorkloadProcess implements Runnable {
    /** Counters shared by every process of a run: record times and upsert versions never repeat. */
    record SharedCounters(AtomicLong times, AtomicLong versions) {}

    private final int process;
    private final WorkloadClient client;
    private final HistoryRecorder recorder;
    private final SeriesGenerations series;
    private final SharedCounters counters;
    private final Random random;
    private final Duration pause;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final List<RecordKey> written = new ArrayList<>();
    private long operations;

    WorkloadProcess(int process, WorkloadClient client, HistoryRecorder recorder, SeriesGenerations series,
            SharedCounters counters, long seed, Duration pause) {
        this.process = process;
        this.client = client;
        this.recorder = recorder;
        this.series = series;
        this.counters = counters;
        this.random = new Random(seed * 1_000_003L + process);
        this.pause = pause;
    }

    void stop() {
        stopping.set(true);
    }

    @Override
    public void run() {
        while (!stopping.get() && !Thread.currentThread().isInterrupted()) {
            int choice = random.nextInt(100);
            if (choice < 50 || written.isEmpty() && choice < 75) {
                write();
            } else if (choice < 75) {
                upsert();
            } else {
                read();
            }
            // Keeps the load light on a shared 2-core machine; not a wait for anything.
            LockSupport.parkNanos(pause.toNanos());
        }
    }

    private void write() {
        List<String> current = series.current();
        String target = current.get(random.nextInt(current.size()));
        RecordVersion record = new RecordVersion(target, counters.times().getAndIncrement(), value("w", 1), 1);
        written.add(record.key());
        long id = recorder.invokeWrite(process, record);
        try {
            client.write(record);
            recorder.ok(id);
        } catch (RuntimeException failure) {
            complete(id, failure);
        }
    }

    private void upsert() {
        // Recent keys only: a key of an old generation would grow a series the workload left.
        int recent = Math.min(written.size(), 200);
        RecordKey key = written.get(written.size() - 1 - random.nextInt(recent));
        long version = counters.versions().getAndIncrement();
        RecordVersion record = new RecordVersion(key.series(), key.time(), value("u", version), version);
        long id = recorder.invokeUpsert(process, record);
        try {
            client.upsert(record);
            recorder.ok(id);
        } catch (RuntimeException failure) {
            complete(id, failure);
        }
    }

    private void read() {
        List<String> current = series.current();
        String target = current.get(random.nextInt(current.size()));
        long id = recorder.invokeRead(process, target);
        try {
            recorder.okRead(id, client.read(target));
        } catch (RuntimeException failure) {
            complete(id, failure);
        }
    }

    private void complete(long id, RuntimeException failure) {
        String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (OutcomeClassifier.classify(failure) == Phase.FAIL) {
            recorder.fail(id, error);
        } else {
            recorder.info(id, error);
        }
    }

    /** Unique per operation, and carries the version: scans of the store show values, not versions. */
    private String value(String kind, long version) {
        return "p" + process + "-" + kind + (operations++) + "@v" + version;
    }
}
