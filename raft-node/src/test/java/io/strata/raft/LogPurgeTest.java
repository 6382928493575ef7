package io.strata.raft;

import static io.strata.raft.Commands.numbered;
import static io.strata.raft.Commands.writeAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strata.raft.client.GroupClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Snapshots let Ratis purge its log: under steady writes the log stays bounded. */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class LogPurgeTest {
    private static final Logger LOG = LoggerFactory.getLogger(LogPurgeTest.class);
    private static final int ENTRIES_PER_ROUND = 1500;
    private static final String PADDING = "p".repeat(200);

    @TempDir
    Path storage;

    @Test
    void theLogStaysBoundedUnderSteadyWrites() throws Exception {
        try (ThreeNodeCluster cluster = new ThreeNodeCluster(storage, settings -> settings
                .withSnapshotEveryEntries(100)
                .withLogSegmentSizeBytes(16 * 1024)
                .withLogPurgeGap(50))) {
            GroupId group = GroupId.named("steady-writes");
            cluster.addGroup(group);
            GroupClient client = cluster.client(group, Duration.ofSeconds(30));

            long[] afterFirstRound = writeRoundAndMeasure(cluster, client, group, 0);
            long[] afterSecondRound = writeRoundAndMeasure(cluster, client, group, 1);

            long bytesPerRound = (long) ENTRIES_PER_ROUND * (PADDING.length() + 16);
            for (int node = 0; node < 3; node++) {
                LOG.info("node {}: log {} bytes after {} entries, {} bytes after {} entries ({} command bytes per round)",
                        node, afterFirstRound[node], ENTRIES_PER_ROUND, afterSecondRound[node], 2 * ENTRIES_PER_ROUND,
                        bytesPerRound);
                // Without purging the log would grow by at least the bytes written in the round.
                assertThat(afterSecondRound[node] - afterFirstRound[node]).isLessThan(bytesPerRound / 4);
                assertThat(afterSecondRound[node]).isLessThan(bytesPerRound / 2);
                assertThat(cluster.status(node, group).logStartIndex()).isGreaterThan(ENTRIES_PER_ROUND);
                assertThat(snapshotDirectories(cluster.groupDirectory(node, group))).hasSizeLessThanOrEqualTo(2);
            }
        }
    }

    private static long[] writeRoundAndMeasure(ThreeNodeCluster cluster, GroupClient client, GroupId group, int round)
            throws Exception {
        List<String> commands = numbered(round + "-" + PADDING, 0, ENTRIES_PER_ROUND);
        for (int from = 0; from < commands.size(); from += 250) {
            writeAll(client, commands.subList(from, Math.min(commands.size(), from + 250)));
        }
        int expected = (round + 1) * ENTRIES_PER_ROUND;
        long[] sizes = new long[3];
        for (int node = 0; node < 3; node++) {
            int replica = node;
            await().atMost(ThreeNodeCluster.WAIT).until(() -> cluster.contents(replica, group).size() == expected);
            // Purging follows the snapshot asynchronously; wait until this round's snapshot purged the log.
            await().atMost(ThreeNodeCluster.WAIT).until(() ->
                    cluster.status(replica, group).logStartIndex() > expected - 400);
            sizes[node] = cluster.logDirectoryBytes(node, group);
        }
        return sizes;
    }

    private static List<Path> snapshotDirectories(Path groupDirectory) throws IOException {
        try (Stream<Path> children = Files.list(groupDirectory.resolve("sm"))) {
            return children.filter(child -> child.getFileName().toString().startsWith("snapshot-")).toList();
        }
    }
}
