package io.strata.chaos.process;

import java.util.List;

/** What a finished host command left behind: its exit code and its output (stdout and stderr). */
public record CommandResult(List<String> command, int exitCode, String output) {
    public CommandResult {
        command = List.copyOf(command);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }
}
