package io.strata.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.stub.StreamObserver;
import io.strata.api.v1.AdminServiceGrpc;
import io.strata.api.v1.Database;
import io.strata.api.v1.DescribeDatabaseRequest;
import io.strata.api.v1.DescribeDatabaseResponse;
import io.strata.client.error.StrataClientException;
import io.strata.client.testing.InProcessNode;
import io.strata.client.testing.Records;
import io.strata.client.testing.RecordingWriteService;
import io.strata.client.transport.RetryPolicy;
import io.strata.client.write.RecordWriter;
import io.strata.client.write.RecordWriterSettings;
import io.strata.client.write.WriteResult;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Building, connecting, failing over and closing a client. */
class StrataClientTest {

    @Test
    void theDefaultTransportConnectsInPlaintextToHostAndPort() throws IOException, InterruptedException {
        Server server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create()).addService(new NamingService("netty")).build().start();
        try (StrataClient client = StrataClient.builder().endpoints("127.0.0.1:" + server.getPort()).build()) {
            assertThat(client.admin().describeDatabase("iot").getArn()).isEqualTo("netty/iot");
        } finally {
            server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void withTlsOnAPlaintextServerIsUnavailable() throws IOException, InterruptedException {
        Server server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create()).addService(new NamingService("netty")).build().start();
        try (StrataClient client = StrataClient.builder().endpoints("localhost:" + server.getPort()).tls(true)
                .retryPolicy(RetryPolicy.noRetries()).build()) {
            assertThatThrownBy(() -> client.admin().describeDatabase("iot"))
                    .isInstanceOfSatisfying(StrataClientException.class, error -> assertThat(error.endpointUnavailable()).isTrue());
        } finally {
            server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void endpointsMustBeHostAndPort() {
        assertThatThrownBy(() -> StrataClient.builder().endpoints("localhost")).hasMessage("endpoint 'localhost' is invalid: it is not host:port");
        assertThatThrownBy(() -> StrataClient.builder().endpoints("localhost:http")).hasMessage("endpoint 'localhost:http' is invalid: the port is not a number");
        assertThatThrownBy(() -> StrataClient.builder().endpoints("localhost:70000")).hasMessage("endpoint 'localhost:70000' is invalid: the port is not 1..65535");
        assertThatThrownBy(() -> StrataClient.builder().build()).hasMessageContaining("no endpoints");
        assertThat(StrataClient.builder().endpoints("[::1]:7400", "node-2.example:7400")).isNotNull();
    }

    @Test
    void callsMoveToTheNextEndpointWhenTheirNodeDies() throws InterruptedException {
        try (InProcessNode first = InProcessNode.start(new NamingService("first"));
                InProcessNode second = InProcessNode.start(new NamingService("second"));
                StrataClient client = InProcessNode.clientFor(first, second).build()) {
            assertThat(client.admin().describeDatabase("iot").getArn()).isEqualTo("first/iot");
            first.kill();
            assertThat(client.admin().describeDatabase("iot").getArn()).isEqualTo("second/iot");
            assertThat(client.admin().describeDatabase("fleet").getArn()).isEqualTo("second/fleet");
        }
    }

    @Test
    void closeDrainsWritersAndReleasesChannels() throws InterruptedException {
        List<ManagedChannel> channels = new CopyOnWriteArrayList<>();
        try (RecordingWriteService service = new RecordingWriteService(1, (call, request) -> null);
                InProcessNode node = InProcessNode.start(service)) {
            StrataClient client = InProcessNode.clientFor(node).channelFactory(endpoint -> {
                ManagedChannel channel = InProcessNode.channelTo(endpoint);
                channels.add(channel);
                return channel;
            }).build();
            RecordWriter writer = client.newRecordWriter(RecordWriterSettings.defaults().withLinger(Duration.ofHours(1)));
            CompletableFuture<WriteResult> pending = writer.write("iot", "readings", Records.reading(1));

            client.close();

            assertThat(pending).isCompleted();
            assertThat(service.storedById()).containsKey("1");
            assertThat(channels).hasSize(1).allSatisfy(channel -> assertThat(channel.isTerminated()).isTrue());
            assertThatThrownBy(client::admin).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
            assertThatThrownBy(() -> writer.write("iot", "readings", Records.reading(2))).isInstanceOf(IllegalStateException.class);
            client.close();
        }
    }

    /** Answers DescribeDatabase with an ARN naming the node, so a test sees which node answered. */
    private static final class NamingService extends AdminServiceGrpc.AdminServiceImplBase {
        private final String node;

        NamingService(String node) {
            this.node = node;
        }

        @Override
        public void describeDatabase(DescribeDatabaseRequest request, StreamObserver<DescribeDatabaseResponse> responses) {
            responses.onNext(DescribeDatabaseResponse.newBuilder()
                    .setDatabase(Database.newBuilder().setDatabaseName(request.getDatabaseName()).setArn(node + "/" + request.getDatabaseName()))
                    .build());
            responses.onCompleted();
        }
    }
}
