package io.strata.chaos.check;

import io.strata.chaos.history.History;
import java.util.List;

/**
 * One consistency property checked over a history and the final read.
 *
 * <p>Contract: a pure function — no I/O, no clock, no shared state — so implementations are safe
 * to call from any thread, any number of times, with the same answer for the same input. Violations
 * come back in a deterministic order (history order) so that replaying a run prints the same report.
 * Operations whose outcome is unknown ({@code INFO}) may have taken effect or not: a checker accepts
 * both.
 */
public interface HistoryChecker {
    List<Violation> check(History history, FinalRead finalRead);
}
