package io.strata.raft.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.ConflictException;
import io.strata.core.error.ErrorCode;
import io.strata.core.error.StrataException;
import io.strata.core.error.ValidationException;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftGroupMemberId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.protocol.exceptions.StateMachineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StrataExceptionTextTest {

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyErrorSurvivesTheTripWithItsNameAndMessage(ErrorCode code) {
        String message = "Table cpu: dimension 'host: a' is invalid";

        StrataException decoded = StrataExceptionText.decode(
                StrataExceptionText.encode(new StrataException(code, message)));

        assertThat(decoded.code()).isEqualTo(code);
        assertThat(decoded.getMessage()).isEqualTo(message);
    }

    @Test
    void aSpecificExceptionComesBackAsTheSameClass() {
        StrataException decoded = StrataExceptionText.decode(
                StrataExceptionText.encode(new ValidationException("measure_name is too long")));

        assertThat(decoded).isExactlyInstanceOf(ValidationException.class).hasMessage("measure_name is too long");
    }

    @Test
    void theCarrierIsFoundWhetherRatisRebuiltItOrOnlyKeptItsText() {
        StrataExceptionCarrier carrier = StrataExceptionCarrier.of(new ConflictException("version 2 exists"));
        RaftGroupMemberId member = RaftGroupMemberId.valueOf(RaftPeerId.valueOf("node-0"), RaftGroupId.randomId());

        StateMachineException rebuilt = new StateMachineException(member, carrier);
        StateMachineException textOnly = new StateMachineException(
                StrataExceptionCarrier.class.getName() + ": " + carrier.getMessage());

        assertThat(StrataExceptionCarrier.findIn(rebuilt)).get()
                .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("message", "version 2 exists");
        assertThat(StrataExceptionCarrier.findIn(textOnly)).get()
                .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("message", "version 2 exists");
        assertThat(StrataExceptionCarrier.findIn(new IllegalStateException("other"))).isEmpty();
    }

    @Test
    void aShardReplyCarriesEitherTheResultOrTheRejection() {
        assertThat(ShardReply.decode(ShardReply.success(new byte[] {4, 2}))).containsExactly(4, 2);
        assertThat(ShardReply.decode(ShardReply.success(new byte[0]))).isEmpty();
        assertThatThrownBy(() -> ShardReply.decode(ShardReply.rejection(new ConflictException("duplicate"))))
                .isExactlyInstanceOf(ConflictException.class)
                .hasMessage("duplicate");
    }
}
