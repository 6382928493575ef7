package io.strata.coordinator.catalog;

import io.strata.core.error.ValidationException;
import java.util.Objects;
import java.util.Optional;

/**
 * Timestream's resource names for this cluster: {@code arn:aws:timestream:<region>:<account>:database/<db>}
 * and {@code ...:database/<db>/table/<table>}. The region and account are configuration, so ARNs are
 * stable across restarts and identical on every node.
 */
public record ResourceArns(String region, String account) {
    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ACCOUNT = "000000000000";

    public ResourceArns {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(account, "account");
        if (region.isBlank() || account.isBlank() || region.contains(":") || account.contains(":")) {
            throw new IllegalArgumentException("region and account must be non-blank and contain no ':'");
        }
    }

    public static ResourceArns defaults() {
        return new ResourceArns(DEFAULT_REGION, DEFAULT_ACCOUNT);
    }

    public String database(String database) {
        return prefix() + "database/" + database;
    }

    public String table(String database, String table) {
        return database(database) + "/table/" + table;
    }

    /**
     * The database (and table) an ARN of this cluster names.
     *
     * @throws ValidationException if it is not a database or table ARN of this region and account
     */
    public ResourceArn parse(String arn) {
        if (arn == null || arn.isEmpty()) {
            throw new ValidationException("1 validation error detected: Value null at 'resourceARN' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        if (!arn.startsWith(prefix() + "database/")) {
            throw invalid(arn);
        }
        String path = arn.substring(prefix().length() + "database/".length());
        int tableMarker = path.indexOf("/table/");
        if (tableMarker < 0) {
            if (path.isEmpty() || path.contains("/")) {
                throw invalid(arn);
            }
            return new ResourceArn(path, Optional.empty());
        }
        String database = path.substring(0, tableMarker);
        String table = path.substring(tableMarker + "/table/".length());
        if (database.isEmpty() || table.isEmpty() || table.contains("/")) {
            throw invalid(arn);
        }
        return new ResourceArn(database, Optional.of(table));
    }

    private ValidationException invalid(String arn) {
        return new ValidationException("The resource ARN " + arn + " is not a Timestream database or table ARN of "
                + "this endpoint (expected " + prefix() + "database/<database>[/table/<table>]).");
    }

    private String prefix() {
        return "arn:aws:timestream:" + region + ":" + account + ":";
    }

    /** A parsed database ARN ({@code table} empty) or table ARN. */
    public record ResourceArn(String database, Optional<String> table) {
        public ResourceArn {
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(table, "table");
        }
    }
}
