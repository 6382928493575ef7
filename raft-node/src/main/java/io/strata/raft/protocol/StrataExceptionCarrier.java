package io.strata.raft.protocol;

import io.strata.core.error.StrataException;
import java.util.Optional;

/**
 * Carries a shard's validation rejection from the leader to the client.
 *
 * <p>A rejection in {@code startTransaction} can only travel as a Ratis state machine exception,
 * which Ratis sends as a class name plus a message and rebuilds on the client through a public
 * {@code (String)} constructor. So the carrier's message is the whole {@link StrataExceptionText}.
 */
public final class StrataExceptionCarrier extends Exception {

    /** Used by Ratis's client to rebuild the carrier from the reply. */
    public StrataExceptionCarrier(String text) {
        super(text, null, false, false);
    }

    public static StrataExceptionCarrier of(StrataException exception) {
        return new StrataExceptionCarrier(StrataExceptionText.encode(exception));
    }

    public StrataException toStrataException() {
        return StrataExceptionText.decode(getMessage());
    }

    /**
     * Finds a carried exception anywhere in {@code failure}'s cause chain: the rebuilt carrier
     * itself or, when Ratis could not rebuild it, its class name and text inside a wrapper's
     * message.
     */
    public static Optional<StrataException> findIn(Throwable failure) {
        String marker = StrataExceptionCarrier.class.getName() + StrataExceptionText.SEPARATOR;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StrataExceptionCarrier carrier) {
                return Optional.of(carrier.toStrataException());
            }
            String text = cause.getMessage();
            int at = text == null ? -1 : text.indexOf(marker);
            if (at >= 0) {
                return Optional.of(StrataExceptionText.decode(text.substring(at + marker.length())));
            }
        }
        return Optional.empty();
    }
}
