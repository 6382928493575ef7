package io.strata.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.core.time.IngestionDecision;
import io.strata.core.time.IngestionWindow;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Timestream's reason texts fall into the bounded classes the rejection counter is labelled by. */
class RejectionReasonTest {
    @Test
    void timestreamsVerbatimReasonsAreClassified() {
        assertThat(RejectionReason.classify("The record timestamp is outside the time range [2023-02-13T19:22:45.051Z, "
                + "2023-02-20T20:02:45.051Z) of the memory store.")).isEqualTo(RejectionReason.OUTSIDE_TIME_WINDOW);
        assertThat(RejectionReason.classify("The record version 2 is lower than the existing version 200. A higher "
                + "version is required to update the measure value.")).isEqualTo(RejectionReason.VERSION_CONFLICT);
        assertThat(RejectionReason.classify("A record already exists with the same time, dimensions, measure name, and "
                + "record version. A higher record version must be specified in order to update the measure value. "
                + "Specifying record version is supported by the latest SDKs."))
                .isEqualTo(RejectionReason.VERSION_CONFLICT);
        assertThat(RejectionReason.classify("The record does not have the dimension 'host', which is the table's "
                + "required partition key.")).isEqualTo(RejectionReason.INVALID_RECORD);
    }

    @Test
    void theIngestionWindowsOwnRejectionsAreOutsideTheTimeWindow() {
        IngestionWindow window = new IngestionWindow(Duration.ofHours(2), Duration.ofDays(1), false);
        long now = Duration.ofDays(20_000).toNanos();
        IngestionDecision tooOld = window.classify(now - Duration.ofHours(3).toNanos(), now);
        IngestionDecision tooNew = window.classify(now + Duration.ofHours(1).toNanos(), now);

        assertThat(tooOld.accepted()).isFalse();
        assertThat(RejectionReason.classify(tooOld.reason())).isEqualTo(RejectionReason.OUTSIDE_TIME_WINDOW);
        assertThat(RejectionReason.classify(tooNew.reason())).isEqualTo(RejectionReason.OUTSIDE_TIME_WINDOW);
    }

    @Test
    void labelsAreLowerCaseWords() {
        assertThat(RejectionReason.OUTSIDE_TIME_WINDOW.label()).isEqualTo("outside_time_window");
        assertThat(WriteOutcome.REJECTED_RECORDS.label()).isEqualTo("rejected_records");
    }
}
