package io.strata.coordinator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.ErrorCode;
import io.strata.core.error.StrataException;
import io.strata.core.error.ThrottlingException;
import org.junit.jupiter.api.Test;

class WriteAdmissionTest {
    @Test
    void refusesWithThrottlingWhatDoesNotFitNextToTheRequestsInProgress() {
        WriteAdmission admission = new WriteAdmission(1_000);
        admission.admit(600);
        admission.admit(400);

        assertThatThrownBy(() -> admission.admit(1)).isInstanceOf(ThrottlingException.class)
                .satisfies(e -> assertThat(((StrataException) e).code()).isEqualTo(ErrorCode.THROTTLING))
                .hasMessageContaining("limit is 1000");
        assertThat(admission.throttledRequests()).isEqualTo(1);
        assertThat(admission.inFlightBytes()).isEqualTo(1_000);

        admission.release(600);
        admission.admit(500);
        assertThat(admission.inFlightBytes()).isEqualTo(900);
    }

    @Test
    void aRequestLargerThanTheBoundIsTakenWhenNothingElseIsInProgress() {
        WriteAdmission admission = new WriteAdmission(100);
        admission.admit(5_000);

        assertThatThrownBy(() -> admission.admit(1)).isInstanceOf(ThrottlingException.class);
        admission.release(5_000);
        admission.admit(1);
        assertThat(admission.inFlightBytes()).isEqualTo(1);
    }
}
