package io.strata.bench.encoding;

import io.strata.load.data.DevopsCpuGenerator;
import io.strata.load.data.IotSensorGenerator;
import io.strata.load.data.RandomWalkGenerator;
import io.strata.load.data.SeriesDataset;
import io.strata.tier.blob.LocalDirectoryBlobStore;
import io.strata.tier.encoding.ColumnCodec;
import io.strata.tier.segment.DecodedBlock;
import io.strata.tier.segment.EncodedSegment;
import io.strata.tier.segment.SegmentReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Measures the magnetic-store encodings on seeded datasets: bytes per value (time column counted
 * once per point, spread over the point's values) and encode/decode throughput after warm-up.
 *
 * <p>Usage: {@code EncodingBenchmark [--block-points 1000] [--series 100] [--points 10000]
 * [--seed 42] [--warmup 3] [--rounds 5] [--datasets cpu,iot,walk]}. Prints a Markdown table.
 */
public final class EncodingBenchmark {

    record Options(int blockPoints, int series, int points, long seed, int warmup, int rounds, List<String> datasets) {
        static Options parse(String[] args) {
            int blockPoints = 1000;
            int series = 100;
            int points = 10_000;
            long seed = 42;
            int warmup = 3;
            int rounds = 5;
            List<String> datasets = List.of("cpu", "iot", "walk");
            for (int i = 0; i + 1 < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--block-points" -> blockPoints = Integer.parseInt(value);
                    case "--series" -> series = Integer.parseInt(value);
                    case "--points" -> points = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--warmup" -> warmup = Integer.parseInt(value);
                    case "--rounds" -> rounds = Integer.parseInt(value);
                    case "--datasets" -> datasets = List.of(value.split(","));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(blockPoints, series, points, seed, warmup, rounds, datasets);
        }
    }

    record Result(String dataset, int blockPoints, long points, long values, long timeBytes, long valueBytes,
            Map<ColumnCodec, Integer> chosen, double encodePerWallSecond, double encodePerCpuSecond,
            double decodePerWallSecond, double decodePerCpuSecond, long segmentBytes, double scanPerWallSecond,
            double scanPerCpuSecond) {
        double bytesPerValue() {
            return (double) (timeBytes + valueBytes) / values;
        }
    }

    public static void main(String[] args) {
        Options options = Options.parse(args);
        System.out.printf(Locale.ROOT, "# JVM %s, %d processors, block %d points, seed %d, %d warm-up + %d timed rounds%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), options.blockPoints(), options.seed(),
                options.warmup(), options.rounds());
        List<Result> results = new ArrayList<>();
        for (String name : options.datasets()) {
            SeriesDataset dataset = generate(name, options);
            results.add(measure(dataset, options));
        }
        System.out.println();
        System.out.println("| dataset | series × points × fields | bytes/value | time bytes/point | value bytes/value"
                + " | codecs chosen (columns) | encode M values/s (wall / CPU) | decode M values/s (wall / CPU)"
                + " | segment bytes/value | scan M values/s (wall / CPU) |");
        System.out.println("|---|---|---:|---:|---:|---|---:|---:|---:|---:|");
        for (Result r : results) {
            System.out.printf(Locale.ROOT,
                    "| %s | %d × %d × %d | %.3f | %.3f | %.3f | %s | %.1f / %.1f | %.1f / %.1f | %.3f | %.1f / %.1f |%n",
                    r.dataset(), options.series(), options.points(), r.values() / r.points(), r.bytesPerValue(),
                    (double) r.timeBytes() / r.points(), (double) r.valueBytes() / r.values(), r.chosen(),
                    r.encodePerWallSecond() / 1e6, r.encodePerCpuSecond() / 1e6,
                    r.decodePerWallSecond() / 1e6, r.decodePerCpuSecond() / 1e6,
                    (double) r.segmentBytes() / r.values(), r.scanPerWallSecond() / 1e6, r.scanPerCpuSecond() / 1e6);
        }
        System.out.printf(Locale.ROOT, "%n# load average at the end: %.2f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    static SeriesDataset generate(String name, Options options) {
        Instant start = DevopsCpuGenerator.DEFAULT_START;
        return switch (name) {
            case "cpu" -> new DevopsCpuGenerator(options.seed())
                    .generate(options.series(), options.points(), Duration.ofSeconds(10), start);
            case "iot" -> new IotSensorGenerator(options.seed())
                    .generate(options.series(), options.points(), Duration.ofSeconds(10), Duration.ofMillis(50), start);
            case "walk" -> new RandomWalkGenerator(options.seed())
                    .generate(options.series(), 10, options.points(), Duration.ofSeconds(1), start);
            default -> throw new IllegalArgumentException("unknown dataset " + name + " (cpu, iot, walk)");
        };
    }

    static Result measure(SeriesDataset dataset, Options options) {
        SeriesBlockCodec codec = new SeriesBlockCodec(options.blockPoints());
        SeriesBlockCodec.EncodedDataset encoded = codec.encodeKeepingBlocks(dataset);
        codec.verify(dataset, encoded.blocks());
        long values = dataset.valueCount();
        Timing encode = median(options, () -> codec.encode(dataset));
        Timing decode = median(options, () -> codec.decode(encoded.blocks(), dataset.fields().size()));
        System.out.printf(Locale.ROOT, "%s: %d values in %d blocks, verified bit-for-bit%n",
                dataset.name(), values, encoded.blocks().size());
        EncodedSegment segment = SegmentScan.write(dataset, options.blockPoints());
        Timing scan = timeSegmentScan(segment, values, options);
        return new Result(dataset.name(), options.blockPoints(), dataset.pointCount(), values, encoded.timeBytes(),
                encoded.valueBytes(), encoded.chosen(), values / encode.wallSeconds(), values / encode.cpuSeconds(),
                values / decode.wallSeconds(), values / decode.cpuSeconds(), segment.sizeBytes(),
                values / scan.wallSeconds(), values / scan.cpuSeconds());
    }

    /**
     * Stores the segment in a local-directory blob store (page cache warm after the first round)
     * and times full scans through {@link SegmentReader}: block fetch, CRC32C check, decode.
     */
    private static Timing timeSegmentScan(EncodedSegment segment, long values, Options options) {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("strata-scan-bench");
            try (LocalDirectoryBlobStore store = new LocalDirectoryBlobStore(directory)) {
                store.put(SegmentScan.KEY, segment.bytes());
                SegmentReader reader = SegmentReader.open(store, SegmentScan.KEY);
                DecodedBlock block = new DecodedBlock();
                long scanned = SegmentScan.scan(reader, block);
                if (scanned != values) {
                    throw new IllegalStateException("scan decoded " + scanned + " values, expected " + values);
                }
                return median(options, () -> SegmentScan.scan(reader, block));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (directory != null) {
                deleteRecursively(directory);
            }
        }
    }

    private static void deleteRecursively(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Median wall-clock and CPU seconds of one round. */
    record Timing(double wallSeconds, double cpuSeconds) {
    }

    /**
     * Runs {@code work} for the warm-up rounds, then times the rest; returns the medians. CPU time
     * is this thread's own, so it stays meaningful when other processes share the cores.
     */
    private static Timing median(Options options, LongSupplier work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int i = 0; i < options.warmup(); i++) {
            sink += work.getAsLong();
        }
        double[] wall = new double[options.rounds()];
        double[] cpu = new double[options.rounds()];
        for (int i = 0; i < wall.length; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            sink += work.getAsLong();
            wall[i] = (System.nanoTime() - start) / 1e9;
            cpu[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        }
        if (sink == 42) {
            System.out.print(""); // keeps the results alive without printing them
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return new Timing(wall[wall.length / 2], cpu[cpu.length / 2]);
    }
}
