package io.strata.client.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Metadata;
import io.grpc.Status;
import io.strata.api.v1.ErrorDetail;
import io.strata.client.testing.ServerErrors;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** What a client learns from a failed call: Timestream's error, and whether to retry or fail over. */
class ErrorDecoderTest {

    @ParameterizedTest
    @CsvSource({
        "ValidationException, INVALID_ARGUMENT, 400, false",
        "ResourceNotFoundException, NOT_FOUND, 404, false",
        "ConflictException, ALREADY_EXISTS, 409, false",
        "ThrottlingException, RESOURCE_EXHAUSTED, 429, true",
        "ServiceQuotaExceededException, RESOURCE_EXHAUSTED, 402, false",
        "AccessDeniedException, PERMISSION_DENIED, 403, false",
        "ServiceUnavailableException, UNAVAILABLE, 503, true",
        "InternalServerException, INTERNAL, 500, true",
        "QueryExecutionException, FAILED_PRECONDITION, 400, false",
    })
    void theErrorDetailNamesTheErrorAndDecidesRetries(String name, Status.Code code, int httpStatus, boolean retryable) {
        StrataClientException error = ErrorDecoder.decode(ServerErrors.error(code, name, httpStatus, "the message"));

        assertThat(error.errorName()).isEqualTo(name);
        assertThat(error.getMessage()).isEqualTo("the message");
        assertThat(error.httpStatus()).isEqualTo(httpStatus);
        assertThat(error.grpcCode()).isEqualTo(code);
        assertThat(error.retryable()).isEqualTo(retryable);
        assertThat(error.endpointUnavailable()).isEqualTo(code == Status.Code.UNAVAILABLE);
    }

    @Test
    void rejectedRecordsCarryIndexReasonAndExistingVersion() {
        StrataClientException error = ErrorDecoder.decode(new CompletionException(ServerErrors.rejected(List.of(
                io.strata.api.v1.RejectedRecord.newBuilder().setRecordIndex(0).setReason("too old").build(),
                io.strata.api.v1.RejectedRecord.newBuilder().setRecordIndex(4).setReason("version").setExistingVersion(200).build()))));

        assertThat(error).isInstanceOfSatisfying(RejectedRecordsException.class, rejected -> {
            assertThat(rejected.httpStatus()).isEqualTo(419);
            assertThat(rejected.retryable()).isFalse();
            assertThat(rejected.getMessage()).isEqualTo("One or more records have been rejected. See RejectedRecords for details.");
            assertThat(rejected.rejectedRecords()).containsExactly(
                    new RejectedRecord(0, "too old", OptionalLong.empty()),
                    new RejectedRecord(4, "version", OptionalLong.of(200)));
        });
    }

    @ParameterizedTest
    @CsvSource({
        "UNAVAILABLE, ServiceUnavailableException, 503, true",
        "DEADLINE_EXCEEDED, ServiceUnavailableException, 503, true",
        "INTERNAL, InternalServerException, 500, true",
        "UNKNOWN, InternalServerException, 500, true",
        "RESOURCE_EXHAUSTED, ThrottlingException, 429, true",
        "INVALID_ARGUMENT, ValidationException, 400, false",
        "UNAUTHENTICATED, AccessDeniedException, 403, false",
        "CANCELLED, InternalServerException, 500, false",
    })
    void aFailureWithoutDetailIsJudgedByItsCode(Status.Code code, String name, int httpStatus, boolean retryable) {
        StrataClientException error = ErrorDecoder.decode(Status.fromCode(code).withDescription("transport said no").asRuntimeException());

        assertThat(error.errorName()).isEqualTo(name);
        assertThat(error.httpStatus()).isEqualTo(httpStatus);
        assertThat(error.retryable()).isEqualTo(retryable);
        assertThat(error.getMessage()).isEqualTo("transport said no");
    }

    @Test
    void anEmptyDetailCountsAsNoDetail() {
        Metadata trailers = new Metadata();
        trailers.put(ErrorDecoder.ERROR_DETAIL_KEY, ErrorDetail.getDefaultInstance());

        StrataClientException error = ErrorDecoder.decode(Status.UNAVAILABLE.asRuntimeException(trailers));

        assertThat(error.errorName()).isEqualTo("ServiceUnavailableException");
        assertThat(error.getMessage()).isEqualTo("gRPC status UNAVAILABLE");
        assertThat(error.retryable()).isTrue();
    }
}
