package io.strata.tier.journal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child JVM of the crash test: appends entries {@code 1, 2, 3, ...} to the journal in
 * {@code args[0]} and prints each index on stdout once its append has returned, until killed. It
 * also stops by itself if its parent is gone or after {@link #MAX_ENTRIES}, so a failed test never
 * leaves it running.
 */
public final class JournalAppenderProcess {
    static final long MAX_ENTRIES = 5_000_000;

    private JournalAppenderProcess() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.US_ASCII);
        try (CommandJournal journal = CommandJournal.open(JournalConfiguration.of(Path.of(args[0])))) {
            out.println("open " + journal.lastIndex());
            out.flush();
            ProcessHandle parent = ProcessHandle.current().parent().orElseThrow();
            for (long index = Math.max(1, journal.lastIndex() + 1); index <= MAX_ENTRIES; index++) {
                if (index % 1000 == 0 && !parent.isAlive()) {
                    return;
                }
                journal.append(index, commandFor(index));
                out.println(index);
                out.flush();
            }
        }
    }

    /** The command every index gets, so the parent can check the bytes as well as the indexes. */
    static byte[] commandFor(long index) {
        return ("command-" + index + "-" + "x".repeat((int) (index % 97))).getBytes(StandardCharsets.US_ASCII);
    }
}
