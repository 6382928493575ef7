package io.strata.tier.shard;

import io.strata.core.error.InternalServerException;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Properties;

/**
 * The small file that makes a directory a shard snapshot: the Raft index it covers and the
 * magnetic manifest it pairs with. Written last (temporary file, then atomic rename), so a
 * directory without it is an unfinished snapshot.
 *
 * @param raftIndex the last applied index the snapshot covers
 * @param magneticManifest the magnetic tier's manifest reference, empty without a magnetic tier
 */
record SnapshotDescriptor(long raftIndex, String magneticManifest) {
    static final String FILE_NAME = "shard-snapshot.properties";
    static final String IMAGE_FILE_NAME = "memory-image.bin";
    /** The magnetic tier's files ({@link MagneticTier#exportTo}), one per blob key. */
    static final String MAGNETIC_DIRECTORY = "magnetic";
    private static final String FORMAT = "1";

    SnapshotDescriptor {
        Objects.requireNonNull(magneticManifest, "magneticManifest");
        if (raftIndex < 0) {
            throw new IllegalArgumentException("raftIndex must be >= 0, was " + raftIndex);
        }
    }

    static boolean isSnapshot(Path directory) {
        return Files.isRegularFile(directory.resolve(FILE_NAME));
    }

    void writeTo(Path directory) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("format", FORMAT);
        properties.setProperty("raftIndex", Long.toString(raftIndex));
        properties.setProperty("magneticManifest", magneticManifest);
        Path temporary = directory.resolve(FILE_NAME + ".tmp");
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            properties.store(writer, "Strata shard snapshot");
        }
        Files.move(temporary, directory.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    static SnapshotDescriptor readFrom(Path directory) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(directory.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        if (!FORMAT.equals(properties.getProperty("format"))) {
            throw new InternalServerException("The shard snapshot in " + directory + " has format "
                    + properties.getProperty("format") + "; this version reads format " + FORMAT + ".");
        }
        return new SnapshotDescriptor(Long.parseLong(properties.getProperty("raftIndex")),
                properties.getProperty("magneticManifest", ""));
    }
}
