package io.strata.cli.sql;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * Statements read from piped text, e.g. {@code strata sql < script.sql}: no prompts, no echo. A
 * statement without its {@code ;} at the end of the input still runs.
 */
public final class PipedShellInput implements ShellInput {
    private final BufferedReader reader;
    private final ArrayDeque<String> ready = new ArrayDeque<>();
    private StringBuilder pending = new StringBuilder();
    private boolean ended;

    public PipedShellInput(InputStream input) {
        this.reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
    }

    @Override
    public String next() {
        while (ready.isEmpty() && !ended) {
            String line = readLine();
            if (line == null) {
                ended = true;
                StatementSplitter.Split rest = StatementSplitter.split(pending.toString());
                if (rest.pending()) {
                    ready.add(rest.remainder().strip());
                }
            } else if (pending.toString().isBlank() && ShellCommands.isLineCommand(line)) {
                ready.add(line.strip());
            } else {
                pending.append(line).append('\n');
                StatementSplitter.Split split = StatementSplitter.split(pending.toString());
                ready.addAll(split.statements());
                pending = new StringBuilder(split.remainder());
            }
        }
        return ready.poll();
    }

    private String readLine() {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        // The input belongs to the caller (standard input): it stays open.
    }
}
