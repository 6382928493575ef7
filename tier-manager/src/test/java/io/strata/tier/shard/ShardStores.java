package io.strata.tier.shard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import net.openhft.chronicle.queue.RollCycles;

/** Opens real shard stores (Chronicle journal on disk) for tests. */
final class ShardStores {
    static final DayByHostLayout LAYOUT = new DayByHostLayout(4);

    private ShardStores() {
    }

    static ShardConfiguration configuration(Path directory, MagneticTier magnetic) {
        return ShardConfiguration.of(directory, LAYOUT, magnetic)
                .withJournal(RollCycles.FAST_HOURLY, java.time.Clock.systemUTC());
    }

    static ShardStore open(Path directory) {
        return open(configuration(directory, null));
    }

    static ShardStore open(ShardConfiguration configuration) {
        try {
            return ShardStore.open(configuration);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
