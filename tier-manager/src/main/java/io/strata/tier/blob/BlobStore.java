package io.strata.tier.blob;

import io.strata.core.error.ResourceNotFoundException;
import io.strata.core.error.ValidationException;
import java.io.InputStream;
import java.util.List;

/**
 * Where the magnetic tier keeps its immutable objects (segments, manifests, rejected-data reports).
 * Two implementations: {@link LocalDirectoryBlobStore} (the default) and {@link S3BlobStore}.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li><b>Threading:</b> every method is thread-safe; callers need no external locking. Operations
 *       on different keys do not block each other.
 *   <li><b>Atomic put:</b> a concurrent or later reader of a key sees either the previous object or
 *       the whole new one, never a part. A failed put (stream too short, I/O error, crash) leaves the
 *       previous object, if any, in place.
 *   <li><b>Idempotence:</b> putting the same key twice replaces the object (last writer wins when two
 *       puts of one key race); {@link #delete} of a missing key succeeds.
 *   <li><b>Ordering:</b> once {@link #put} returns, every later call from any thread on this node sees
 *       the new object ({@link LocalDirectoryBlobStore} has also made it durable: fsync of file and
 *       directory; S3 gives read-after-write consistency).
 *   <li><b>Missing key:</b> {@link #get}, {@link #getRange} and {@link #size} throw
 *       {@link ResourceNotFoundException}; use {@link #exists} to ask without an exception.
 *   <li><b>Keys</b> are {@link BlobKey}s: relative {@code /}-separated paths. A key must not also be
 *       the parent "directory" of another key ({@code a} and {@code a/b}); the local store rejects
 *       that with a {@link io.strata.core.error.ConflictException}.
 *   <li><b>Errors</b> are {@link io.strata.core.error.StrataException}s: {@link ValidationException}
 *       for a bad argument, {@link io.strata.core.error.AccessDeniedException} for refused
 *       credentials, {@link io.strata.core.error.ServiceUnavailableException} when the backend cannot
 *       be reached, {@link io.strata.core.error.InternalServerException} for other I/O failures.
 * </ul>
 */
public interface BlobStore extends AutoCloseable {

    /**
     * Stores {@code content} under {@code key}, replacing any previous object atomically. The array
     * is not copied: do not change it until the put returns.
     */
    void put(BlobKey key, byte[] content);

    /**
     * Stores exactly {@code length} bytes read from {@code content} under {@code key}, replacing any
     * previous object atomically. The stream is read but not closed. A stream that ends before
     * {@code length} bytes, or has more, is rejected with a {@link ValidationException} and nothing
     * is stored.
     */
    void put(BlobKey key, InputStream content, long length);

    /** The whole object. */
    byte[] get(BlobKey key);

    /**
     * {@code length} bytes of the object starting at {@code offset} (a segment reader's one block).
     * The range must lie inside the object, else {@link ValidationException}.
     */
    byte[] getRange(BlobKey key, long offset, int length);

    boolean exists(BlobKey key);

    /** The object's length in bytes. */
    long size(BlobKey key);

    /**
     * Every key that starts with {@code prefix} (a plain string prefix, see
     * {@link BlobKey#requireValidPrefix}), sorted ascending. Keys put or deleted while the listing
     * runs may or may not appear.
     */
    List<BlobKey> list(String prefix);

    /** Removes the object; succeeds if it does not exist. */
    void delete(BlobKey key);

    /** Releases connections and threads; the store is unusable afterwards. */
    @Override
    void close();
}
