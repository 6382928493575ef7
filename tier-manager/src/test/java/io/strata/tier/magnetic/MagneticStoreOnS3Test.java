package io.strata.tier.magnetic;

import static io.strata.tier.magnetic.MagneticTestData.PARTITION;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.core.model.Record;
import io.strata.tier.blob.BlobStore;
import io.strata.tier.blob.S3BlobStore;
import io.strata.tier.blob.S3ProxyServer;
import io.strata.tier.segment.Projection;
import io.strata.tier.segment.SegmentTestData;
import io.strata.tier.segment.TimeRange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The magnetic store on a real S3 endpoint (s3proxy): seal, compact, expire, reopen. */
class MagneticStoreOnS3Test {
    private static final String BUCKET = "strata-magnetic";
    private static S3ProxyServer server;

    @BeforeAll
    static void startS3Proxy() throws Exception {
        server = S3ProxyServer.start();
        server.createBucket(BUCKET);
    }

    @AfterAll
    static void stopS3Proxy() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void sealCompactExpireAndReopenOnS3() {
        List<Record> written = new ArrayList<>();
        try (BlobStore blobs = S3BlobStore.open(server.configuration(BUCKET).withKeyPrefix("replica-a/"))) {
            MagneticStore store = new MagneticStore(blobs, MagneticStoreOptions.DEFAULT.withBlockRows(64));
            for (int i = 0; i < 4; i++) {
                List<Record> records = MagneticTestData.records(i * 100, 150, 1 + i, i);
                written.addAll(records);
                store.addSegment(PARTITION, 1 + i, MagneticTestData.segment(records));
            }
            Manifest compacted = store.compact(PARTITION, 1 << 20, 10);
            assertThat(compacted.segments()).hasSize(1);
            long before = SegmentTestData.START + 120 * SegmentTestData.STEP;
            store.expire(PARTITION, before, 11);
            List<Record> expected = MagneticTestData.newestVersions(
                    written.stream().filter(record -> record.time() >= before).toList());

            MagneticScan scan = store.scan(PARTITION, TimeRange.ALL, s -> true, Projection.all());
            assertThat(MagneticTestData.drain(scan)).containsExactlyElementsOf(expected);
            assertThat(scan.bytesScanned()).isEqualTo(store.manifest(PARTITION).sizeBytes());
            assertThat(blobs.list(PARTITION.segmentPrefix())).hasSize(1);
        }
        try (BlobStore blobs = S3BlobStore.open(server.configuration(BUCKET).withKeyPrefix("replica-a/"))) {
            MagneticStore reopened = new MagneticStore(blobs);
            assertThat(reopened.manifest(PARTITION).generation()).isEqualTo(6);
            assertThat(MagneticTestData.drain(reopened.scan(PARTITION, TimeRange.ALL, s -> true, Projection.all())))
                    .hasSize((int) reopened.manifest(PARTITION).rowCount());
        }
    }
}
