package io.strata.query.execution;

import io.strata.core.error.QueryExecutionException;
import io.strata.query.function.time.QueryClock;
import io.strata.query.operator.OperatorContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One running query: its start time (for {@code now()}), deadline, memory budget and
 * cancellation flag. {@link #cancel} may be called from any thread; the query notices at its
 * next batch. Memory is counted across all operators of the query (and, on a shard, of the
 * fragment), from the thread(s) running them.
 */
public final class QueryContext implements OperatorContext {
    private final Clock clock;
    private final QueryClock queryClock;
    private final Instant deadline;
    private final QueryLimits limits;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicLong memoryBytes = new AtomicLong();
    private final AtomicLong peakMemoryBytes = new AtomicLong();

    public QueryContext(Clock clock, QueryLimits limits) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.queryClock = QueryClock.startingNow(clock);
        this.deadline = clock.instant().plus(limits.timeout());
    }

    /** "now" for the whole query: every {@code now()} and {@code ago()} reads this. */
    public QueryClock queryClock() {
        return queryClock;
    }

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    public long peakMemoryBytes() {
        return peakMemoryBytes.get();
    }

    @Override
    public void checkRunning() {
        if (cancelled.get()) {
            throw new QueryExecutionException("Query was cancelled");
        }
        if (clock.instant().isAfter(deadline)) {
            throw new QueryExecutionException("Query exceeded the maximum execution time of " + limits.timeout()
                    + "; narrow its time range or filters");
        }
    }

    @Override
    public void adjustMemory(long deltaBytes) {
        long now = memoryBytes.addAndGet(deltaBytes);
        peakMemoryBytes.accumulateAndGet(now, Math::max);
        if (deltaBytes > 0 && now > limits.memoryBytes()) {
            throw new QueryExecutionException("Query exceeded the memory limit of " + limits.memoryBytes()
                    + " bytes held by joins, aggregations and sorts; add filters, a narrower time range or a LIMIT");
        }
    }
}
