package io.strata.query.function.aggregate;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes a partial aggregate state: big-endian primitives and UTF-8 strings. The first byte of
 * every state is a format version so a coordinator can refuse a shard's state it does not know.
 * Not thread-safe; one per serialized group.
 */
public final class PartialStateWriter {
    static final byte VERSION = 1;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(32);
    private final DataOutputStream out = new DataOutputStream(bytes);

    public PartialStateWriter() {
        writeByte(VERSION);
    }

    public PartialStateWriter writeByte(int value) {
        try {
            out.writeByte(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public PartialStateWriter writeBoolean(boolean value) {
        return writeByte(value ? 1 : 0);
    }

    public PartialStateWriter writeInt(int value) {
        try {
            out.writeInt(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public PartialStateWriter writeLong(long value) {
        try {
            out.writeLong(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public PartialStateWriter writeDouble(double value) {
        return writeLong(Double.doubleToRawLongBits(value));
    }

    /** A string of any length (not limited to 64 KiB like {@code writeUTF}). */
    public PartialStateWriter writeString(String value) {
        byte[] utf8 = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        writeInt(utf8.length);
        bytes.writeBytes(utf8);
        return this;
    }

    public PartialStateWriter writeBytes(byte[] value) {
        writeInt(value.length);
        bytes.writeBytes(value);
        return this;
    }

    public byte[] toByteArray() {
        return bytes.toByteArray();
    }
}
