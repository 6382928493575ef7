package io.strata.cli.sql;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Statements typed at a terminal, with JLine: line editing, a history kept in a file, and a
 * continuation prompt until the statement's {@code ;}. A multi-line statement is one history entry.
 * Ctrl-C drops the statement being typed; Ctrl-D ends the input.
 */
public final class TerminalShellInput implements ShellInput {
    static final String PROMPT = "strata> ";
    static final String CONTINUATION_PROMPT = "    ..> ";

    private final Terminal terminal;
    private final LineReader reader;
    private final ArrayDeque<String> ready = new ArrayDeque<>();

    private TerminalShellInput(Terminal terminal, Path historyFile) {
        this.terminal = terminal;
        this.reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("strata")
                .parser(new StatementParser())
                .variable(LineReader.HISTORY_FILE, historyFile)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION_PROMPT)
                // SQL has '!=' and '!': they are not history references here.
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
    }

    /** The input of the terminal this process runs in. */
    public static TerminalShellInput open(Path historyFile) {
        try {
            return new TerminalShellInput(TerminalBuilder.builder().system(true).build(), historyFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal", e);
        }
    }

    /** Where results are to be printed, so they interleave correctly with the prompt. */
    public PrintWriter writer() {
        return terminal.writer();
    }

    @Override
    public String next() {
        while (ready.isEmpty()) {
            String text;
            try {
                text = reader.readLine(PROMPT);
            } catch (UserInterruptException interrupted) {
                continue;
            } catch (EndOfFileException ended) {
                return null;
            }
            if (text.isBlank()) {
                continue;
            }
            if (ShellCommands.isLineCommand(text)) {
                ready.add(text.strip());
            } else {
                StatementSplitter.Split split = StatementSplitter.split(text);
                ready.addAll(split.statements());
            }
        }
        return ready.poll();
    }

    @Override
    public void close() {
        try {
            reader.getHistory().save();
            terminal.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asks JLine for another line until the statement is complete. */
    private static final class StatementParser extends DefaultParser {
        @Override
        public ParsedLine parse(String line, int cursor, ParseContext context) {
            if (context == ParseContext.ACCEPT_LINE && !line.isBlank() && !ShellCommands.isLineCommand(line)
                    && StatementSplitter.split(line).pending()) {
                throw new EOFError(-1, cursor, "the statement continues until ;");
            }
            return super.parse(line, cursor, context);
        }
    }
}
