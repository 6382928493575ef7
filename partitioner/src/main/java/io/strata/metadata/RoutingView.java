package io.strata.metadata;

import io.strata.placement.GroupId;
import io.strata.placement.Placement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One immutable snapshot of what a node routes by: the placement and the live members, plus
 * whether the snapshot is known to be stale (the ZooKeeper connection was lost and the view has not
 * been verified since).
 *
 * @param placement  the stored placement, or {@code null} before the cluster manager wrote one
 * @param members    live nodes by node id
 * @param staleSince when the view became stale, or {@code null} while it is fresh
 */
public record RoutingView(Placement placement, Map<String, NodeRegistration> members, Instant staleSince) {
    public RoutingView {
        members = Map.copyOf(members);
    }

    public boolean stale() {
        return staleSince != null;
    }

    public Optional<Placement> placementIfAny() {
        return Optional.ofNullable(placement);
    }

    /** The registrations of {@code group}'s peers that are live, preferred leader first. */
    public List<NodeRegistration> livePeers(GroupId group) {
        if (placement == null || group.index() >= placement.groupCount()) {
            return List.of();
        }
        return placement.group(group).peers().stream()
                .map(members::get).filter(Objects::nonNull).toList();
    }

    RoutingView withStaleSince(Instant since) {
        return new RoutingView(placement, members, since);
    }
}
