package io.strata.bench.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * What a JFR recording says limits a run: CPU samples by component (the innermost stack frame
 * outside the JDK names the component that asked for the work), the hottest methods, the threads
 * waiting in native code (fsync shows up as {@code FileDispatcherImpl.force0}), file forces and GC
 * pauses. Same data as {@code jfr print --events jdk.ExecutionSample}, aggregated.
 */
final class ProfileSummary {
    private static final int TOP = 12;
    /** Package prefix → component, most specific first. */
    private static final List<Map.Entry<String, String>> COMPONENTS = List.of(
            Map.entry("com.google.protobuf.", "protobuf (serialization)"),
            Map.entry("org.apache.ratis.thirdparty.com.google.protobuf.", "protobuf (Ratis, shaded)"),
            Map.entry("org.apache.ratis.thirdparty.io.netty.", "Netty (Ratis, shaded)"),
            Map.entry("org.apache.ratis.thirdparty.io.grpc.", "gRPC (Ratis, shaded)"),
            Map.entry("org.apache.ratis.server.raftlog.", "Ratis log (segmented log, write)"),
            Map.entry("org.apache.ratis.", "Ratis (other)"),
            Map.entry("io.grpc.netty.shaded.io.netty.", "Netty (public gRPC)"),
            Map.entry("io.grpc.", "gRPC (public API)"),
            Map.entry("io.netty.", "Netty"),
            Map.entry("net.openhft.", "Chronicle"),
            Map.entry("io.strata.core.write.", "validation (core)"),
            Map.entry("io.strata.core.", "core"),
            Map.entry("io.strata.raft.", "shard apply / state machine (raft-node)"),
            Map.entry("io.strata.tier.", "tier-manager (shard store)"),
            Map.entry("io.strata.coordinator.", "coordinator (write routing)"),
            Map.entry("io.strata.partition", "partitioner"),
            Map.entry("io.strata.metadata.", "partitioner"),
            Map.entry("io.strata.client.", "client-java"),
            Map.entry("io.strata.bench.", "load generator"),
            Map.entry("org.apache.zookeeper.", "ZooKeeper"),
            Map.entry("org.apache.curator.", "ZooKeeper"));

    private ProfileSummary() {}

    static String of(Path recording) throws IOException {
        Map<String, Long> byComponent = new HashMap<>();
        Map<String, Long> byTopMethod = new HashMap<>();
        Map<String, Long> nativeTop = new HashMap<>();
        long samples = 0;
        long nativeSamples = 0;
        long gcCount = 0;
        Duration gcPause = Duration.ZERO;
        long forces = 0;
        Duration forceTime = Duration.ZERO;
        Duration recorded = Duration.ZERO;
        java.time.Instant first = null;
        java.time.Instant last = null;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (first == null || event.getStartTime().isBefore(first)) {
                    first = event.getStartTime();
                }
                if (last == null || event.getEndTime().isAfter(last)) {
                    last = event.getEndTime();
                }
                switch (event.getEventType().getName()) {
                    case "jdk.ExecutionSample" -> {
                        RecordedStackTrace stack = event.getStackTrace();
                        if (stack == null || stack.getFrames().isEmpty()) {
                            continue;
                        }
                        samples++;
                        byTopMethod.merge(method(stack.getFrames().getFirst()), 1L, Long::sum);
                        byComponent.merge(component(stack), 1L, Long::sum);
                    }
                    case "jdk.NativeMethodSample" -> {
                        RecordedStackTrace stack = event.getStackTrace();
                        if (stack != null && !stack.getFrames().isEmpty()) {
                            nativeSamples++;
                            nativeTop.merge(method(stack.getFrames().getFirst()), 1L, Long::sum);
                        }
                    }
                    case "jdk.GarbageCollection" -> {
                        gcCount++;
                        gcPause = gcPause.plus(event.getDuration("sumOfPauses"));
                    }
                    case "jdk.FileForce" -> {
                        forces++;
                        forceTime = forceTime.plus(event.getDuration());
                    }
                    default -> { }
                }
            }
        }
        if (first != null) {
            recorded = Duration.between(first, last);
        }
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%d CPU samples (jdk.ExecutionSample) over %.0f s; GC: %d collections,"
                        + " %.0f ms paused (%.1f %% of the recording); file forces over the JFR threshold: %d, %.0f ms%n%n",
                samples, recorded.toMillis() / 1000.0, gcCount, gcPause.toNanos() / 1e6,
                recorded.isZero() ? 0 : 100.0 * gcPause.toNanos() / recorded.toNanos(), forces, forceTime.toNanos() / 1e6));
        text.append(table("CPU samples by component (innermost non-JDK frame)", byComponent, samples));
        text.append('\n').append(table("Hottest methods (top frame)", byTopMethod, samples));
        text.append('\n').append(table("Threads in native code (jdk.NativeMethodSample, top frame)", nativeTop, nativeSamples));
        return text.toString();
    }

    private static String table(String title, Map<String, Long> counts, long total) {
        BenchTable table = new BenchTable(title, "samples", "share");
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(TOP)
                .forEach(entry -> table.add(entry.getKey(), entry.getValue(),
                        String.format(Locale.ROOT, "%.1f %%", total == 0 ? 0 : 100.0 * entry.getValue() / total)));
        return table.toString();
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static String component(RecordedStackTrace stack) {
        for (RecordedFrame frame : stack.getFrames()) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")) {
                continue;
            }
            for (Map.Entry<String, String> component : COMPONENTS) {
                if (type.startsWith(component.getKey())) {
                    return component.getValue();
                }
            }
            return "other: " + type.substring(0, Math.max(0, type.lastIndexOf('.')));
        }
        String top = stack.getFrames().getFirst().getMethod().getType().getName();
        return "JDK only: " + top.substring(0, Math.max(0, top.lastIndexOf('.')));
    }
}
