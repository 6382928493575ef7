package io.strata.tier.magnetic;

import java.util.ArrayList;
import java.util.List;

/**
 * Which segments a compaction merges: maximal runs of neighbours (in sequence order) that are each
 * smaller than the target size, two or more to a run. Only neighbours, so that a merged segment
 * takes the place of its inputs in the sequence order and "the newer segment wins a version tie"
 * keeps meaning the same thing.
 */
final class CompactionPlan {
    private CompactionPlan() {
    }

    static List<List<SegmentDescriptor>> smallSegmentRuns(List<SegmentDescriptor> segments, long targetBytes) {
        List<List<SegmentDescriptor>> runs = new ArrayList<>();
        List<SegmentDescriptor> run = new ArrayList<>();
        for (SegmentDescriptor segment : segments) {
            if (segment.sizeBytes() < targetBytes) {
                run.add(segment);
                continue;
            }
            if (run.size() >= 2) {
                runs.add(run);
            }
            run = new ArrayList<>();
        }
        if (run.size() >= 2) {
            runs.add(run);
        }
        return runs;
    }
}
