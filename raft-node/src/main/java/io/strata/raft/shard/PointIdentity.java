package io.strata.raft.shard;

import com.google.protobuf.ByteString;
import io.strata.internal.v1.StoredRecord;
import java.nio.charset.StandardCharsets;

/**
 * The identity of a stored point as bytes: table incarnation, sorted dimensions, measure name and
 * time. Two records with equal identities are the same point (Timestream's duplicate rule).
 * Deterministic: the same record gives the same bytes on every replica.
 */
final class PointIdentity {
    private PointIdentity() {}

    static ByteString of(String tableId, StoredRecord record) {
        StoredRecord identity = StoredRecord.newBuilder()
                .addAllDimensions(record.getDimensionsList())
                .setMeasureName(record.getMeasureName())
                .setTimeNanos(record.getTimeNanos())
                .build();
        return ByteString.copyFrom(tableId, StandardCharsets.UTF_8)
                .concat(ByteString.copyFrom(new byte[] {0}))
                .concat(identity.toByteString());
    }
}
