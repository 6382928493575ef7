package io.strata.metadata;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.KeeperException;

/**
 * The layout of Strata's metadata in ZooKeeper, under one root (default {@code /strata}):
 * <pre>
 *   members/&lt;node&gt;                 ephemeral, one per live node ({@link NodeRegistration} JSON)
 *   placement                       the cluster's {@code Placement} (JSON), written by the cluster manager
 *   cluster-manager/                the cluster manager's leader latch
 *   catalog/databases/&lt;db&gt;         a database's catalog entry (opaque bytes)
 *   catalog/tables/&lt;db&gt;/&lt;table&gt;   a table's catalog entry (opaque bytes)
 * </pre>
 * Names become path segments through {@link #encodeName}: characters outside
 * {@code [A-Za-z0-9_.-]} (and names made only of dots, which ZooKeeper rejects) are
 * percent-encoded as UTF-8, so any name is a valid, reversible segment.
 */
public record MetadataPaths(String root) {
    public static final String DEFAULT_ROOT = "/strata";

    public MetadataPaths {
        Objects.requireNonNull(root, "root");
        if (!root.startsWith("/") || (root.length() > 1 && root.endsWith("/"))) {
            throw new IllegalArgumentException("root must be an absolute ZooKeeper path, got " + root);
        }
    }

    public static MetadataPaths defaults() {
        return new MetadataPaths(DEFAULT_ROOT);
    }

    public String members() {
        return ZKPaths.makePath(root, "members");
    }

    public String member(String nodeId) {
        return ZKPaths.makePath(members(), encodeName(nodeId));
    }

    public String placement() {
        return ZKPaths.makePath(root, "placement");
    }

    public String clusterManagerLatch() {
        return ZKPaths.makePath(root, "cluster-manager");
    }

    public String catalog() {
        return ZKPaths.makePath(root, "catalog");
    }

    public String databases() {
        return ZKPaths.makePath(catalog(), "databases");
    }

    public String database(String database) {
        return ZKPaths.makePath(databases(), encodeName(database));
    }

    public String tablesRoot() {
        return ZKPaths.makePath(catalog(), "tables");
    }

    public String tablesOf(String database) {
        return ZKPaths.makePath(tablesRoot(), encodeName(database));
    }

    public String table(String database, String table) {
        return ZKPaths.makePath(tablesOf(database), encodeName(table));
    }

    /**
     * Creates the persistent parents every component expects. Idempotent. Persistent, not
     * container nodes: ZooKeeper deletes an emptied container, which would break the catalog's
     * transactions after the last database is dropped.
     */
    public void createParents(CuratorFramework client) throws Exception {
        for (String path : new String[] {members(), clusterManagerLatch(), databases(), tablesRoot()}) {
            try {
                client.create().creatingParentsIfNeeded().forPath(path);
            } catch (KeeperException.NodeExistsException alreadyThere) {
                // another node created it first: fine
            }
        }
    }

    public static String encodeName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("name must not be empty");
        }
        boolean onlyDots = name.chars().allMatch(c -> c == '.');
        StringBuilder encoded = new StringBuilder(name.length());
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-' || (c == '.' && !onlyDots);
            if (plain) {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return encoded.toString();
    }

    public static String decodeName(String segment) {
        return URLDecoder.decode(segment, StandardCharsets.UTF_8);
    }
}
