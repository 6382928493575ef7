package io.strata.query.function.aggregate;

import io.strata.core.error.QueryExecutionException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Reads what {@link PartialStateWriter} wrote; a truncated or foreign state is a query error. Not thread-safe. */
public final class PartialStateReader {
    private final ByteBuffer buffer;

    public PartialStateReader(byte[] partial) {
        this.buffer = ByteBuffer.wrap(partial);
        byte version = readByte();
        if (version != PartialStateWriter.VERSION) {
            throw new QueryExecutionException("partial aggregate state has unknown format version " + version);
        }
    }

    public byte readByte() {
        try {
            return buffer.get();
        } catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    public boolean readBoolean() {
        return readByte() != 0;
    }

    public int readInt() {
        try {
            return buffer.getInt();
        } catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    public long readLong() {
        try {
            return buffer.getLong();
        } catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    public double readDouble() {
        return Double.longBitsToDouble(readLong());
    }

    public String readString() {
        return new String(readBytes(), StandardCharsets.UTF_8);
    }

    public byte[] readBytes() {
        int length = readInt();
        if (length < 0 || length > buffer.remaining()) {
            throw truncated();
        }
        byte[] value = new byte[length];
        buffer.get(value);
        return value;
    }

    private static QueryExecutionException truncated() {
        return new QueryExecutionException("partial aggregate state is truncated");
    }
}
