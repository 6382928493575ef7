package io.strata.server.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strata.api.v1.CreateDatabaseRequest;
import io.strata.api.v1.CreateTableRequest;
import io.strata.raft.GroupId;
import io.strata.raft.shard.ShardStoreSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.openhft.chronicle.queue.RollCycles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Under steady writes through the cluster every replica's Raft log and Chronicle journal stay
 * bounded: snapshots let Ratis purge the log, and each snapshot drops the journal cycles before it.
 *
 * <p>The journal's clock (it only names the journal's files) advances one hour every
 * {@value #REQUESTS_PER_CYCLE} requests, so the requests land in ever new hourly cycle files:
 * without dropping, every replica's journal would keep all of them.
 */
class BoundedStorageTest {
    private static final Logger LOG = LoggerFactory.getLogger(BoundedStorageTest.class);
    private static final String DATABASE = "steady";
    private static final String TABLE = "cpu";
    private static final int REQUESTS_PER_ROUND = 200;
    private static final int REQUESTS_PER_CYCLE = 4;
    private static final int RECORDS_PER_REQUEST = 10;
    private static final int SNAPSHOT_EVERY_ENTRIES = 20;

    @TempDir
    Path data;

    @Test
    void theRaftLogAndTheJournalStayBoundedUnderSteadyWrites() throws Exception {
        long now = System.currentTimeMillis();
        HourlyClock journalClock = new HourlyClock();
        try (TestCluster cluster = new TestCluster(data, settings -> settings
                .withSnapshotEveryEntries(SNAPSHOT_EVERY_ENTRIES)
                .withLogSegmentSizeBytes(16 * 1024)
                .withLogPurgeGap(5),
                new ShardStoreSettings(64L << 20, RollCycles.FAST_HOURLY, journalClock))) {
            cluster.awaitReady();
            cluster.admin(0).createDatabase(CreateDatabaseRequest.newBuilder().setDatabaseName(DATABASE).build());
            cluster.admin(0).createTable(CreateTableRequest.newBuilder().setDatabaseName(DATABASE)
                    .setTableName(TABLE).build());

            writeRound(cluster, journalClock, 0, now);
            Sample first = sampleAfterSnapshots(cluster);
            long secondRoundBytes = writeRound(cluster, journalClock, 1, now);
            Sample second = sampleAfterSnapshots(cluster);
            LOG.info("after {} requests: {}; after {} requests: {}; {} request bytes per round", REQUESTS_PER_ROUND,
                    first, 2 * REQUESTS_PER_ROUND, second, secondRoundBytes);

            // Without purging, each of the three nodes' logs would grow by at least the second round's records.
            assertThat(second.logBytes - first.logBytes).isLessThan(3 * secondRoundBytes / 2);
            // Without dropping, every replica's journal would keep every cycle of both rounds.
            int cyclesPerRound = REQUESTS_PER_ROUND / REQUESTS_PER_CYCLE;
            int replicaCount = 3 * TestCluster.GROUPS;
            assertThat(second.journalFiles.size()).isLessThan(replicaCount * cyclesPerRound / 2);
            assertThat(second.journalFiles).as("cycles of the first round dropped by later snapshots")
                    .doesNotContainAnyElementsOf(first.journalFiles);
            assertThat(second.journalBytes).isLessThan(first.journalBytes * 2);
            // Dropping the covered log and journal lost nothing.
            cluster.awaitIdenticalReplicas(DATABASE, TABLE, 2 * REQUESTS_PER_ROUND * RECORDS_PER_REQUEST, 0, 1, 2);
        }
    }

    /** Writes one round of requests; returns their serialized size. */
    private static long writeRound(TestCluster cluster, HourlyClock journalClock, int round, long now) {
        long bytes = 0;
        for (int i = 0; i < REQUESTS_PER_ROUND; i++) {
            if (i % REQUESTS_PER_CYCLE == 0) {
                journalClock.advanceOneHour();
            }
            int first = (round * REQUESTS_PER_ROUND + i) * RECORDS_PER_REQUEST;
            var request = Requests.cpuRecords(DATABASE, TABLE, first, RECORDS_PER_REQUEST, now);
            bytes += request.getSerializedSize();
            assertThat(cluster.writes(i % 3).writeRecords(request).getRecordsIngested().getTotal())
                    .isEqualTo(RECORDS_PER_REQUEST);
        }
        return bytes;
    }

    /** Waits until every replica snapshotted near its last applied entry, then measures. */
    private static Sample sampleAfterSnapshots(TestCluster cluster) {
        List<GroupId> groups = cluster.groups();
        await("every replica snapshotted its recent entries").atMost(TestCluster.WAIT).untilAsserted(() -> {
            for (int node = 0; node < 3; node++) {
                for (GroupId group : groups) {
                    var status = cluster.node(node).raftNode().status(group).orElseThrow();
                    assertThat(status.snapshotIndex()).as("node %d, %s", node, group)
                            .isGreaterThan(status.lastAppliedIndex() - 2L * SNAPSHOT_EVERY_ENTRIES);
                    assertThat(status.logStartIndex()).isGreaterThan(status.lastAppliedIndex()
                            - 6L * SNAPSHOT_EVERY_ENTRIES);
                }
            }
        });
        long logBytes = 0;
        long journalBytes = 0;
        Set<Path> journalFiles = new java.util.HashSet<>();
        for (int node = 0; node < 3; node++) {
            Path raft = cluster.nodeDirectory(node).resolve("raft");
            for (Path group : children(raft)) {
                if (Files.isDirectory(group.resolve("current"))) {
                    logBytes += bytes(group.resolve("current"));
                }
                Path journal = group.resolve("shard-data").resolve("journal");
                if (Files.isDirectory(journal)) {
                    journalBytes += bytes(journal);
                    for (Path file : children(journal)) {
                        if (file.getFileName().toString().endsWith(".cq4")) {
                            journalFiles.add(file);
                        }
                    }
                }
            }
        }
        return new Sample(logBytes, journalBytes, journalFiles);
    }

    private record Sample(long logBytes, long journalBytes, Set<Path> journalFiles) {
        @Override
        public String toString() {
            return "log " + logBytes + " bytes, journal " + journalBytes + " bytes in " + journalFiles.size()
                    + " cycle files";
        }
    }

    private static List<Path> children(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long bytes(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException deletedWhileWalking) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A clock the test moves forward an hour at a time; it names journal files only. */
    private static final class HourlyClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2030-01-01T00:00:00Z"));

        void advanceOneHour() {
            now.updateAndGet(instant -> instant.plusSeconds(3600));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
