package io.strata.raft.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.raft.NodeEndpoint;
import java.nio.file.Path;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.junit.jupiter.api.Test;

class RaftNodeSettingsTest {
    private static final NodeEndpoint ENDPOINT = new NodeEndpoint("node-a", "127.0.0.1", 7410);

    @Test
    void logWriteSettingsReachRatisUnderItsKeys() {
        RaftLogWriteSettings writes = new RaftLogWriteSettings(16L * 1024 * 1024, 64, true, 2L * 1024 * 1024, 500);
        RaftProperties properties = RaftNodeSettings.defaults(ENDPOINT, Path.of("raft"))
                .withLogSegmentSizeBytes(64L * 1024 * 1024)
                .withLogWrites(writes)
                .toRaftProperties();

        assertThat(RaftServerConfigKeys.Log.writeBufferSize(properties).getSize()).isEqualTo(16L * 1024 * 1024);
        assertThat(RaftServerConfigKeys.Log.forceSyncNum(properties)).isEqualTo(64);
        assertThat(RaftServerConfigKeys.Log.asyncFlushEnabled(properties)).isTrue();
        assertThat(RaftServerConfigKeys.Log.Appender.bufferByteLimit(properties).getSize()).isEqualTo(2L * 1024 * 1024);
        assertThat(RaftServerConfigKeys.Log.Appender.bufferElementLimit(properties)).isEqualTo(500);
        assertThat(RaftServerConfigKeys.Log.segmentSizeMax(properties).getSize()).isEqualTo(64L * 1024 * 1024);
    }

    @Test
    void neverAcknowledgesBeforeTheForce() {
        for (boolean async : new boolean[] {true, false}) {
            RaftProperties properties = RaftNodeSettings.defaults(ENDPOINT, Path.of("raft"))
                    .withLogWrites(RaftLogWriteSettings.defaults().withAsyncFlush(async))
                    .toRaftProperties();
            assertThat(RaftServerConfigKeys.Log.unsafeFlushEnabled(properties)).isFalse();
            assertThat(RaftServerConfigKeys.Log.asyncFlushEnabled(properties)).isEqualTo(async);
        }
    }

    @Test
    void defaultsKeepRatisInternalConstraints() {
        RaftLogWriteSettings defaults = RaftLogWriteSettings.defaults();
        // Ratis refuses to start a log whose write buffer cannot hold its largest entry.
        assertThat(defaults.writeBufferBytes()).isGreaterThanOrEqualTo(defaults.appenderBufferBytes() + 8);
        assertThat(RaftNodeSettings.defaults(ENDPOINT, Path.of("raft")).logWrites()).isEqualTo(defaults);
    }

    @Test
    void rejectsAWriteBufferSmallerThanTheLargestEntry() {
        assertThatThrownBy(() -> new RaftLogWriteSettings(4L * 1024 * 1024, 128, false, 4L * 1024 * 1024, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("writeBufferBytes");
        assertThatThrownBy(() -> new RaftLogWriteSettings(64L * 1024 * 1024, 128, false, 40L * 1024 * 1024, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("appenderBufferBytes");
        assertThatThrownBy(() -> RaftLogWriteSettings.defaults().withForceSyncEntries(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("forceSyncEntries");
    }
}
