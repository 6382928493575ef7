package io.strata.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.ValidationException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PartitionFunctionTest {
    private static final long DAY = Duration.ofDays(1).toNanos();

    /** Buckets pinned from {@code xxhsum -H64} of the documented key bytes: a storage format. */
    @Test
    void bucketsArePinnedAcrossVersions() {
        PartitionFunction byHost = function(PartitionKey.dimension("host"));
        assertThat(byHost.bucketOf("cpu", dims("host", "host-1", "az", "a"))).isEqualTo(0xD); // xxh64("host-1")
        PartitionFunction byMeasure = function(PartitionKey.measureName());
        assertThat(byMeasure.bucketOf("cpu", dims("host", "host-1"))).isEqualTo(0xB); // xxh64("cpu")
        PartitionFunction bySeries = function(PartitionKey.series());
        // xxh64 of len("az")"az" len("a")"a" len("host")"host" len("h1")"h1" len("cpu")"cpu" = 0x77345f9bb8238f25
        assertThat(bySeries.bucketOf("cpu", dims("host", "h1", "az", "a"))).isEqualTo(0x5);
    }

    @Test
    void seriesKeyIsTheLengthPrefixedSortedDimensionsThenMeasureName() {
        PartitionFunction bySeries = new PartitionFunction("db", "t",
                new PartitionSettings(Duration.ofDays(1), 4096, PartitionKey.series()));
        long expected = XxHash64.hash(lengthPrefixed("az", "a", "host", "h1", "cpu"));
        assertThat(bySeries.bucketOf("cpu", dims("host", "h1", "az", "a")))
                .isEqualTo((int) Long.remainderUnsigned(expected, 4096));
    }

    @Test
    void absentOptionalKeyDimensionHashesAsNoBytes() {
        PartitionFunction byHost = function(PartitionKey.dimension("host"));
        assertThat(byHost.bucketOf("cpu", dims("az", "a")))
                .isEqualTo((int) Long.remainderUnsigned(0xEF46DB3751D8E999L, 16))
                .isEqualTo(byHost.bucketOfKeyValue(null));
    }

    @Test
    void rowsWithTheSameKeyValueShareABucketWhateverElseDiffers() {
        PartitionFunction byHost = function(PartitionKey.dimension("host"));
        int bucket = byHost.bucketOf("cpu", dims("host", "h7", "az", "a"));
        assertThat(byHost.bucketOf("memory", dims("host", "h7", "az", "b", "rack", "r2"))).isEqualTo(bucket);
        assertThat(byHost.bucketOfKeyValue("h7")).isEqualTo(bucket);
    }

    @Test
    void seriesSpreadEvenlyOverBuckets() {
        PartitionFunction bySeries = function(PartitionKey.series());
        int[] counts = new int[16];
        int series = 64_000;
        for (int i = 0; i < series; i++) {
            counts[bySeries.bucketOf("cpu_utilization", dims("hostname", "host-" + i, "region", "eu-west-1"))]++;
        }
        double mean = series / 16.0;
        double chiSquare = 0;
        for (int count : counts) {
            chiSquare += (count - mean) * (count - mean) / mean;
        }
        // 15 degrees of freedom: P(chi² > 37.7) = 0.001 for a uniform hash
        assertThat(chiSquare).isLessThan(37.7);
    }

    @Test
    void timeSlotsAreWholeDaysSinceTheEpoch() {
        PartitionFunction function = function(PartitionKey.series());
        assertThat(function.timeSlotOf(0)).isZero();
        assertThat(function.timeSlotOf(DAY - 1)).isZero();
        assertThat(function.timeSlotOf(DAY)).isEqualTo(1);
        assertThat(function.timeSlotOf(-1)).isEqualTo(-1);
        assertThat(function.slotStartNanos(20_000)).isEqualTo(20_000 * DAY);
        PartitionId id = function.partitionOf(3 * DAY + 5, "cpu", dims("host", "h1"));
        assertThat(id).isEqualTo(new PartitionId("db", "t", 3, function.bucketOf("cpu", dims("host", "h1"))));
    }

    @Test
    void settingsAreValidatedWithTimestreamErrors() {
        assertThatThrownBy(() -> new PartitionSettings(Duration.ofSeconds(10), 16, PartitionKey.series()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("slot width");
        assertThatThrownBy(() -> new PartitionSettings(Duration.ofDays(1), 0, PartitionKey.series()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("bucket count");
        assertThat(PartitionSettings.defaults().slotWidth()).isEqualTo(Duration.ofDays(1));
        assertThat(PartitionSettings.defaults().bucketCount()).isEqualTo(16);
    }

    @Test
    void dimensionsMustBeInNaturalOrder() {
        SortedMap<String, String> reversed = new TreeMap<>(Collections.reverseOrder());
        reversed.put("a", "1");
        assertThatThrownBy(() -> function(PartitionKey.series()).bucketOf("cpu", reversed))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static PartitionFunction function(PartitionKey key) {
        return new PartitionFunction("db", "t", PartitionSettings.defaultsWithKey(key));
    }

    static SortedMap<String, String> dims(String... namesAndValues) {
        SortedMap<String, String> dimensions = new TreeMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            dimensions.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return dimensions;
    }

    private static byte[] lengthPrefixed(String... parts) {
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            buffer.putInt(bytes.length).put(bytes);
        }
        byte[] result = new byte[buffer.position()];
        buffer.flip().get(result);
        return result;
    }
}
