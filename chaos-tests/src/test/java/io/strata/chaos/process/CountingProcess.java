package io.strata.chaos.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * The dummy node for the process-fault tests: prints {@code tick <n> wall=<millis> skew=<property>}
 * every 20 ms and, given a data directory, appends 512 bytes per tick to a file there, printing
 * {@code write-failed <exception>} or {@code write-ok} so disk faults show in its output.
 */
public final class CountingProcess {
    public static void main(String[] args) throws Exception {
        Path data = args.length > 0 ? Path.of(args[0]) : null;
        byte[] block = new byte[512];
        String skew = System.getProperty("strata.clock.skew", "none");
        for (long tick = 0; ; tick++) {
            System.out.println("tick " + tick + " wall=" + System.currentTimeMillis() + " skew=" + skew);
            if (data != null) {
                try {
                    Files.write(data.resolve("ticks.bin"), block, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    Files.writeString(data.resolve("last-tick"), Long.toString(tick), StandardCharsets.UTF_8);
                    System.out.println("write-ok " + tick);
                } catch (IOException e) {
                    System.out.println("write-failed " + e);
                }
            }
            System.out.flush();
            Thread.sleep(Duration.ofMillis(20));
        }
    }
}
