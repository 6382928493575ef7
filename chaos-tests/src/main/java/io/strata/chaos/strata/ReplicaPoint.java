package io.strata.chaos.strata;

/**
 * One record of the chaos table as one node's local replica of a group holds it.
 *
 * @param group the group's index ({@code group-<index>} of the run)
 * @param version read back from the value (see {@link #versionOf})
 */
public record ReplicaPoint(int group, String series, long timeMillis, String value, long version) {
    /**
     * A scan shows values, not record versions, so the chaos workload writes the version into the
     * value ({@code <text>@v<version>}); a value without one is version 1.
     */
    public static long versionOf(String value) {
        int at = value.lastIndexOf("@v");
        if (at < 0) {
            return 1;
        }
        try {
            return Long.parseLong(value.substring(at + 2));
        } catch (NumberFormatException notAVersion) {
            return 1;
        }
    }
}
