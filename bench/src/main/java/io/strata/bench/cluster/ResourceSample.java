package io.strata.bench.cluster;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;

/**
 * CPU used so far by the cluster's processes and by this (load generator) JVM, and the machine's
 * one-minute load average, at one moment: two samples give the cores each side used in between,
 * which on a shared machine says more than wall-clock throughput alone.
 */
record ResourceSample(long nanoTime, Duration clusterCpu, Duration clientCpu, double loadAverage) {

    static ResourceSample take(List<StrataProcess> cluster) {
        Duration clusterCpu = Duration.ZERO;
        for (StrataProcess process : cluster) {
            clusterCpu = clusterCpu.plus(process.cpuTime());
        }
        return new ResourceSample(System.nanoTime(), clusterCpu, Duration.ofNanos(clientCpuNanos()), machineLoadAverage());
    }

    /** The machine's one-minute load average (negative if the platform does not say). */
    static double machineLoadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long clientCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }

    /** Cores the cluster used on average between {@code earlier} and this sample. */
    double clusterCoresSince(ResourceSample earlier) {
        return cores(clusterCpu.minus(earlier.clusterCpu), earlier);
    }

    /** Cores this JVM used on average between {@code earlier} and this sample. */
    double clientCoresSince(ResourceSample earlier) {
        return cores(clientCpu.minus(earlier.clientCpu), earlier);
    }

    private double cores(Duration cpu, ResourceSample earlier) {
        long elapsed = nanoTime - earlier.nanoTime;
        return elapsed <= 0 ? 0 : (double) cpu.toNanos() / elapsed;
    }
}
