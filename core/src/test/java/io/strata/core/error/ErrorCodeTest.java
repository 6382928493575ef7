package io.strata.core.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {
    @Test
    void errorNamesAndStatusesAreTimestreams() {
        assertThat(ErrorCode.VALIDATION.errorName()).isEqualTo("ValidationException");
        assertThat(ErrorCode.VALIDATION.httpStatus()).isEqualTo(400);
        assertThat(ErrorCode.REJECTED_RECORDS.httpStatus()).isEqualTo(419);
        assertThat(ErrorCode.THROTTLING.httpStatus()).isEqualTo(429);
        assertThat(ErrorCode.RESOURCE_NOT_FOUND.httpStatus()).isEqualTo(404);
        assertThat(ErrorCode.fromErrorName("ConflictException")).isEqualTo(ErrorCode.CONFLICT);
        assertThat(ErrorCode.fromErrorName("NoSuchThing")).isEqualTo(ErrorCode.INTERNAL_SERVER);
    }

    @Test
    void onlyTransientErrorsAreRetryable() {
        assertThat(ErrorCode.THROTTLING.retryable()).isTrue();
        assertThat(ErrorCode.SERVICE_UNAVAILABLE.retryable()).isTrue();
        assertThat(ErrorCode.VALIDATION.retryable()).isFalse();
        assertThat(ErrorCode.REJECTED_RECORDS.retryable()).isFalse();
    }

    @Test
    void rejectedRecordsAreOrderedByIndexAndCarryTimestreamsMessage() {
        var exception = new RejectedRecordsException(List.of(
                RejectedRecord.of(3, "b"), RejectedRecord.withExistingVersion(1, "a", 7)));
        assertThat(exception.getMessage()).isEqualTo(
                "One or more records have been rejected. See RejectedRecords for details.");
        assertThat(exception.rejectedRecords()).extracting(RejectedRecord::recordIndex).containsExactly(1, 3);
        assertThat(exception.rejectedRecords().getFirst().existingVersion()).hasValue(7);
        assertThatThrownBy(() -> new RejectedRecordsException(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
