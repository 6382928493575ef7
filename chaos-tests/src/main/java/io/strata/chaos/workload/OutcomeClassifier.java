package io.strata.chaos.workload;

import io.strata.chaos.history.Phase;
import io.strata.core.error.ErrorCode;
import io.strata.core.error.StrataException;
import java.util.EnumSet;
import java.util.Set;

/**
 * Decides whether a failed call definitely did not happen ({@link Phase#FAIL}) or may have
 * ({@link Phase#INFO}). Only errors the cluster raises before anything is replicated are definite;
 * an internal error or unavailability can follow a Raft append that later commits, and a timeout
 * or a broken connection says nothing at all.
 */
public final class OutcomeClassifier {
    private static final Set<ErrorCode> DEFINITE = EnumSet.of(
            ErrorCode.VALIDATION,
            ErrorCode.REJECTED_RECORDS,
            ErrorCode.RESOURCE_NOT_FOUND,
            ErrorCode.CONFLICT,
            ErrorCode.THROTTLING,
            ErrorCode.SERVICE_QUOTA_EXCEEDED,
            ErrorCode.ACCESS_DENIED,
            ErrorCode.INVALID_ENDPOINT,
            ErrorCode.QUERY_EXECUTION);

    private OutcomeClassifier() {}

    public static Phase classify(Throwable failure) {
        if (failure instanceof StrataException strata && DEFINITE.contains(strata.code())) {
            return Phase.FAIL;
        }
        return Phase.INFO;
    }
}
