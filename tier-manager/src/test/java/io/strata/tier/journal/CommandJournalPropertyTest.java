package io.strata.tier.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;

class CommandJournalPropertyTest {

    /**
     * Whatever order Raft indexes arrive in (re-applied prefixes after a restart, retries), the
     * journal keeps exactly the entries that raised the highest index so far, and replays them —
     * before and after a reopen — in that order.
     */
    @Property(tries = 25)
    void journalKeepsExactlyTheEntriesThatRaiseTheLastIndex(
            @ForAll @Size(max = 60) List<@LongRange(min = 0, max = 80) Long> indexes,
            @ForAll @LongRange(min = 0, max = 1) long reopenHalfway) throws IOException {
        Path directory = Files.createTempDirectory("journal-property-");
        JournalConfiguration configuration =
                new JournalConfiguration(directory, TestRollCycles.TEST_DAILY, new MutableClock(Instant.EPOCH));
        try {
            List<JournalEntry> expected = new ArrayList<>();
            long highest = -1;
            CommandJournal journal = CommandJournal.open(configuration);
            try {
                for (int i = 0; i < indexes.size(); i++) {
                    if (reopenHalfway == 1 && i == indexes.size() / 2) {
                        journal.close();
                        journal = CommandJournal.open(configuration);
                    }
                    long index = indexes.get(i);
                    byte[] command = ("entry " + i).getBytes();
                    boolean appended = journal.append(index, command);
                    assertThat(appended).isEqualTo(index > highest);
                    if (appended) {
                        highest = index;
                        expected.add(JournalEntry.of(index, command));
                    }
                    assertThat(journal.lastIndex()).isEqualTo(highest);
                }
                assertThat(replayAll(journal)).containsExactlyElementsOf(expected);
            } finally {
                journal.close();
            }
            try (CommandJournal reopened = CommandJournal.open(configuration)) {
                assertThat(reopened.lastIndex()).isEqualTo(highest);
                assertThat(replayAll(reopened)).containsExactlyElementsOf(expected);
            }
        } finally {
            deleteRecursively(directory);
        }
    }

    private static List<JournalEntry> replayAll(CommandJournal journal) {
        List<JournalEntry> entries = new ArrayList<>();
        journal.replayFrom(0, (index, command) -> entries.add(JournalEntry.copyOf(index, command)));
        return entries;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
