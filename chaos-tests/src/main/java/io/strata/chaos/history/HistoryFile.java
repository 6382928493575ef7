package io.strata.chaos.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A history as JSON lines: one event per line, for replaying the checkers and for reading by eye. */
public final class HistoryFile {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private HistoryFile() {}

    public static void write(History history, Path file) {
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (HistoryEvent event : history.events()) {
                writer.write(JSON.writeValueAsString(event));
                writer.newLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write history " + file, e);
        }
    }

    public static History read(Path file) {
        List<HistoryEvent> events = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    events.add(JSON.readValue(line, HistoryEvent.class));
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException(file + ":" + lineNumber + ": " + e.getOriginalMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read history " + file, e);
        }
        return History.of(events);
    }
}
