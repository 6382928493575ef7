package io.strata.client.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.strata.api.v1.AdminServiceGrpc;
import io.strata.api.v1.CreateDatabaseRequest;
import io.strata.api.v1.CreateDatabaseResponse;
import io.strata.api.v1.Database;
import io.strata.api.v1.DeleteDatabaseRequest;
import io.strata.api.v1.DeleteDatabaseResponse;
import io.strata.api.v1.DescribeDatabaseRequest;
import io.strata.api.v1.DescribeDatabaseResponse;
import io.strata.api.v1.ListDatabasesRequest;
import io.strata.api.v1.ListDatabasesResponse;
import io.strata.client.StrataClient;
import io.strata.client.error.StrataClientException;
import io.strata.client.testing.InProcessNode;
import io.strata.client.testing.ServerErrors;
import io.strata.client.transport.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Admin calls map to AdminService, page through lists, carry credentials and deadlines, and decode errors. */
class AdminClientTest {
    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    @Test
    void databasesAreCreatedDescribedListedAcrossPagesAndDeleted() throws InterruptedException {
        CatalogService catalog = new CatalogService();
        try (InProcessNode node = InProcessNode.start(catalog);
                StrataClient client = InProcessNode.clientFor(node).build()) {
            AdminClient admin = client.admin();
            for (String name : List.of("iot", "devops", "fleet", "weather", "billing")) {
                assertThat(admin.createDatabase(name).getDatabaseName()).isEqualTo(name);
            }

            assertThat(admin.describeDatabase("fleet").getArn()).isEqualTo("arn:aws:timestream:local:000000000000:database/fleet");
            assertThat(admin.listDatabases()).extracting(Database::getDatabaseName)
                    .containsExactly("billing", "devops", "fleet", "iot", "weather");
            assertThat(catalog.listCalls).as("5 databases in pages of 2").hasValue(3);

            admin.deleteDatabase("fleet");
            assertThatThrownBy(() -> admin.describeDatabase("fleet"))
                    .isInstanceOfSatisfying(StrataClientException.class, error -> {
                        assertThat(error.errorName()).isEqualTo("ResourceNotFoundException");
                        assertThat(error.httpStatus()).isEqualTo(404);
                        assertThat(error.getMessage()).isEqualTo("The database fleet does not exist.");
                    });
            assertThatThrownBy(() -> admin.createDatabase("iot"))
                    .isInstanceOfSatisfying(StrataClientException.class, error -> assertThat(error.is(StrataClientException.CONFLICT)).isTrue());
        }
    }

    @Test
    void callCredentialsTravelWithEveryCall() throws InterruptedException {
        List<String> seen = new CopyOnWriteArrayList<>();
        ServerInterceptor recordAuthorization = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
                seen.add(String.valueOf(headers.get(AUTHORIZATION)));
                return next.startCall(call, headers);
            }
        };
        CallCredentials bearer = new CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo requestInfo, Executor appExecutor, MetadataApplier applier) {
                Metadata headers = new Metadata();
                headers.put(AUTHORIZATION, "Bearer t0ken");
                applier.apply(headers);
            }
        };
        try (InProcessNode node = InProcessNode.start(List.of(recordAuthorization), new CatalogService());
                StrataClient client = InProcessNode.clientFor(node).callCredentials(bearer).build()) {
            client.admin().createDatabase("iot");
            client.admin().describeDatabase("iot");
        }
        assertThat(seen).containsExactly("Bearer t0ken", "Bearer t0ken");
    }

    @Test
    void eachAttemptHasTheDeadlineAndAMissedDeadlineIsRetried() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        AdminServiceGrpc.AdminServiceImplBase silent = new AdminServiceGrpc.AdminServiceImplBase() {
            @Override
            public void describeDatabase(DescribeDatabaseRequest request, StreamObserver<DescribeDatabaseResponse> responses) {
                calls.incrementAndGet(); // never answers
            }
        };
        try (InProcessNode node = InProcessNode.start(silent);
                StrataClient client = InProcessNode.clientFor(node)
                        .callDeadline(Duration.ofMillis(500))
                        .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5), 2.0, Duration.ofMinutes(1)))
                        .build()) {
            assertThatThrownBy(() -> client.admin().describeDatabase("iot"))
                    .isInstanceOfSatisfying(StrataClientException.class, error -> {
                        assertThat(error.grpcCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
                        assertThat(error.retryable()).isTrue();
                    });
        }
        assertThat(calls).hasValue(3);
    }

    /** A test double of the catalog: databases in a sorted map, listed in pages of two. */
    private static final class CatalogService extends AdminServiceGrpc.AdminServiceImplBase {
        private final Map<String, Database> databases = new TreeMap<>();
        final AtomicInteger listCalls = new AtomicInteger();

        @Override
        public synchronized void createDatabase(CreateDatabaseRequest request, StreamObserver<CreateDatabaseResponse> responses) {
            String name = request.getDatabaseName();
            if (databases.containsKey(name)) {
                responses.onError(ServerErrors.error(Status.Code.ALREADY_EXISTS, "ConflictException", 409, "The database " + name + " already exists."));
                return;
            }
            Database database = Database.newBuilder().setDatabaseName(name).setArn("arn:aws:timestream:local:000000000000:database/" + name).build();
            databases.put(name, database);
            responses.onNext(CreateDatabaseResponse.newBuilder().setDatabase(database).build());
            responses.onCompleted();
        }

        @Override
        public synchronized void describeDatabase(DescribeDatabaseRequest request, StreamObserver<DescribeDatabaseResponse> responses) {
            Database database = databases.get(request.getDatabaseName());
            if (database == null) {
                responses.onError(ServerErrors.error(Status.Code.NOT_FOUND, "ResourceNotFoundException", 404,
                        "The database " + request.getDatabaseName() + " does not exist."));
                return;
            }
            responses.onNext(DescribeDatabaseResponse.newBuilder().setDatabase(database).build());
            responses.onCompleted();
        }

        @Override
        public synchronized void listDatabases(ListDatabasesRequest request, StreamObserver<ListDatabasesResponse> responses) {
            listCalls.incrementAndGet();
            List<Database> all = new ArrayList<>(databases.values());
            int from = request.hasNextToken() ? Integer.parseInt(request.getNextToken()) : 0;
            int to = Math.min(all.size(), from + 2);
            ListDatabasesResponse.Builder page = ListDatabasesResponse.newBuilder().addAllDatabases(all.subList(from, to));
            if (to < all.size()) {
                page.setNextToken(Integer.toString(to));
            }
            responses.onNext(page.build());
            responses.onCompleted();
        }

        @Override
        public synchronized void deleteDatabase(DeleteDatabaseRequest request, StreamObserver<DeleteDatabaseResponse> responses) {
            databases.remove(request.getDatabaseName());
            responses.onNext(DeleteDatabaseResponse.getDefaultInstance());
            responses.onCompleted();
        }
    }
}
