package io.strata.chaos.check;

import io.strata.chaos.history.History;
import java.util.ArrayList;
import java.util.List;

/** Every checker, run in a fixed order so reports are reproducible. */
public final class CheckSuite {
    private final List<HistoryChecker> checkers;

    public CheckSuite(List<HistoryChecker> checkers) {
        this.checkers = List.copyOf(checkers);
    }

    public static CheckSuite all() {
        return new CheckSuite(List.of(
                new LostWriteChecker(),
                new DuplicateChecker(),
                new PhantomChecker(),
                new VersionOrderChecker(),
                new MonotonicReadChecker(),
                new StaleReadChecker()));
    }

    public List<Violation> check(History history, FinalRead finalRead) {
        List<Violation> violations = new ArrayList<>();
        for (HistoryChecker checker : checkers) {
            violations.addAll(checker.check(history, finalRead));
        }
        return List.copyOf(violations);
    }
}
