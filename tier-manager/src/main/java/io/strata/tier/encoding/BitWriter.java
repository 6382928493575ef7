package io.strata.tier.encoding;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Appends bit fields, most significant bit first, to a growable {@code byte[]}.
 *
 * <p>Bits gather in a 64-bit accumulator and reach the array one whole word at a time, so writing
 * a value costs a few shifts and, once every 64 bits, one 8-byte store; nothing is allocated per
 * value (the array only grows, by doubling). Not thread-safe: one writer belongs to one encoding
 * thread, and is meant to be {@link #reset() reset} and reused for the next block.
 */
public final class BitWriter {
    private static final VarHandle LONG_BIG_ENDIAN =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private byte[] buffer;
    /** Whole bytes flushed to {@link #buffer}. */
    private int byteCount;
    /** The low {@link #pendingBits} bits are not yet in the buffer; higher bits are stale. */
    private long pending;
    private int pendingBits;

    public BitWriter() {
        this(1024);
    }

    public BitWriter(int initialCapacityBytes) {
        if (initialCapacityBytes < 8) {
            initialCapacityBytes = 8;
        }
        this.buffer = new byte[initialCapacityBytes];
    }

    /** Forgets everything written, keeping the array for reuse. */
    public void reset() {
        byteCount = 0;
        pending = 0;
        pendingBits = 0;
    }

    /** Bits written so far, padding included. */
    public long bitLength() {
        return (long) byteCount * Byte.SIZE + pendingBits;
    }

    /** Appends a single bit. */
    public void writeBit(boolean bit) {
        writeBits(bit ? 1 : 0, 1);
    }

    /**
     * Appends the low {@code count} bits of {@code value} (0..64), most significant first; bits of
     * {@code value} above {@code count} are ignored.
     */
    public void writeBits(long value, int count) {
        if (count == 0) {
            return;
        }
        value &= -1L >>> (Long.SIZE - count);
        int free = Long.SIZE - pendingBits;
        if (count < free) {
            pending = (pending << count) | value;
            pendingBits += count;
            return;
        }
        int rest = count - free;
        // pending << 64 would be a no-op in Java; with pendingBits == 0 there is nothing to keep.
        long word = (pendingBits == 0 ? 0 : pending << free) | (value >>> rest);
        flushWord(word);
        pending = value;
        pendingBits = rest;
    }

    /** Appends {@code value} in 7-bit groups, low group first, each with a continuation bit. */
    public void writeVarLong(long value) {
        while ((value & ~0x7FL) != 0) {
            writeBits((value & 0x7F) | 0x80, 8);
            value >>>= 7;
        }
        writeBits(value, 8);
    }

    /** Pads with zero bits up to the next byte boundary. */
    public void alignToByte() {
        int remainder = pendingBits & 7;
        if (remainder != 0) {
            writeBits(0, 8 - remainder);
        }
    }

    /** Appends {@code length} whole bytes. */
    public void writeBytes(byte[] source, int offset, int length) {
        if ((pendingBits & 7) != 0) {
            for (int i = 0; i < length; i++) {
                writeBits(source[offset + i], 8);
            }
            return;
        }
        drainPendingBytes();
        ensureCapacity(length);
        System.arraycopy(source, offset, buffer, byteCount, length);
        byteCount += length;
    }

    /** Appends everything {@code other} holds, bit for bit (its trailing partial byte included). */
    public void writeAll(BitWriter other) {
        other.drainPendingBytes();
        writeBytes(other.buffer, 0, other.byteCount);
        if (other.pendingBits > 0) {
            writeBits(other.pending, other.pendingBits);
        }
    }

    /** Pads to a byte boundary and returns a copy of the bytes written. */
    public byte[] toByteArray() {
        alignToByte();
        drainPendingBytes();
        return Arrays.copyOf(buffer, byteCount);
    }

    /** Bytes a {@link #toByteArray()} would return now. */
    public int byteLength() {
        return byteCount + (pendingBits + 7) / 8;
    }

    private void flushWord(long word) {
        ensureCapacity(Long.BYTES);
        LONG_BIG_ENDIAN.set(buffer, byteCount, word);
        byteCount += Long.BYTES;
    }

    /** Moves whole pending bytes into the buffer, leaving fewer than 8 pending bits. */
    private void drainPendingBytes() {
        ensureCapacity(Long.BYTES);
        while (pendingBits >= 8) {
            pendingBits -= 8;
            buffer[byteCount++] = (byte) (pending >>> pendingBits);
        }
    }

    private void ensureCapacity(int extraBytes) {
        int needed = byteCount + extraBytes;
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(needed, buffer.length * 2));
        }
    }
}
