package io.strata.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The checked-out repository the tests run in: its root and its files. */
final class Repository {
    private Repository() {}

    static Path root() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null) {
            if (Files.isRegularFile(directory.resolve("pom.xml")) && Files.isRegularFile(directory.resolve("ARCHITECTURE.md"))) {
                return directory;
            }
            directory = directory.getParent();
        }
        throw new IllegalStateException("not inside the Strata repository: " + Path.of("").toAbsolutePath());
    }

    static Path file(String relative) {
        return root().resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(file(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
