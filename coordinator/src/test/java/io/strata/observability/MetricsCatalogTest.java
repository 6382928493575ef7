package io.strata.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/operations.md lists exactly the strata_* metric families a node publishes. */
class MetricsCatalogTest {
    @Test
    void theDocumentedCatalogueIsWhatTheNodePublishes() throws IOException {
        Set<String> published = new TreeSet<>();
        try (StrataMetrics metrics = new StrataMetrics("node-a", "a")) {
            metrics.registerRaftGroup("group-1", new RaftGroupProbe() {
                @Override
                public boolean isLeader() {
                    return true;
                }

                @Override
                public long logSizeBytes() {
                    return 0;
                }

                @Override
                public long commitIndex() {
                    return 0;
                }

                @Override
                public long appliedIndex() {
                    return 0;
                }
            });
            metrics.raftCommitLatency("group-1").accept(1_000);
            metrics.registerShard("group-1", new ShardProbe() {
                @Override
                public long memoryStoreRows() {
                    return 0;
                }

                @Override
                public long memoryStoreBytes() {
                    return 0;
                }

                @Override
                public long magneticSegments() {
                    return 0;
                }

                @Override
                public long magneticBytes() {
                    return 0;
                }

                @Override
                public double migrationLagSeconds() {
                    return 0;
                }
            });
            Exposition.parse(metrics.scrape()).families().keySet().stream()
                    .filter(name -> name.startsWith("strata_"))
                    .forEach(published::add);
        }

        assertThat(published).isEqualTo(documented());
    }

    private static Set<String> documented() throws IOException {
        Path directory = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(directory.resolve("ARCHITECTURE.md"))) {
            directory = directory.getParent();
        }
        Set<String> names = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `(strata_[a-z_]+)`").matcher(
                Files.readString(directory.resolve("docs/operations.md")));
        while (row.find()) {
            names.add(row.group(1));
        }
        return names;
    }
}
