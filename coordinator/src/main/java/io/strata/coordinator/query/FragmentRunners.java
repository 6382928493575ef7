package io.strata.coordinator.query;

import io.grpc.Context;
import io.strata.query.execution.FragmentRunner;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gives each query the {@link FragmentRunner} that runs its shard fragments, bound to the query's
 * id, its cancellable gRPC context and its byte counter. {@link ShardFanOut} is the cluster's;
 * tests of statements that read no table pass one that refuses.
 *
 * <p>Thread-safe: called once per query from the thread that starts it.
 */
@FunctionalInterface
public interface FragmentRunners {
    FragmentRunner forQuery(String queryId, Context.CancellableContext calls, AtomicLong bytesScanned);
}
