package io.strata.partition;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * xxHash64 (Yann Collet's XXH64, specification at github.com/Cyan4973/xxHash, doc/xxhash_spec.md),
 * streaming, with a UTF-8 encoder built in so hashing a {@code String} allocates nothing.
 *
 * <p>Partition placement depends on this function returning the same value on every JVM, every
 * platform and every Strata version: it is a published algorithm over explicit little-endian
 * bytes, never {@link String#hashCode()} or anything JVM-specific. Known vectors are pinned in the
 * tests; changing the output is a data-format change.
 *
 * <p>Not thread-safe: one instance per thread (see {@link PartitionFunction}). {@link #reset(long)}
 * makes an instance reusable.
 */
public final class XxHash64 {
    private static final long PRIME1 = 0x9E3779B185EBCA87L;
    private static final long PRIME2 = 0xC2B2AE3D27D4EB4FL;
    private static final long PRIME3 = 0x165667B19E3779F9L;
    private static final long PRIME4 = 0x85EBCA77C2B2AE63L;
    private static final long PRIME5 = 0x27D4EB2F165667C5L;
    private static final int STRIPE = 32;
    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_LE =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] buffer = new byte[STRIPE];
    private int buffered;
    private long totalLength;
    private long seed;
    private long accumulator1;
    private long accumulator2;
    private long accumulator3;
    private long accumulator4;

    public XxHash64() {
        reset(0);
    }

    /** The XXH64 of {@code bytes} with seed 0. */
    public static long hash(byte[] bytes) {
        return new XxHash64().update(bytes, 0, bytes.length).digest();
    }

    /** Starts a new hash with {@code seed}. */
    public XxHash64 reset(long seed) {
        this.seed = seed;
        accumulator1 = seed + PRIME1 + PRIME2;
        accumulator2 = seed + PRIME2;
        accumulator3 = seed;
        accumulator4 = seed - PRIME1;
        buffered = 0;
        totalLength = 0;
        return this;
    }

    public XxHash64 update(byte value) {
        buffer[buffered++] = value;
        totalLength++;
        if (buffered == STRIPE) {
            consumeStripe();
        }
        return this;
    }

    public XxHash64 update(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            update(bytes[i]);
        }
        return this;
    }

    /** Feeds the four bytes of {@code value}, big-endian (a length prefix, say). */
    public XxHash64 updateInt(int value) {
        return update((byte) (value >>> 24)).update((byte) (value >>> 16)).update((byte) (value >>> 8)).update((byte) value);
    }

    /**
     * Feeds the UTF-8 encoding of {@code text}, exactly the bytes of
     * {@code text.toString().getBytes(UTF_8)} (an unpaired surrogate becomes {@code '?'}, as there).
     */
    public XxHash64 updateUtf8(CharSequence text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                update((byte) c);
            } else if (c < 0x800) {
                update((byte) (0xC0 | (c >> 6))).update((byte) (0x80 | (c & 0x3F)));
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                update((byte) (0xF0 | (codePoint >> 18)))
                        .update((byte) (0x80 | ((codePoint >> 12) & 0x3F)))
                        .update((byte) (0x80 | ((codePoint >> 6) & 0x3F)))
                        .update((byte) (0x80 | (codePoint & 0x3F)));
            } else if (Character.isSurrogate(c)) {
                update((byte) '?');
            } else {
                update((byte) (0xE0 | (c >> 12)))
                        .update((byte) (0x80 | ((c >> 6) & 0x3F)))
                        .update((byte) (0x80 | (c & 0x3F)));
            }
        }
        return this;
    }

    /** The number of bytes {@link #updateUtf8} feeds for {@code text}. */
    public static int utf8Length(CharSequence text) {
        int bytes = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes += 1;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** The hash of everything fed since the last reset; does not change the state. */
    public long digest() {
        long hash;
        if (totalLength >= STRIPE) {
            hash = Long.rotateLeft(accumulator1, 1) + Long.rotateLeft(accumulator2, 7)
                    + Long.rotateLeft(accumulator3, 12) + Long.rotateLeft(accumulator4, 18);
            hash = mergeRound(hash, accumulator1);
            hash = mergeRound(hash, accumulator2);
            hash = mergeRound(hash, accumulator3);
            hash = mergeRound(hash, accumulator4);
        } else {
            hash = seed + PRIME5;
        }
        hash += totalLength;
        int position = 0;
        while (position + 8 <= buffered) {
            hash ^= round(0, (long) LONG_LE.get(buffer, position));
            hash = Long.rotateLeft(hash, 27) * PRIME1 + PRIME4;
            position += 8;
        }
        if (position + 4 <= buffered) {
            hash ^= (Integer.toUnsignedLong((int) INT_LE.get(buffer, position))) * PRIME1;
            hash = Long.rotateLeft(hash, 23) * PRIME2 + PRIME3;
            position += 4;
        }
        while (position < buffered) {
            hash ^= (buffer[position] & 0xFFL) * PRIME5;
            hash = Long.rotateLeft(hash, 11) * PRIME1;
            position++;
        }
        hash ^= hash >>> 33;
        hash *= PRIME2;
        hash ^= hash >>> 29;
        hash *= PRIME3;
        hash ^= hash >>> 32;
        return hash;
    }

    private void consumeStripe() {
        accumulator1 = round(accumulator1, (long) LONG_LE.get(buffer, 0));
        accumulator2 = round(accumulator2, (long) LONG_LE.get(buffer, 8));
        accumulator3 = round(accumulator3, (long) LONG_LE.get(buffer, 16));
        accumulator4 = round(accumulator4, (long) LONG_LE.get(buffer, 24));
        buffered = 0;
    }

    private static long round(long accumulator, long input) {
        accumulator += input * PRIME2;
        accumulator = Long.rotateLeft(accumulator, 31);
        return accumulator * PRIME1;
    }

    private static long mergeRound(long hash, long accumulator) {
        hash ^= round(0, accumulator);
        return hash * PRIME1 + PRIME4;
    }
}
