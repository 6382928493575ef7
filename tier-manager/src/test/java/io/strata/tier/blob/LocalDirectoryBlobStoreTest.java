package io.strata.tier.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.ConflictException;
import io.strata.core.error.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on a directory, plus what only a filesystem shows: files, temporaries, directories. */
class LocalDirectoryBlobStoreTest extends BlobStoreContractTest {
    @TempDir
    Path directory;

    @Override
    protected BlobStore newStore() {
        return new LocalDirectoryBlobStore(directory.resolve("blobs"));
    }

    @Test
    void blobIsAPlainFileUnderTheRootAndSurvivesReopening() throws IOException {
        byte[] content = randomBytes(1234);
        store.put(BlobKey.of("segments/t1/a.seg"), content);

        assertThat(Files.readAllBytes(directory.resolve("blobs/segments/t1/a.seg"))).isEqualTo(content);
        try (BlobStore reopened = new LocalDirectoryBlobStore(directory.resolve("blobs"))) {
            assertThat(reopened.get(BlobKey.of("segments/t1/a.seg"))).isEqualTo(content);
        }
    }

    @Test
    void noTemporaryFileIsLeftAfterSuccessfulOrFailedPuts() throws IOException {
        BlobKey key = BlobKey.of("segments/t1/a.seg");
        store.put(key, randomBytes(100));
        store.put(key, new ByteArrayInputStream(randomBytes(200)), 200);
        assertThatThrownBy(() -> store.put(key, new ByteArrayInputStream(randomBytes(10)), 50))
                .isInstanceOf(ValidationException.class);

        assertThat(allFiles()).containsExactly(directory.resolve("blobs/segments/t1/a.seg"));
    }

    @Test
    void leftoverTemporaryFilesAreNotListed() throws IOException {
        store.put(BlobKey.of("segments/a.seg"), randomBytes(10));
        Files.write(directory.resolve("blobs/segments/.put-123.tmp"), randomBytes(5));

        assertThat(store.list("")).extracting(BlobKey::value).containsExactly("segments/a.seg");
    }

    @Test
    void deleteRemovesTheDirectoriesItEmpties() throws IOException {
        store.put(BlobKey.of("segments/t1/p0/a.seg"), randomBytes(10));
        store.put(BlobKey.of("segments/t2/b.seg"), randomBytes(10));

        store.delete(BlobKey.of("segments/t1/p0/a.seg"));

        assertThat(directory.resolve("blobs/segments/t1")).doesNotExist();
        assertThat(directory.resolve("blobs/segments/t2")).isDirectory();
        assertThat(directory.resolve("blobs")).isDirectory();
        store.put(BlobKey.of("segments/t1/p0/a.seg"), randomBytes(10));
        assertThat(store.list("segments/t1/")).hasSize(1);
    }

    @Test
    void keyThatIsAlsoAPrefixDirectoryIsAConflict() {
        store.put(BlobKey.of("segments/a"), randomBytes(10));
        store.put(BlobKey.of("segments/b/c"), randomBytes(10));

        assertThatThrownBy(() -> store.put(BlobKey.of("segments/a/x"), randomBytes(10)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> store.put(BlobKey.of("segments/b"), randomBytes(10)))
                .isInstanceOf(ConflictException.class);
        assertThat(store.exists(BlobKey.of("segments/b"))).isFalse();
        assertThat(store.exists(BlobKey.of("segments/a/x"))).isFalse();
        assertThat(store.list("")).extracting(BlobKey::value).containsExactly("segments/a", "segments/b/c");
    }

    private List<Path> allFiles() throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
