package io.strata.cli.admin;

import io.strata.api.v1.CreateTableRequest;
import io.strata.api.v1.Schema;
import io.strata.api.v1.Table;
import io.strata.api.v1.UpdateTableRequest;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code strata admin table create|describe|list|update|delete}. */
@Command(name = "table", mixinStandardHelpOptions = true, description = "Manage tables.")
public final class TableCommand implements Callable<Integer> {
    private static final List<CatalogPrinter.ListColumn> LIST_COLUMNS = List.of(
            new CatalogPrinter.ListColumn("DatabaseName", "DatabaseName", false),
            new CatalogPrinter.ListColumn("TableName", "TableName", false),
            new CatalogPrinter.ListColumn("TableStatus", "TableStatus", false),
            new CatalogPrinter.ListColumn("MemoryHours", "RetentionProperties.MemoryStoreRetentionPeriodInHours", true),
            new CatalogPrinter.ListColumn("MagneticDays", "RetentionProperties.MagneticStoreRetentionPeriodInDays", true),
            new CatalogPrinter.ListColumn("MagneticWrites", "MagneticStoreWriteProperties.EnableMagneticStoreWrites", false),
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

    @Command(name = "create", description = "Create a table.")
    int create(@Parameters(paramLabel = "DATABASE") String database, @Parameters(paramLabel = "TABLE") String table,
            @Mixin TableSettings settings, @Mixin AdminOptions options) {
        CreateTableRequest.Builder create = CreateTableRequest.newBuilder().setDatabaseName(database).setTableName(table);
        try {
            if (settings.hasRetention()) {
                create.setRetentionProperties(settings.retention(null));
            }
            if (settings.hasMagneticWrites()) {
                create.setMagneticStoreWriteProperties(settings.magneticWriteProperties(null));
            }
            Schema schema = settings.schemaForCreate();
            if (schema != null) {
                create.setSchema(schema);
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return admin.call(spec, options,
                request -> request.printer().printOne(CatalogJson.of(request.client().admin().createTable(create.build()))));
    }

    @Command(name = "describe", description = "Show a table.")
    int describe(@Parameters(paramLabel = "DATABASE") String database, @Parameters(paramLabel = "TABLE") String table,
            @Mixin AdminOptions options) {
        return admin.call(spec, options,
                request -> request.printer().printOne(CatalogJson.of(request.client().admin().describeTable(database, table))));
    }

    @Command(name = "list", description = "List the tables of a database, or of all databases.")
    int list(@Parameters(paramLabel = "DATABASE", arity = "0..1") String database, @Mixin AdminOptions options) {
        return admin.call(spec, options, request -> request.printer().printList(
                request.client().admin().listTables(database).stream().map(CatalogJson::of).toList(), LIST_COLUMNS));
    }

    @Command(name = "update", description = "Change a table's retention, magnetic-store writes or partition-key enforcement.")
    int update(@Parameters(paramLabel = "DATABASE") String database, @Parameters(paramLabel = "TABLE") String table,
            @Mixin TableSettings settings, @Mixin AdminOptions options) {
        if (!settings.hasRetention() && !settings.hasMagneticWrites() && settings.enforcement == null && settings.partitionKey == null) {
            throw new ParameterException(spec.commandLine(), "nothing to update: give a retention, magnetic-writes or enforcement option");
        }
        return admin.call(spec, options, request -> {
            // Members given partly (one retention period, the location without the switch) keep the rest as they are.
            Table current = request.client().admin().describeTable(database, table);
            UpdateTableRequest.Builder update = UpdateTableRequest.newBuilder().setDatabaseName(database).setTableName(table);
            try {
                if (settings.hasRetention()) {
                    update.setRetentionProperties(settings.retention(current.getRetentionProperties()));
                }
                if (settings.hasMagneticWrites()) {
                    update.setMagneticStoreWriteProperties(settings.magneticWriteProperties(current.getMagneticStoreWriteProperties()));
                }
                Schema schema = settings.schemaForUpdate(current);
                if (schema != null) {
                    update.setSchema(schema);
                }
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            request.printer().printOne(CatalogJson.of(request.client().admin().updateTable(update.build())));
        });
    }

    @Command(name = "delete", description = "Delete a table and its data, irreversibly.")
    int delete(@Parameters(paramLabel = "DATABASE") String database, @Parameters(paramLabel = "TABLE") String table,
            @Mixin AdminOptions options) {
        return admin.call(spec, options, request -> {
            request.client().admin().deleteTable(database, table);
            request.out().println("Deleted table " + database + "." + table);
        });
    }
}
