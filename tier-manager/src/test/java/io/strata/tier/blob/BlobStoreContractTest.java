package io.strata.tier.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.ResourceNotFoundException;
import io.strata.core.error.ValidationException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link BlobStore} promises, run against each implementation on a real backend: a
 * directory on disk, and an S3 endpoint served by s3proxy.
 */
abstract class BlobStoreContractTest {
    private static final long SEED = 20_260_523L;

    protected BlobStore store;
    private final Random random = new Random(SEED);

    /** A fresh, empty store; the subclass owns the backend it runs on. */
    protected abstract BlobStore newStore() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void getReturnsTheBytesThatWerePut() {
        byte[] content = randomBytes(10_000);
        BlobKey key = BlobKey.of("segments/t1/p0/seg-000001.seg");

        store.put(key, content);

        assertThat(store.get(key)).isEqualTo(content);
        assertThat(store.exists(key)).isTrue();
        assertThat(store.size(key)).isEqualTo(content.length);
    }

    @Test
    void emptyObjectIsAnObject() {
        BlobKey key = BlobKey.of("empty");

        store.put(key, new byte[0]);

        assertThat(store.exists(key)).isTrue();
        assertThat(store.size(key)).isZero();
        assertThat(store.get(key)).isEmpty();
        assertThat(store.list("")).containsExactly(key);
    }

    @Test
    void getRangeReturnsExactlyTheRequestedBytes() {
        byte[] content = randomBytes(64 * 1024 + 17);
        BlobKey key = BlobKey.of("blocks/segment");
        store.put(key, content);

        assertThat(store.getRange(key, 0, 100)).isEqualTo(Arrays.copyOfRange(content, 0, 100));
        assertThat(store.getRange(key, 4096, 8192)).isEqualTo(Arrays.copyOfRange(content, 4096, 4096 + 8192));
        assertThat(store.getRange(key, content.length - 17, 17))
                .isEqualTo(Arrays.copyOfRange(content, content.length - 17, content.length));
        assertThat(store.getRange(key, 0, content.length)).isEqualTo(content);
        assertThat(store.getRange(key, 123, 0)).isEmpty();
    }

    @Test
    void getRangeOutsideTheObjectIsRejected() {
        BlobKey key = BlobKey.of("blocks/small");
        store.put(key, randomBytes(100));

        assertThatThrownBy(() -> store.getRange(key, 90, 20))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("blocks/small")
                .hasMessageContaining("100 bytes");
        assertThatThrownBy(() -> store.getRange(key, 100, 1)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> store.getRange(key, 500, 10)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> store.getRange(key, -1, 10)).isInstanceOf(ValidationException.class);
    }

    @Test
    void putOfAnExistingKeyReplacesTheObject() {
        BlobKey key = BlobKey.of("manifest/current");
        store.put(key, randomBytes(5000));
        byte[] second = "second version".getBytes(StandardCharsets.UTF_8);

        store.put(key, second);

        assertThat(store.get(key)).isEqualTo(second);
        assertThat(store.size(key)).isEqualTo(second.length);
        assertThat(store.list("manifest/")).containsExactly(key);
    }

    @Test
    void deleteRemovesTheObjectAndIsIdempotent() {
        BlobKey key = BlobKey.of("segments/t1/old.seg");
        BlobKey sibling = BlobKey.of("segments/t1/new.seg");
        store.put(key, randomBytes(10));
        store.put(sibling, randomBytes(10));

        store.delete(key);
        store.delete(key);
        store.delete(BlobKey.of("never/written"));

        assertThat(store.exists(key)).isFalse();
        assertThat(store.list("")).containsExactly(sibling);
        assertThatThrownBy(() -> store.get(key)).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void missingKeyIsReportedAsNotFound() {
        BlobKey missing = BlobKey.of("segments/missing.seg");

        assertThat(store.exists(missing)).isFalse();
        assertThatThrownBy(() -> store.get(missing))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("Blob 'segments/missing.seg' does not exist.");
        assertThatThrownBy(() -> store.getRange(missing, 0, 10)).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> store.getRange(missing, 0, 0)).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> store.size(missing)).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void largeObjectRoundTripsThroughAStream() {
        byte[] content = randomBytes(12 * 1024 * 1024 + 3);
        BlobKey key = BlobKey.of("segments/large.seg");

        store.put(key, new ByteArrayInputStream(content), content.length);

        assertThat(store.size(key)).isEqualTo(content.length);
        assertThat(store.get(key)).isEqualTo(content);
        int blockStart = 7 * 1024 * 1024 + 11;
        assertThat(store.getRange(key, blockStart, 65_536))
                .isEqualTo(Arrays.copyOfRange(content, blockStart, blockStart + 65_536));
    }

    @Test
    void streamShorterThanDeclaredStoresNothingAndKeepsTheOldObject() {
        BlobKey key = BlobKey.of("segments/s.seg");
        byte[] old = randomBytes(300);
        store.put(key, old);

        assertThatThrownBy(() -> store.put(key, new ByteArrayInputStream(randomBytes(1000)), 2000))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("ended after 1000 of the declared 2000 bytes");

        assertThat(store.get(key)).isEqualTo(old);
        BlobKey fresh = BlobKey.of("segments/fresh.seg");
        assertThatThrownBy(() -> store.put(fresh, new ByteArrayInputStream(randomBytes(10)), 20))
                .isInstanceOf(ValidationException.class);
        assertThat(store.exists(fresh)).isFalse();
        assertThat(store.list("")).containsExactly(key);
    }

    @Test
    void streamLongerThanDeclaredStoresNothing() {
        BlobKey key = BlobKey.of("segments/long.seg");

        assertThatThrownBy(() -> store.put(key, new ByteArrayInputStream(randomBytes(1001)), 1000))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("longer than the declared 1000 bytes");

        assertThat(store.exists(key)).isFalse();
    }

    @Test
    void listReturnsSortedKeysUnderAPrefixAcrossNestedLevels() {
        List<BlobKey> written = List.of(
                BlobKey.of("segments/t2/p1/b.seg"),
                BlobKey.of("segments/t1/p0/z.seg"),
                BlobKey.of("segments/t1/p0/a.seg"),
                BlobKey.of("segments/t1/p10/a.seg"),
                BlobKey.of("segments/t1/p1/deep/er/x.seg"),
                BlobKey.of("segments/t1-archive/a.seg"),
                BlobKey.of("manifests/t1"),
                BlobKey.of("top"));
        for (BlobKey key : written) {
            store.put(key, key.value().getBytes(StandardCharsets.UTF_8));
        }

        assertThat(store.list("")).containsExactlyElementsOf(written.stream().sorted().toList());
        assertThat(store.list("segments/t1/")).extracting(BlobKey::value).containsExactly(
                "segments/t1/p0/a.seg", "segments/t1/p0/z.seg", "segments/t1/p1/deep/er/x.seg", "segments/t1/p10/a.seg");
        assertThat(store.list("segments/t1")).extracting(BlobKey::value).containsExactly(
                "segments/t1-archive/a.seg", "segments/t1/p0/a.seg", "segments/t1/p0/z.seg",
                "segments/t1/p1/deep/er/x.seg", "segments/t1/p10/a.seg");
        assertThat(store.list("segments/t1/p1")).extracting(BlobKey::value)
                .containsExactly("segments/t1/p1/deep/er/x.seg", "segments/t1/p10/a.seg");
        assertThat(store.list("segments/t1/p0/a")).extracting(BlobKey::value).containsExactly("segments/t1/p0/a.seg");
        assertThat(store.list("segments/t3/")).isEmpty();
        assertThat(store.list("nothing")).isEmpty();
        assertThat(store.get(BlobKey.of("segments/t1/p1/deep/er/x.seg")))
                .asString(StandardCharsets.UTF_8).isEqualTo("segments/t1/p1/deep/er/x.seg");
    }

    @Test
    void listRejectsAnInvalidPrefix() {
        assertThatThrownBy(() -> store.list("/segments")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> store.list("segments/../etc")).isInstanceOf(ValidationException.class);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void concurrentPutsOfDifferentKeysAllLand() throws Exception {
        int threads = 6;
        int keysPerThread = 20;
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(executor.submit(() -> {
                    for (int i = 0; i < keysPerThread; i++) {
                        // Threads share parent directories, so concurrent directory creation is exercised too.
                        BlobKey key = BlobKey.of("segments/p" + (i % 3) + "/t" + thread + "-" + i);
                        store.put(key, contentFor(key));
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get(4, TimeUnit.MINUTES);
            }
        } finally {
            executor.shutdownNow();
        }

        List<BlobKey> listed = store.list("segments/");
        assertThat(listed).hasSize(threads * keysPerThread).isSorted();
        for (BlobKey key : listed) {
            assertThat(store.get(key)).isEqualTo(contentFor(key));
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void readersSeeTheOldOrTheNewObjectNeverAPart() throws Exception {
        BlobKey key = BlobKey.of("manifests/current");
        byte[] first = filled(256 * 1024, (byte) 'a');
        byte[] second = filled(200 * 1024, (byte) 'b');
        store.put(key, first);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> reader = executor.submit(() -> {
                int reads = 0;
                while (writing.get() || reads < 10) {
                    byte[] seen = store.get(key);
                    assertThat(Arrays.equals(seen, first) || Arrays.equals(seen, second))
                            .as("read %d returned %d bytes that are neither version, first %s last %s", reads, seen.length, seen.length > 0 ? seen[0] : -1, seen.length > 0 ? seen[seen.length - 1] : -1)
                            .isTrue();
                    reads++;
                }
                return reads;
            });
            Future<?> writer = executor.submit(() -> {
                try {
                    for (int i = 0; i < 30; i++) {
                        store.put(key, i % 2 == 0 ? second : first);
                    }
                } finally {
                    writing.set(false);
                }
            });
            writer.get(4, TimeUnit.MINUTES);
            assertThat(reader.get(4, TimeUnit.MINUTES)).isGreaterThanOrEqualTo(10);
        } finally {
            executor.shutdownNow();
        }
        assertThat(store.get(key)).isEqualTo(first);
    }

    protected byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] contentFor(BlobKey key) {
        return (key.value() + "|").repeat(50).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, value);
        return bytes;
    }
}
