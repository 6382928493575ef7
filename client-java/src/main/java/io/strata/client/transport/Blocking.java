package io.strata.client.transport;

import io.strata.client.error.ErrorDecoder;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waits for a call's answer on the caller's thread, for the client's blocking methods. */
public final class Blocking {
    private Blocking() {}

    /**
     * The response of {@code call}, waiting as long as it takes (each attempt has a deadline).
     *
     * @throws io.strata.client.error.StrataClientException when the call failed
     */
    public static <R> R await(CompletableFuture<R> call) {
        try {
            return call.join();
        } catch (CompletionException failure) {
            throw ErrorDecoder.decode(failure);
        }
    }
}
