package io.strata.metadata;

import io.strata.core.error.ServiceUnavailableException;
import io.strata.placement.Placement;
import java.io.Closeable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every node's local view of the cluster metadata (placement, live members, catalog), fed by three
 * {@link CuratorCache}s (members, placement, catalog), so routing never waits on ZooKeeper.
 *
 * <h2>Staleness</h2>
 * The view is <b>stale</b> from start until the caches have loaded, and from the moment the
 * connection is SUSPENDED or LOST until it is back <i>and</i> the caches have been checked against
 * ZooKeeper: after a reconnect the caches rebuild in the background, so this class walks the
 * watched subtrees itself and clears the flag only when every znode's presence and version match
 * the cache (rechecking every {@value #RECHECK_MILLIS} ms until they do). Policy for callers:
 * <ul>
 *   <li><b>writes and DDL route through {@link #routableView()}</b>, which refuses a stale view
 *       with {@link ServiceUnavailableException} (retryable): a placement missed while
 *       disconnected could send a batch to a group that moved;</li>
 *   <li><b>query fan-out may use {@link #readableView(Duration)}</b>: a stale placement at worst
 *       names a peer that no longer hosts the group, which Raft's read-index then refuses, so a
 *       bounded staleness is safe;</li>
 *   <li><b>catalog reads ({@link #database}, {@link #table}, listings) always answer from the last
 *       known state</b>, stale or not: catalog entries change rarely, only through ZooKeeper, and
 *       Timestream's own Describe/List calls are eventually consistent.</li>
 * </ul>
 *
 * <h2>Ordering and threading</h2>
 * Cache events arrive on Curator's single event thread in the order the cache applied them; the
 * cache may coalesce rapid changes (only the latest version of a znode is seen). View snapshots
 * are rebuilt on that thread and published through a volatile field: readers on any thread see a
 * whole snapshot, never a half-applied one, and a later snapshot never goes back to an older
 * placement (placement epochs only grow). All public methods are thread-safe and non-blocking.
 */
public final class RoutingCache implements Closeable {
    static final long RECHECK_MILLIS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(RoutingCache.class);

    private final CuratorFramework client;
    private final MetadataPaths paths;
    private final Clock clock;
    private final CuratorCache membersCache;
    private final CuratorCache placementCache;
    private final CuratorCache catalogCache;
    private final ScheduledExecutorService verifier;
    private final AtomicInteger uninitializedCaches = new AtomicInteger(3);
    private final Object transitions = new Object();
    /** Bumped on every connection loss; a verification started before a loss must not clear staleness. */
    private volatile long connectionGeneration;
    private volatile RoutingView view;
    private final ConnectionStateListener connectionListener = (ignored, state) -> onConnectionState(state);

    public RoutingCache(CuratorFramework client, MetadataPaths paths, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.paths = Objects.requireNonNull(paths, "paths");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.membersCache = CuratorCache.build(client, paths.members());
        this.placementCache = CuratorCache.build(client, paths.placement(), CuratorCache.Options.SINGLE_NODE_CACHE);
        this.catalogCache = CuratorCache.build(client, paths.catalog());
        this.verifier = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("routing-cache-verifier").daemon().factory());
        this.view = new RoutingView(null, Map.of(), clock.instant());
    }

    public void start() throws Exception {
        paths.createParents(client);
        client.getConnectionStateListenable().addListener(connectionListener);
        for (CuratorCache cache : List.of(membersCache, placementCache, catalogCache)) {
            cache.listenable().addListener(CuratorCacheListener.builder()
                    .forAll((type, before, after) -> {
                        if (cache != catalogCache) {
                            rebuildView();
                        }
                    })
                    .forInitialized(this::onCacheInitialized)
                    .build());
            cache.start();
        }
    }

    /** Whether the last known view may miss changes (see the class comment). */
    public boolean stale() {
        return view.stale();
    }

    /** The last known view, stale or not. */
    public RoutingView view() {
        return view;
    }

    /** The view, only if it is fresh: for routing writes and DDL. */
    public RoutingView routableView() {
        RoutingView current = view;
        if (current.stale()) {
            throw new ServiceUnavailableException("Cluster metadata is unavailable (ZooKeeper connection "
                    + "lost since " + current.staleSince() + "); retry shortly.");
        }
        return current;
    }

    /** The view if it is fresh or has been stale for at most {@code maxStaleness}: for query fan-out. */
    public RoutingView readableView(Duration maxStaleness) {
        RoutingView current = view;
        if (current.stale() && Duration.between(current.staleSince(), clock.instant()).compareTo(maxStaleness) > 0) {
            throw new ServiceUnavailableException("Cluster metadata has been unavailable since "
                    + current.staleSince() + ", longer than " + maxStaleness + "; retry shortly.");
        }
        return current;
    }

    /** The last known catalog entry of {@code database}, if it exists. */
    public Optional<VersionedEntry> database(String database) {
        return catalogCache.get(paths.database(database)).map(RoutingCache::entryOf);
    }

    /** The last known catalog entry of {@code database.table}, if it exists. */
    public Optional<VersionedEntry> table(String database, String table) {
        return catalogCache.get(paths.table(database, table)).map(RoutingCache::entryOf);
    }

    /** The last known database names, ascending. */
    public List<String> databaseNames() {
        return childNames(paths.databases());
    }

    /** The last known table names of {@code database}, ascending. */
    public List<String> tableNames(String database) {
        return childNames(paths.tablesOf(database));
    }

    private List<String> childNames(String parent) {
        return catalogCache.stream()
                .map(ChildData::getPath)
                .filter(path -> ZKPaths.getPathAndNode(path).getPath().equals(parent))
                .map(path -> MetadataPaths.decodeName(ZKPaths.getNodeFromPath(path)))
                .sorted()
                .toList();
    }

    private static VersionedEntry entryOf(ChildData data) {
        return new VersionedEntry(data.getData() == null ? new byte[0] : data.getData(), data.getStat().getVersion());
    }

    private void onConnectionState(ConnectionState state) {
        switch (state) {
            case SUSPENDED, LOST, READ_ONLY -> {
                synchronized (transitions) {
                    connectionGeneration++;
                    if (!view.stale()) {
                        view = view.withStaleSince(clock.instant());
                        LOG.info("routing view stale: ZooKeeper connection {}", state);
                    }
                }
            }
            case CONNECTED, RECONNECTED -> {
                if (uninitializedCaches.get() == 0) {
                    scheduleVerification(connectionGeneration, 0);
                }
            }
        }
    }

    private void onCacheInitialized() {
        if (uninitializedCaches.decrementAndGet() == 0) {
            rebuildView();
            scheduleVerification(connectionGeneration, 0);
        }
    }

    private void scheduleVerification(long generation, long delayMillis) {
        try {
            verifier.schedule(() -> verify(generation), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // closing
        }
    }

    private void verify(long generation) {
        if (generation != connectionGeneration || !view.stale()) {
            return;
        }
        if (!client.getZookeeperClient().isConnected()) {
            return; // the next CONNECTED/RECONNECTED schedules another verification
        }
        boolean matches;
        try {
            matches = cacheMatchesZooKeeper(membersCache, paths.members(), true)
                    && cacheMatchesZooKeeper(placementCache, paths.placement(), false)
                    && cacheMatchesZooKeeper(catalogCache, paths.catalog(), true);
        } catch (Exception e) {
            LOG.debug("routing view verification failed, retrying", e);
            matches = false;
        }
        if (matches) {
            synchronized (transitions) {
                if (generation == connectionGeneration && view.stale()) {
                    rebuildView();
                    view = view.withStaleSince(null);
                    LOG.info("routing view fresh again");
                }
            }
        } else if (generation == connectionGeneration) {
            scheduleVerification(generation, RECHECK_MILLIS);
        }
    }

    private boolean cacheMatchesZooKeeper(CuratorCache cache, String root, boolean recursive) throws Exception {
        Map<String, Integer> stored = new HashMap<>();
        walk(root, recursive, stored);
        Map<String, Integer> cached = new HashMap<>();
        cache.stream().forEach(data -> cached.put(data.getPath(), data.getStat().getVersion()));
        return stored.equals(cached);
    }

    private void walk(String path, boolean recursive, Map<String, Integer> versions) throws Exception {
        Stat stat = client.checkExists().forPath(path);
        if (stat == null) {
            return;
        }
        versions.put(path, stat.getVersion());
        if (recursive && stat.getNumChildren() > 0) {
            List<String> children;
            try {
                children = client.getChildren().forPath(path);
            } catch (KeeperException.NoNodeException gone) {
                return;
            }
            for (String child : children) {
                walk(ZKPaths.makePath(path, child), true, versions);
            }
        }
    }

    /** Under the lock, so two threads rebuilding at once cannot publish an older read last. */
    private void rebuildView() {
        synchronized (transitions) {
            Map<String, NodeRegistration> members = new TreeMap<>();
            membersCache.stream()
                    .filter(data -> !data.getPath().equals(paths.members()) && data.getData() != null)
                    .forEach(data -> {
                        NodeRegistration registration = NodeRegistration.fromBytes(data.getData());
                        members.put(registration.nodeId(), registration);
                    });
            Placement placement = placementCache.get(paths.placement())
                    .filter(data -> data.getData() != null && data.getData().length > 0)
                    .map(data -> PlacementCodec.fromBytes(data.getData()))
                    .orElse(null);
            Placement known = view.placement();
            if (placement != null && known != null && known.epoch() > placement.epoch()) {
                placement = known; // a coalesced or reordered read never moves the view backwards
            }
            view = new RoutingView(placement, members, view.staleSince());
        }
    }

    @Override
    public void close() {
        client.getConnectionStateListenable().removeListener(connectionListener);
        verifier.shutdownNow();
        catalogCache.close();
        placementCache.close();
        membersCache.close();
    }
}
