package io.strata.raft.protocol;

import io.strata.core.error.StrataException;
import java.nio.charset.StandardCharsets;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.apache.ratis.thirdparty.com.google.protobuf.UnsafeByteOperations;

/**
 * The content of a Raft reply to an applied command or a query: one status byte, then either
 * the shard's result or the {@link StrataExceptionText} of its rejection.
 *
 * <p>A deterministic rejection travels inside a successful reply rather than as a failed apply
 * future: Ratis logs every failed apply as an error and skips its applied-index notification,
 * which is right for bugs and wrong for a user's invalid write.
 */
public final class ShardReply {
    private static final ByteString SUCCESS = ByteString.copyFrom(new byte[] {0});
    private static final ByteString REJECTION = ByteString.copyFrom(new byte[] {1});

    private ShardReply() {}

    /** Wraps {@code result} without copying it: the shard must not modify it afterwards. */
    public static ByteString success(byte[] result) {
        return SUCCESS.concat(UnsafeByteOperations.unsafeWrap(result));
    }

    public static ByteString rejection(StrataException exception) {
        return REJECTION.concat(ByteString.copyFromUtf8(StrataExceptionText.encode(exception)));
    }

    /** The shard's result, or its rejection thrown as the exception the shard threw. */
    public static byte[] decode(ByteString content) {
        if (content.isEmpty()) {
            throw new IllegalArgumentException("a shard reply has at least a status byte");
        }
        ByteString body = content.substring(1);
        return switch (content.byteAt(0)) {
            case 0 -> body.toByteArray();
            case 1 -> throw StrataExceptionText.decode(body.toString(StandardCharsets.UTF_8));
            default -> throw new IllegalArgumentException("unknown shard reply status " + content.byteAt(0));
        };
    }
}
