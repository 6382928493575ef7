package io.strata.tier.magnetic;

import io.strata.core.model.Record;
import io.strata.tier.blob.LocalDirectoryBlobStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The child JVM of the crash test. Seals {@link #SEALS} segments into the store at {@code args[0]},
 * then runs one more change ({@code args[1]}: {@code seal} or {@code compact}); when that change
 * has stored its new segments and is about to swap the manifest it prints {@code paused} and
 * blocks on stdin until the parent kills it. It exits by itself when stdin closes (parent gone).
 */
public final class MagneticStoreCrashProcess {
    static final int SEALS = 3;
    static final long EXTRA_SEAL_INDEX = 4;
    static final long COMPACT_INDEX = 10;

    private MagneticStoreCrashProcess() {
    }

    /** What seal number {@code n} (1-based) writes: the parent recomputes it to check the store. */
    static List<Record> sealed(int n) {
        return MagneticTestData.records((n - 1) * 100, 150, n, n);
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.US_ASCII);
        long pauseAtGeneration = SEALS + 1;
        MagneticStoreOptions options = MagneticStoreOptions.DEFAULT.withBlockRows(64).withBeforeManifestSwap(next -> {
            out.println("swap " + next.generation());
            if (next.generation() == pauseAtGeneration) {
                out.println("paused");
                try {
                    System.in.read(); // the parent never writes: returns only when it is gone
                } catch (IOException ignored) {
                    // parent gone
                }
                Runtime.getRuntime().halt(3);
            }
        });
        try (LocalDirectoryBlobStore blobs = new LocalDirectoryBlobStore(Path.of(args[0]))) {
            MagneticStore store = new MagneticStore(blobs, options);
            for (int n = 1; n <= SEALS; n++) {
                store.addSegment(MagneticTestData.PARTITION, n, MagneticTestData.segment(sealed(n)));
            }
            if (args[1].equals("seal")) {
                store.addSegment(MagneticTestData.PARTITION, EXTRA_SEAL_INDEX,
                        MagneticTestData.segment(sealed((int) EXTRA_SEAL_INDEX)));
            } else {
                store.compact(MagneticTestData.PARTITION, 1 << 20, COMPACT_INDEX);
            }
        }
        out.println("finished without pausing");
    }
}
