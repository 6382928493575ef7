package io.strata.cli.sql;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell's own commands and their translation to Timestream SQL:
 *
 * <ul>
 *   <li>{@code \q}, {@code quit}, {@code exit}: leave;
 *   <li>{@code \d}: {@code SHOW DATABASES};
 *   <li>{@code \d db.table}, {@code describe db.table}: {@code DESCRIBE "db"."table"};
 *   <li>{@code \dt}: {@code SHOW TABLES}; {@code \dt db}: {@code SHOW TABLES FROM "db"};
 *   <li>{@code show tables ...}, {@code show databases ...}: sent as typed;
 *   <li>{@code \?}, {@code help}: this list.
 * </ul>
 *
 * Shell commands are complete at the end of their line; a trailing {@code ;} is allowed.
 */
public final class ShellCommands {
    /** The help text of {@code \?}. */
    public static final String HELP = """
            Statements end with ; and may span lines. Shell commands end at the end of their line:
              \\d                  list databases (SHOW DATABASES)
              \\d db.table         describe a table (DESCRIBE); also: describe db.table
              \\dt [db]            list tables (SHOW TABLES [FROM db]); also: show tables
              \\?                  this help
              \\q                  quit; also: quit, exit""";

    private static final Pattern QUIT = Pattern.compile("(?i)\\\\q|quit|exit");
    private static final Pattern HELP_COMMAND = Pattern.compile("(?i)\\\\\\?|\\\\h|help");
    private static final Pattern DESCRIBE = Pattern.compile("(?i)(?:\\\\d|describe|desc)\\s+(\\S.*)");
    private static final Pattern LIST_TABLES = Pattern.compile("\\\\dt(?:\\s+(\\S.*))?");
    private static final Pattern SHOW = Pattern.compile("(?i)show\\s+(?:tables|databases)\\b.*");

    private ShellCommands() {}

    /**
     * Whether {@code line} (one line, as typed) is a shell command, complete without a {@code ;}.
     */
    public static boolean isLineCommand(String line) {
        String text = withoutSemicolon(line.strip());
        return !text.contains("\n") && (text.startsWith("\\") || QUIT.matcher(text).matches()
                || HELP_COMMAND.matcher(text).matches() || DESCRIBE.matcher(text).matches() || SHOW.matcher(text).matches());
    }

    /** What {@code statement} (without its ending {@code ;}) asks for. */
    public static ShellAction interpret(String statement) {
        String text = withoutSemicolon(statement.strip());
        if (QUIT.matcher(text).matches()) {
            return new ShellAction.Quit();
        }
        if (HELP_COMMAND.matcher(text).matches()) {
            return new ShellAction.Help();
        }
        if (text.equals("\\d")) {
            return new ShellAction.Query("SHOW DATABASES");
        }
        Matcher describe = DESCRIBE.matcher(text);
        if (describe.matches() && !text.contains("\n")) {
            return new ShellAction.Query("DESCRIBE " + qualifiedName(describe.group(1).strip()));
        }
        Matcher listTables = LIST_TABLES.matcher(text);
        if (listTables.matches()) {
            String database = listTables.group(1);
            return new ShellAction.Query(database == null ? "SHOW TABLES" : "SHOW TABLES FROM " + quoted(database.strip()));
        }
        if (text.startsWith("\\")) {
            String command = text.split("\\s+", 2)[0];
            return new ShellAction.Unknown("unknown shell command " + command + "; \\? lists the commands");
        }
        return new ShellAction.Query(text);
    }

    /** {@code db.table} as {@code "db"."table"}; parts already in double quotes stay as they are. */
    static String qualifiedName(String name) {
        int dot = -1;
        boolean inQuotes = false;
        for (int index = 0; index < name.length(); index++) {
            char current = name.charAt(index);
            if (current == '"') {
                inQuotes = !inQuotes;
            } else if (current == '.' && !inQuotes) {
                dot = index;
                break;
            }
        }
        return dot < 0 ? quoted(name) : quoted(name.substring(0, dot)) + "." + quoted(name.substring(dot + 1));
    }

    private static String quoted(String identifier) {
        if (identifier.length() >= 2 && identifier.startsWith("\"") && identifier.endsWith("\"")) {
            return identifier;
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String withoutSemicolon(String text) {
        String stripped = text;
        while (stripped.endsWith(";")) {
            stripped = stripped.substring(0, stripped.length() - 1).stripTrailing();
        }
        return stripped;
    }
}
