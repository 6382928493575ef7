package io.strata.chaos.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.chaos.history.Operation;
import io.strata.chaos.history.RecordKey;
import io.strata.chaos.history.RecordVersion;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class LinearizableHistoryProperties {

    @Provide
    Arbitrary<LinearizableHistoryGenerator.Generated> histories() {
        return Arbitraries.randomValue(LinearizableHistoryGenerator::generate);
    }

    @Property(tries = 300)
    void linearizableHistoryPassesEveryChecker(@ForAll("histories") LinearizableHistoryGenerator.Generated run) {
        assertThat(CheckSuite.all().check(run.history(), run.finalRead())).isEmpty();
    }

    @Property(tries = 300)
    void droppingOneAcknowledgedWriteFromTheFinalReadIsCaught(
            @ForAll("histories") LinearizableHistoryGenerator.Generated run, @ForAll int pick) {
        List<Operation> acknowledgedWrites = run.history().operations().stream()
                .filter(operation -> operation.isWrite() && operation.acknowledged())
                .toList();
        Assume.that(!acknowledgedWrites.isEmpty());
        Operation dropped = acknowledgedWrites.get(Math.floorMod(pick, acknowledgedWrites.size()));
        RecordKey droppedKey = dropped.record().key();
        List<RecordVersion> remaining = run.finalRead().records().stream()
                .filter(record -> !record.key().equals(droppedKey))
                .toList();

        List<Violation> violations = new LostWriteChecker().check(run.history(), new FinalRead(remaining));

        assertThat(violations)
                .filteredOn(violation -> violation.kind() == ViolationKind.LOST_WRITE)
                .flatExtracting(Violation::operationIds)
                .contains(dropped.id());
    }
}
