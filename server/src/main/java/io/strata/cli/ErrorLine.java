package io.strata.cli;

import io.strata.client.error.StrataClientException;
import java.util.List;

/**
 * A failure as one line a person can act on, e.g.
 * {@code ValidationException: line 1:8: Column 'x' does not exist}: Timestream's error name, then
 * the server's message with its line breaks folded, so a shell prompt follows right after it.
 */
public final class ErrorLine {
    private ErrorLine() {}

    /** The line for {@code failure} (no line terminator). */
    public static String of(Throwable failure) {
        Throwable cause = failure;
        while (!(cause instanceof StrataClientException) && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof StrataClientException clientFailure) {
            return clientFailure.errorName() + ": " + fold(clientFailure.getMessage());
        }
        String message = failure.getMessage();
        return "Error: " + (message == null ? failure.getClass().getSimpleName() : fold(message));
    }

    /**
     * The line for {@code failure} in a command that connected to {@code endpoints}: when no node
     * answered, it names the endpoints tried (gRPC's own words, e.g. "io exception", do not).
     */
    public static String of(Throwable failure, List<String> endpoints) {
        String line = of(failure);
        return isConnectionFailure(failure) ? line + " (no answer from " + String.join(", ", endpoints) + ")" : line;
    }

    /**
     * Whether {@code failure} means the cluster could not be reached (no node answered, or none in
     * time), as opposed to the request being refused.
     */
    public static boolean isConnectionFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof StrataClientException clientFailure) {
                return switch (clientFailure.grpcCode()) {
                    case UNAVAILABLE, DEADLINE_EXCEEDED -> true;
                    default -> false;
                };
            }
        }
        return false;
    }

    private static String fold(String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
