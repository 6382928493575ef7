package io.strata.tier.magnetic;

import static io.strata.tier.magnetic.MagneticTestData.PARTITION;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.core.model.Record;
import io.strata.tier.blob.BlobKey;
import io.strata.tier.blob.LocalDirectoryBlobStore;
import io.strata.tier.segment.Projection;
import io.strata.tier.segment.TimeRange;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A process killed with {@code kill -9} after a seal or compaction stored its segments but before
 * it swapped the manifest: the reopened store has the old manifest, every segment it lists reads
 * back, the orphans are gone, and re-applying the interrupted command completes it.
 */
class MagneticStoreCrashTest {
    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(strings = {"seal", "compact"})
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aKillBetweenSegmentPutAndManifestSwapRecoversToTheOldManifest(String change) throws Exception {
        Path data = directory.resolve("blobs");
        Files.createDirectories(data);
        runChildUntilPausedAndKillIt(data, change);

        try (LocalDirectoryBlobStore blobs = new LocalDirectoryBlobStore(data)) {
            List<BlobKey> segmentsBeforeReopen = blobs.list(PARTITION.segmentPrefix());
            MagneticStore reopened = new MagneticStore(blobs);
            Manifest manifest = reopened.manifest(PARTITION);

            assertThat(manifest.generation()).isEqualTo(MagneticStoreCrashProcess.SEALS);
            assertThat(manifest.raftIndex()).isEqualTo(MagneticStoreCrashProcess.SEALS);
            List<String> referenced = manifest.segments().stream().map(SegmentDescriptor::key).toList();
            assertThat(segmentsBeforeReopen).as("the child stored segments the manifest never listed")
                    .hasSizeGreaterThan(referenced.size());
            assertThat(blobs.list(PARTITION.segmentPrefix())).extracting(BlobKey::value)
                    .containsExactlyElementsOf(referenced);

            List<Record> written = new ArrayList<>();
            for (int n = 1; n <= MagneticStoreCrashProcess.SEALS; n++) {
                written.addAll(MagneticStoreCrashProcess.sealed(n));
            }
            assertThat(MagneticTestData.drain(reopened.scan(PARTITION, TimeRange.ALL, s -> true, Projection.all())))
                    .containsExactlyElementsOf(MagneticTestData.newestVersions(written));

            // The interrupted command is re-applied from the journal and completes.
            if (change.equals("seal")) {
                int n = (int) MagneticStoreCrashProcess.EXTRA_SEAL_INDEX;
                written.addAll(MagneticStoreCrashProcess.sealed(n));
                reopened.addSegment(PARTITION, n, MagneticTestData.segment(MagneticStoreCrashProcess.sealed(n)));
            } else {
                reopened.compact(PARTITION, 1 << 20, MagneticStoreCrashProcess.COMPACT_INDEX);
                assertThat(reopened.manifest(PARTITION).segments()).hasSize(1);
            }
            assertThat(reopened.manifest(PARTITION).generation()).isEqualTo(MagneticStoreCrashProcess.SEALS + 1);
            assertThat(MagneticTestData.drain(reopened.scan(PARTITION, TimeRange.ALL, s -> true, Projection.all())))
                    .containsExactlyElementsOf(MagneticTestData.newestVersions(written));
        }
    }

    private void runChildUntilPausedAndKillIt(Path data, String change) throws Exception {
        Path errors = Files.createTempFile(directory, "child-", ".err");
        Process child = new ProcessBuilder(childCommand(data, change)).redirectError(errors.toFile()).start();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            Future<List<String>> lines = reader.submit(() -> readUntilPaused(child));
            List<String> seen;
            try {
                seen = lines.get(4, TimeUnit.MINUTES);
            } catch (Exception e) {
                throw new AssertionError("child failed; stderr:\n" + Files.readString(errors), e);
            }
            assertThat(seen).containsSubsequence("swap 1", "swap 2", "swap 3", "swap 4", "paused");
            child.destroyForcibly();
            assertThat(child.waitFor(1, TimeUnit.MINUTES)).as("child died").isTrue();
            assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
        } finally {
            child.destroyForcibly();
            reader.shutdownNow();
        }
    }

    private static List<String> readUntilPaused(Process child) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII));
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            lines.add(line);
            if (line.equals("paused")) {
                return lines;
            }
        }
        throw new IOException("child ended without pausing: " + lines);
    }

    private static List<String> childCommand(Path data, String change) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        String flags = System.getProperty("strata.jvm.flags");
        if (flags != null && !flags.isBlank()) {
            command.addAll(Arrays.asList(flags.trim().split("\\s+")));
        }
        command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        command.add(MagneticStoreCrashProcess.class.getName());
        command.add(data.toString());
        command.add(change);
        return command;
    }
}
