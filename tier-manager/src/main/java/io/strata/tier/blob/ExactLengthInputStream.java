package io.strata.tier.blob;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes through exactly the declared number of bytes and fails the read that proves the source
 * shorter or longer. The check happens while the bytes flow, before the store commits the object,
 * so a wrong length never becomes a stored object.
 */
final class ExactLengthInputStream extends FilterInputStream {
    private final long declaredLength;
    private long remaining;
    private volatile String mismatch;

    ExactLengthInputStream(InputStream source, long declaredLength) {
        super(source);
        this.declaredLength = declaredLength;
        this.remaining = declaredLength;
    }

    /** Why the source did not match the declared length, or {@code null} if it has not (yet). */
    String mismatch() {
        return mismatch;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n == -1 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (remaining == 0) {
            return -1;
        }
        int n = in.read(buffer, offset, (int) Math.min(length, remaining));
        if (n == -1) {
            mismatch = "the stream ended after " + (declaredLength - remaining) + " of the declared "
                    + declaredLength + " bytes";
            throw new IOException(mismatch);
        }
        remaining -= n;
        if (remaining == 0 && in.read() != -1) {
            mismatch = "the stream is longer than the declared " + declaredLength + " bytes";
            throw new IOException(mismatch);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skip is not supported");
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(in.available(), remaining);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** The caller owns the source stream: the store reads it but never closes it. */
    @Override
    public void close() {
    }
}
