package io.strata.cli.admin;

import io.strata.api.v1.CreateDatabaseRequest;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code strata admin database create|describe|list|update|delete}. */
@Command(name = "database", mixinStandardHelpOptions = true, description = "Manage databases.")
public final class DatabaseCommand implements Callable<Integer> {
    private static final List<CatalogPrinter.ListColumn> LIST_COLUMNS = List.of(
            new CatalogPrinter.ListColumn("DatabaseName", "DatabaseName", false),
            new CatalogPrinter.ListColumn("TableCount", "TableCount", true),
            new CatalogPrinter.ListColumn("KmsKeyId", "KmsKeyId", false),
            new CatalogPrinter.ListColumn("CreationTime", "CreationTime", false));

    @ParentCommand
    private AdminCommand admin;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return AdminCommand.OK;
    }

    @Command(name = "create", description = "Create a database.")
    int create(@Parameters(paramLabel = "DATABASE") String name,
            @Option(names = "--kms-key-id", paramLabel = "KEY", description = "KMS key id; default: a service-managed key.") String kmsKeyId,
            @Mixin AdminOptions options) {
        return admin.call(spec, options, request -> {
            CreateDatabaseRequest.Builder create = CreateDatabaseRequest.newBuilder().setDatabaseName(name);
            if (kmsKeyId != null) {
                create.setKmsKeyId(kmsKeyId);
            }
            request.printer().printOne(CatalogJson.of(request.client().admin().createDatabase(create.build())));
        });
    }

    @Command(name = "describe", description = "Show a database.")
    int describe(@Parameters(paramLabel = "DATABASE") String name, @Mixin AdminOptions options) {
        return admin.call(spec, options,
                request -> request.printer().printOne(CatalogJson.of(request.client().admin().describeDatabase(name))));
    }

    @Command(name = "list", description = "List the databases.")
    int list(@Mixin AdminOptions options) {
        return admin.call(spec, options, request -> request.printer().printList(
                request.client().admin().listDatabases().stream().map(CatalogJson::of).toList(), LIST_COLUMNS));
    }

    @Command(name = "update", description = "Change a database's KMS key.")
    int update(@Parameters(paramLabel = "DATABASE") String name,
            @Option(names = "--kms-key-id", paramLabel = "KEY", required = true, description = "The new KMS key id.") String kmsKeyId,
            @Mixin AdminOptions options) {
        return admin.call(spec, options,
                request -> request.printer().printOne(CatalogJson.of(request.client().admin().updateDatabase(name, kmsKeyId))));
    }

    @Command(name = "delete", description = "Delete an empty database.")
    int delete(@Parameters(paramLabel = "DATABASE") String name, @Mixin AdminOptions options) {
        return admin.call(spec, options, request -> {
            request.client().admin().deleteDatabase(name);
            request.out().println("Deleted database " + name);
        });
    }
}
