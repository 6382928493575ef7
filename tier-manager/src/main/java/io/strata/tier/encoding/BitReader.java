package io.strata.tier.encoding;

import io.strata.core.error.InternalServerException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Reads bit fields, most significant bit first, in the layout {@link BitWriter} produces.
 *
 * <p>Each read loads the 8 bytes around the current position and shifts the wanted bits out, so
 * reading a value costs one unaligned load and two shifts; nothing is allocated. Reading past the
 * end of the given range means the block is corrupt and throws {@link InternalServerException}.
 * Not thread-safe: one reader per decoding thread.
 */
public final class BitReader {
    private static final VarHandle LONG_BIG_ENDIAN =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final byte[] source;
    private final int startByte;
    private final long limitBit;
    private long position;

    public BitReader(byte[] source) {
        this(source, 0, source.length);
    }

    /** Reads {@code length} bytes of {@code source} starting at {@code offset}. */
    public BitReader(byte[] source, int offset, int length) {
        this.source = Objects.requireNonNull(source, "source");
        Objects.checkFromIndexSize(offset, length, source.length);
        this.startByte = offset;
        this.position = (long) offset * Byte.SIZE;
        this.limitBit = ((long) offset + length) * Byte.SIZE;
    }

    /** Bits consumed since the start of the range. */
    public long bitPosition() {
        return position - (long) startByte * Byte.SIZE;
    }

    /** Bytes consumed since the start of the range, a partial last byte counted as whole. */
    public int bytePosition() {
        return (int) ((bitPosition() + 7) / 8);
    }

    /** Bits left before the end of the range. */
    public long remainingBits() {
        return limitBit - position;
    }

    public boolean readBit() {
        return readBits(1) != 0;
    }

    /** Reads {@code count} bits (0..64) as an unsigned value. */
    public long readBits(int count) {
        if (count <= 56) {
            if (count == 0) {
                return 0;
            }
            long end = position + count;
            if (end > limitBit) {
                throw pastEnd(count);
            }
            long word = loadWord((int) (position >>> 3));
            long bits = (word << (position & 7)) >>> (Long.SIZE - count);
            position = end;
            return bits;
        }
        long high = readBits(32);
        return (high << (count - 32)) | readBits(count - 32);
    }

    /** Reads a value written by {@link BitWriter#writeVarLong(long)}. */
    public long readVarLong() {
        long value = 0;
        for (int shift = 0; shift < Long.SIZE; shift += 7) {
            long group = readBits(8);
            value |= (group & 0x7F) << shift;
            if ((group & 0x80) == 0) {
                return value;
            }
        }
        throw new InternalServerException("Corrupt column block: variable-length number longer than 64 bits");
    }

    /** Skips to the next byte boundary. */
    public void alignToByte() {
        long remainder = position & 7;
        if (remainder != 0) {
            position += 8 - remainder;
            if (position > limitBit) {
                throw pastEnd(0);
            }
        }
    }

    /** Copies {@code length} whole bytes from a byte-aligned position. */
    public void readBytes(byte[] target, int offset, int length) {
        if ((position & 7) != 0) {
            for (int i = 0; i < length; i++) {
                target[offset + i] = (byte) readBits(8);
            }
            return;
        }
        if (position + (long) length * Byte.SIZE > limitBit) {
            throw pastEnd(length * Byte.SIZE);
        }
        System.arraycopy(source, (int) (position >>> 3), target, offset, length);
        position += (long) length * Byte.SIZE;
    }

    private long loadWord(int byteIndex) {
        if (byteIndex + Long.BYTES <= source.length) {
            return (long) LONG_BIG_ENDIAN.get(source, byteIndex);
        }
        long word = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            int index = byteIndex + i;
            word = (word << 8) | (index < source.length ? source[index] & 0xFF : 0);
        }
        return word;
    }

    private InternalServerException pastEnd(int count) {
        return new InternalServerException("Corrupt column block: reading " + count
                + " bits at bit " + bitPosition() + " runs past the end of the block");
    }
}
