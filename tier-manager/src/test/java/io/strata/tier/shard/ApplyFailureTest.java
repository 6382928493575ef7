package io.strata.tier.shard;

import static io.strata.tier.shard.Commands.DAY;
import static io.strata.tier.shard.Commands.INGEST;
import static io.strata.tier.shard.Commands.doubleRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.strata.core.error.InternalServerException;
import io.strata.internal.v1.ShardCommand;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An apply that fails on this replica (the real tmpfs under its magnetic tier is full) is not
 * counted as applied and stops the store — so neither a later command nor a snapshot can cover
 * it — and reopening the store, once there is space again, applies it from the journal. Before
 * the fix the store counted the index as applied and took the next command.
 */
class ApplyFailureTest {
    private static final long SECOND = 1_000_000_000L;
    private static final String FILLER = "filler";

    @TempDir
    Path directory;

    @Test
    void aFailedApplyIsNotCountedAppliedAndIsReappliedFromTheJournalOnReopen() throws Exception {
        assumeThat(run("id", "-u")).as("needs root to mount a tmpfs").isEqualTo("0");
        Path blobs = directory.resolve("blobs");
        Files.createDirectories(blobs);
        run("mount", "-t", "tmpfs", "-o", "size=" + (4 << 20), "tmpfs", blobs.toString());
        try {
            try (MagneticReplica replica = MagneticReplica.local(directory)) {
                replica.store.apply(1, Commands.write(doubleRecord("memory-1", INGEST - 60 * SECOND, 1, 1.0)));
                replica.store.apply(2, lateWrite(0));

                // The volume under the magnetic tier fills up: the next late write cannot store its segment.
                fill(blobs);
                assertThatThrownBy(() -> replica.store.apply(3, lateWrite(1)))
                        .isInstanceOf(InternalServerException.class).hasMessageContaining("No space left");

                assertThat(replica.store.lastAppliedIndex()).as("the failed command is not applied").isEqualTo(2);
                assertThat(replica.store.failure()).get().asString().contains("index 3");
                assertThatThrownBy(() -> replica.store.apply(4,
                        Commands.write(doubleRecord("memory-2", INGEST - 30 * SECOND, 1, 2.0))))
                        .isInstanceOf(InternalServerException.class).hasMessageContaining("must be reopened");
                assertThatThrownBy(() -> replica.store.snapshot(4, directory.resolve("snapshot")))
                        .isInstanceOf(InternalServerException.class).hasMessageContaining("must be reopened");
                assertThat(replica.store.lastAppliedIndex()).isEqualTo(2);
            }

            Files.delete(blobs.resolve(FILLER));
            try (MagneticReplica reopened = MagneticReplica.local(directory)) {
                assertThat(reopened.store.lastAppliedIndex()).as("replayed from the journal").isEqualTo(3);
                assertThat(reopened.store.failure()).isEmpty();
                List<String> rows = ScanRows.all(reopened.store);
                assertThat(rows).hasSize(1 + 2 * 4);
                assertThat(rows.stream().filter(row -> row.contains("host=late-")).count()).isEqualTo(8);

                reopened.store.apply(4, Commands.write(doubleRecord("memory-2", INGEST - 30 * SECOND, 1, 2.0)));
                assertThat(ScanRows.all(reopened.store)).hasSize(1 + 2 * 4 + 1);
            }
        } finally {
            run("umount", "-l", blobs.toString());
        }
    }

    private static void fill(Path volume) {
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(volume.resolve(FILLER))) {
            while (true) {
                out.write(chunk);
            }
        } catch (IOException full) {
            // full: what the test wants
        }
    }

    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Four records two days old: past the one-hour memory window, so they go to the magnetic tier. */
    private static ShardCommand lateWrite(int round) {
        return Commands.write(INGEST, Commands.settings(1, 365, true),
                doubleRecord("late-0", INGEST - 2 * DAY + round * SECOND, 1, round),
                doubleRecord("late-1", INGEST - 2 * DAY + round * SECOND, 1, round),
                doubleRecord("late-2", INGEST - 2 * DAY + round * SECOND, 1, round),
                doubleRecord("late-3", INGEST - 2 * DAY + round * SECOND, 1, round));
    }
}
