package io.strata.coordinator.query;

import io.strata.core.error.ValidationException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * Where the next page of a query's result starts, as the opaque NextToken a client hands back: the
 * node that ran the query (results live only there), the query id, when the query started (to
 * tell an expired result from an unknown one), a digest of the query string (a token is tied to
 * the exact text) and the row offset. URL-safe Base64 of a small binary record.
 */
record PageToken(String nodeId, String queryId, Instant started, long queryDigest, long offset) {
    private static final byte VERSION = 1;
    static final String INVALID = "Invalid pagination token";

    PageToken {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(queryId, "queryId");
        Objects.requireNonNull(started, "started");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
    }

    String encode() {
        byte[] node = nodeId.getBytes(StandardCharsets.UTF_8);
        byte[] query = queryId.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(1 + 2 + node.length + 2 + query.length + 8 + 4 + 8 + 8)
                .put(VERSION)
                .putShort((short) node.length).put(node)
                .putShort((short) query.length).put(query)
                .putLong(started.getEpochSecond()).putInt(started.getNano())
                .putLong(queryDigest)
                .putLong(offset);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    static PageToken decode(String token) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(Base64.getUrlDecoder().decode(token));
            if (buffer.get() != VERSION) {
                throw malformed();
            }
            String node = string(buffer);
            String query = string(buffer);
            Instant started = Instant.ofEpochSecond(buffer.getLong(), buffer.getInt());
            long digest = buffer.getLong();
            long offset = buffer.getLong();
            if (buffer.hasRemaining() || offset < 0) {
                throw malformed();
            }
            return new PageToken(node, query, started, digest, offset);
        } catch (IllegalArgumentException | java.nio.BufferUnderflowException | java.time.DateTimeException e) {
            throw malformed();
        }
    }

    /** The digest a token carries for {@code queryString}. */
    static long digestOf(String queryString) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(queryString.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash).getLong();
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }

    PageToken at(long newOffset) {
        return new PageToken(nodeId, queryId, started, queryDigest, newOffset);
    }

    private static String string(ByteBuffer buffer) {
        int length = Short.toUnsignedInt(buffer.getShort());
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static ValidationException malformed() {
        return new ValidationException(INVALID + ": the NextToken is not one this service issued.");
    }
}
