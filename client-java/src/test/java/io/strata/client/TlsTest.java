package io.strata.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Grpc;
import io.grpc.Server;
import io.grpc.TlsChannelCredentials;
import io.grpc.TlsServerCredentials;
import io.grpc.stub.StreamObserver;
import io.strata.api.v1.AdminServiceGrpc;
import io.strata.api.v1.Database;
import io.strata.api.v1.DescribeDatabaseRequest;
import io.strata.api.v1.DescribeDatabaseResponse;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With channel credentials that trust the server's certificate, calls go over TLS. */
class TlsTest {
    private static final char[] PASSWORD = "changeit".toCharArray();

    @Test
    void callsSucceedOverTlsWithTheServersCertificateTrusted(@TempDir Path directory) throws Exception {
        KeyStore keyStore = selfSignedKeyStore(directory.resolve("server.p12"));
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, PASSWORD);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keyStore);

        Server server = Grpc.newServerBuilderForPort(0, TlsServerCredentials.newBuilder().keyManager(keys.getKeyManagers()).build())
                .addService(new AdminServiceGrpc.AdminServiceImplBase() {
                    @Override
                    public void describeDatabase(DescribeDatabaseRequest request, StreamObserver<DescribeDatabaseResponse> responses) {
                        responses.onNext(DescribeDatabaseResponse.newBuilder()
                                .setDatabase(Database.newBuilder().setDatabaseName(request.getDatabaseName())).build());
                        responses.onCompleted();
                    }
                }).build().start();
        try (StrataClient client = StrataClient.builder().endpoints("localhost:" + server.getPort())
                .channelCredentials(TlsChannelCredentials.newBuilder().trustManager(trust.getTrustManagers()).build())
                .build()) {
            assertThat(client.admin().describeDatabase("secure").getDatabaseName()).isEqualTo("secure");
        } finally {
            server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** A PKCS12 key store with a self-signed certificate for localhost, made by the JDK's keytool. */
    private static KeyStore selfSignedKeyStore(Path file) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        return store;
    }
}
