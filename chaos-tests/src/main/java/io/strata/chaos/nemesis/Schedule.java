package io.strata.chaos.nemesis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The order, targets and timing of every fault of a run, generated from a seed alone: the same seed,
 * length and fault kinds give the same schedule, so a printed seed replays a run's faults. Faults
 * do not overlap; each is followed by a quiet period in which the cluster may recover.
 */
public record Schedule(long seed, Duration length, List<ScheduledFault> faults) {
    /** Bounds of the random durations, in milliseconds. */
    public record Timing(Duration minimumFault, Duration maximumFault, Duration minimumQuiet, Duration maximumQuiet) {
        public Timing {
            if (minimumFault.compareTo(maximumFault) > 0 || minimumQuiet.compareTo(maximumQuiet) > 0) {
                throw new IllegalArgumentException("minimum above maximum");
            }
        }

        /** A fault every ~10–30 s: short runs still see several. */
        public static Timing standard() {
            return new Timing(Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(5), Duration.ofSeconds(15));
        }
    }

    public Schedule {
        Objects.requireNonNull(length, "length");
        faults = List.copyOf(faults);
    }

    public static Schedule generate(long seed, Duration length, Set<FaultKind> kinds, Timing timing) {
        if (kinds.isEmpty()) {
            return new Schedule(seed, length, List.of());
        }
        // Sorted so the pick does not depend on the caller's set implementation.
        List<FaultKind> choices = List.copyOf(new TreeSet<>(kinds));
        Random random = new Random(seed);
        List<ScheduledFault> faults = new ArrayList<>();
        Duration at = between(random, timing.minimumQuiet(), timing.maximumQuiet());
        while (true) {
            FaultKind kind = choices.get(random.nextInt(choices.size()));
            Duration duration = between(random, timing.minimumFault(), timing.maximumFault());
            int target = random.nextInt(1 << 16);
            Duration skew = kind == FaultKind.CLOCK_SKEW
                    ? Duration.ofSeconds((random.nextBoolean() ? 1 : -1) * (30 + random.nextInt(3600)))
                    : Duration.ZERO;
            if (at.plus(duration).compareTo(length) > 0) {
                break;
            }
            faults.add(new ScheduledFault(faults.size(), kind, at, duration, target, skew));
            at = at.plus(duration).plus(between(random, timing.minimumQuiet(), timing.maximumQuiet()));
        }
        return new Schedule(seed, length, faults);
    }

    /**
     * Every kind exactly once, in an order, with targets and timing drawn from the seed: a short run
     * that still sees each fault. The length is what the faults and their quiet periods take.
     */
    public static Schedule everyKindOnce(long seed, Set<FaultKind> kinds, Timing timing) {
        List<FaultKind> order = new ArrayList<>(new TreeSet<>(kinds));
        Random random = new Random(seed);
        java.util.Collections.shuffle(order, random);
        List<ScheduledFault> faults = new ArrayList<>();
        Duration at = between(random, timing.minimumQuiet(), timing.maximumQuiet());
        for (FaultKind kind : order) {
            Duration duration = between(random, timing.minimumFault(), timing.maximumFault());
            int target = random.nextInt(1 << 16);
            Duration skew = kind == FaultKind.CLOCK_SKEW
                    ? Duration.ofSeconds((random.nextBoolean() ? 1 : -1) * (30 + random.nextInt(3600)))
                    : Duration.ZERO;
            faults.add(new ScheduledFault(faults.size(), kind, at, duration, target, skew));
            at = at.plus(duration).plus(between(random, timing.minimumQuiet(), timing.maximumQuiet()));
        }
        return new Schedule(seed, at, faults);
    }

    private static Duration between(Random random, Duration minimum, Duration maximum) {
        long span = maximum.toMillis() - minimum.toMillis();
        return minimum.plusMillis(span == 0 ? 0 : (long) (random.nextDouble() * (span + 1)));
    }
}
