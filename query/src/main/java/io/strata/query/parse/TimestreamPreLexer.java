package io.strata.query.parse;

import io.strata.query.function.time.IntervalUnit;
import io.strata.query.parse.SqlToken.Kind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites Timestream's non-Trino syntax into Trino SQL, never inside string literals, quoted
 * identifiers or comments:
 *
 * <ul>
 *   <li>duration literals {@code 5m 1h 30s 100ms 2us 15ns 1d 1.5h 12month 1y} (no space between
 *       number and unit; {@code 1 day} is not a literal) become {@code INTERVAL '5' MINUTE}; a
 *       sub-second or fractional one becomes an exact decimal of seconds, {@code 15ns} becomes
 *       {@code INTERVAL '0.000000015' SECOND}. Trino keeps the literal's value as text, so the
 *       nanoseconds survive parsing and {@link IntervalLiterals} reads them back exactly;
 *   <li>{@code measure_value::double} (any {@code measure_value::<type>}, written without blanks)
 *       becomes the column {@code "measure_value::double"}; any other {@code x::type} becomes
 *       {@code CAST(x AS type)};
 *   <li>{@code @scheduled_runtime} (any {@code @name}) becomes the quoted identifier
 *       {@code "@scheduled_runtime"}, which the analyzer binds as a named parameter;
 *   <li>one trailing {@code ;} is dropped.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class TimestreamPreLexer {

    /** The prefix of the quoted identifier a named parameter becomes. */
    public static final String PARAMETER_PREFIX = "@";

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)([A-Za-z]+)");

    /** Trino/Timestream reserved words: before {@code (} they are not a function name. */
    private static final Set<String> RESERVED = Set.of(
            "ALTER", "AND", "AS", "BETWEEN", "BY", "CASE", "CONSTRAINT", "CREATE", "CROSS", "CUBE",
            "DEALLOCATE", "DELETE", "DESCRIBE", "DISTINCT", "DROP", "ELSE", "END", "ESCAPE", "EXCEPT",
            "EXECUTE", "EXISTS", "FALSE", "FOR", "FROM", "FULL", "GROUP", "GROUPING", "HAVING", "IN",
            "INNER", "INSERT", "INTERSECT", "INTO", "IS", "JOIN", "LEFT", "LIKE", "NATURAL", "NOT",
            "NULL", "ON", "OR", "ORDER", "OUTER", "PREPARE", "RECURSIVE", "RIGHT", "ROLLUP", "SELECT",
            "TABLE", "THEN", "TRUE", "UESCAPE", "UNION", "UNNEST", "USING", "VALUES", "WHEN", "WHERE",
            "WITH", "OVER");

    /** Words that make a typed literal with the string after them: {@code TIMESTAMP '...'}. */
    private static final Set<String> TYPED_LITERAL_PREFIXES = Set.of("TIMESTAMP", "DATE", "TIME", "DECIMAL", "X");

    /**
     * Rewrites {@code sql}.
     *
     * @throws io.strata.core.error.ValidationException for a duration literal Strata cannot
     *     represent (finer than a nanosecond, or a fractional number of months), at its position
     */
    public PreLexedSql rewrite(String sql) {
        List<SqlToken> tokens = new ArrayList<>(SqlTokenizer.tokenize(sql));
        Set<String> parameters = new LinkedHashSet<>();
        dropTrailingSemicolon(tokens);
        for (int index = 0; index < tokens.size(); index++) {
            SqlToken token = tokens.get(index);
            switch (token.kind()) {
                case NUMBER -> {
                    Optional<String> interval = trinoInterval(sql, token);
                    if (interval.isPresent()) {
                        tokens.set(index, SqlToken.synthetic(Kind.NUMBER, interval.get(), token.sourceStart(), token.sourceEnd()));
                    }
                }
                case PARAMETER -> {
                    parameters.add(token.text().substring(1));
                    tokens.set(index, SqlToken.synthetic(
                            Kind.QUOTED_IDENTIFIER, '"' + token.text() + '"', token.sourceStart(), token.sourceEnd()));
                }
                case WORD -> mergeMeasureValueColumn(tokens, index);
                default -> {
                    // copied unchanged
                }
            }
        }
        rewriteCasts(tokens);
        return emit(sql, tokens, parameters);
    }

    private static void dropTrailingSemicolon(List<SqlToken> tokens) {
        int last = previousSignificant(tokens, tokens.size());
        if (last >= 0 && tokens.get(last).isSymbol(';')) {
            tokens.remove(last);
        }
    }

    /**
     * The Trino interval literal for a duration token, if it is one. Integral day, hour, minute
     * and second amounts keep their unit; anything else becomes exact seconds with at least the
     * unit's decimals ({@code 100ms} → {@code '0.100'}), so the text says what precision was meant.
     */
    private static Optional<String> trinoInterval(String sql, SqlToken token) {
        Matcher matcher = DURATION.matcher(token.text());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Optional<IntervalUnit> maybeUnit = IntervalUnit.fromName(matcher.group(2));
        if (maybeUnit.isEmpty()) {
            return Optional.empty();
        }
        IntervalUnit unit = maybeUnit.get();
        BigDecimal amount = new BigDecimal(matcher.group(1));
        boolean integral = amount.signum() == 0 || amount.stripTrailingZeros().scale() <= 0;
        if (unit.yearToMonth()) {
            if (!integral) {
                throw invalidDuration(sql, token, "a year-to-month interval needs a whole number of months");
            }
            return Optional.of("INTERVAL '" + amount.toBigInteger() + "' " + unit.name());
        }
        if (integral && unit.nanoseconds() >= IntervalUnit.SECOND.nanoseconds()) {
            return Optional.of("INTERVAL '" + amount.toBigInteger() + "' " + unit.name());
        }
        BigDecimal nanoseconds = amount.multiply(BigDecimal.valueOf(unit.nanoseconds()));
        if (nanoseconds.signum() != 0 && nanoseconds.stripTrailingZeros().scale() > 0) {
            throw invalidDuration(sql, token, "the finest interval unit is one nanosecond");
        }
        BigDecimal seconds = nanoseconds.setScale(0, RoundingMode.UNNECESSARY).movePointLeft(9).stripTrailingZeros();
        int decimals = Math.max(Math.max(seconds.scale(), 0), unitDecimals(unit));
        return Optional.of("INTERVAL '" + seconds.setScale(decimals, RoundingMode.UNNECESSARY).toPlainString() + "' SECOND");
    }

    private static int unitDecimals(IntervalUnit unit) {
        return switch (unit) {
            case MILLISECOND -> 3;
            case MICROSECOND -> 6;
            case NANOSECOND -> 9;
            default -> 0;
        };
    }

    private static RuntimeException invalidDuration(String sql, SqlToken token, String reason) {
        return SourcePosition.of(sql, token.sourceStart())
                .error("Invalid interval literal '" + token.text() + "': " + reason);
    }

    /** {@code measure_value::double} written without blanks is one column name, not a cast. */
    private static void mergeMeasureValueColumn(List<SqlToken> tokens, int index) {
        SqlToken word = tokens.get(index);
        if (!word.isWord("measure_value") || index + 2 >= tokens.size()) {
            return;
        }
        SqlToken colons = tokens.get(index + 1);
        SqlToken type = tokens.get(index + 2);
        if (colons.kind() != Kind.DOUBLE_COLON || type.kind() != Kind.WORD
                || colons.sourceStart() != word.sourceEnd() || type.sourceStart() != colons.sourceEnd()) {
            return;
        }
        // Unquoted identifiers are case-insensitive; the column's name is lower case.
        String column = ("measure_value::" + type.text()).toLowerCase(Locale.ROOT);
        tokens.subList(index, index + 3).clear();
        tokens.add(index, SqlToken.synthetic(Kind.QUOTED_IDENTIFIER, '"' + column + '"', word.sourceStart(), type.sourceEnd()));
    }

    /** Every remaining {@code operand::type} becomes {@code CAST(operand AS type)}, left to right. */
    private static void rewriteCasts(List<SqlToken> tokens) {
        int index = 0;
        while (index < tokens.size()) {
            if (tokens.get(index).kind() != Kind.DOUBLE_COLON) {
                index++;
                continue;
            }
            int operandEnd = previousSignificant(tokens, index);
            int operandStart = operandEnd < 0 ? -1 : operandStart(tokens, operandEnd);
            int typeStart = nextSignificant(tokens, index);
            int typeEnd = typeStart < 0 ? -1 : typeEnd(tokens, typeStart);
            if (operandStart < 0 || typeEnd < 0) {
                index++; // left for Trino to report at this position
                continue;
            }
            SqlToken colons = tokens.get(index);
            int typeSourceEnd = tokens.get(typeEnd).sourceEnd();
            int operandSource = tokens.get(operandStart).sourceStart();
            // Right to left, so that the indexes still to be used stay valid.
            tokens.add(typeEnd + 1, SqlToken.synthetic(Kind.SYMBOL, ")", typeSourceEnd, typeSourceEnd));
            tokens.set(index, SqlToken.synthetic(Kind.WORD, "AS", colons.sourceStart(), colons.sourceEnd()));
            tokens.add(index + 1, SqlToken.synthetic(Kind.WHITESPACE, " ", colons.sourceEnd(), colons.sourceEnd()));
            tokens.add(index, SqlToken.synthetic(Kind.WHITESPACE, " ", colons.sourceStart(), colons.sourceStart()));
            tokens.add(operandStart, SqlToken.synthetic(Kind.SYMBOL, "(", operandSource, operandSource));
            tokens.add(operandStart, SqlToken.synthetic(Kind.WORD, "CAST", operandSource, operandSource));
            index = typeEnd + 6; // just after the inserted ')'
        }
    }

    /** The first token of the primary expression ending at token {@code end}, or -1 if none. */
    private static int operandStart(List<SqlToken> tokens, int end) {
        SqlToken last = tokens.get(end);
        int start;
        if (last.isSymbol(')') || last.isSymbol(']')) {
            start = matchingOpen(tokens, end);
            if (start < 0) {
                return -1;
            }
            int before = previousSignificant(tokens, start);
            if (before >= 0) {
                SqlToken previous = tokens.get(before);
                if (last.isSymbol(']') && (previous.isWord("ARRAY") || endsPrimary(previous))) {
                    int base = previous.isWord("ARRAY") ? before : operandStart(tokens, before);
                    start = base < 0 ? start : base;
                } else if (last.isSymbol(')') && previous.kind() == Kind.WORD && isFunctionName(previous)) {
                    start = before;
                }
            }
        } else if (isAtom(last)) {
            start = end;
            int before = previousSignificant(tokens, start);
            if (last.kind() == Kind.STRING && before >= 0 && tokens.get(before).kind() == Kind.WORD
                    && TYPED_LITERAL_PREFIXES.contains(tokens.get(before).upperText())) {
                start = before;
            }
        } else {
            return -1;
        }
        while (true) { // qualifiers: r.temperature, "db"."t".c, a.f(x), (row).field
            int dot = previousSignificant(tokens, start);
            if (dot < 0 || !tokens.get(dot).isSymbol('.')) {
                return start;
            }
            int qualifier = previousSignificant(tokens, dot);
            if (qualifier < 0) {
                return start;
            }
            SqlToken token = tokens.get(qualifier);
            if (token.kind() == Kind.WORD || token.kind() == Kind.QUOTED_IDENTIFIER) {
                start = qualifier;
            } else if (token.isSymbol(')') || token.isSymbol(']')) {
                int qualifierStart = operandStart(tokens, qualifier);
                if (qualifierStart < 0) {
                    return start;
                }
                start = qualifierStart;
            } else {
                return start;
            }
        }
    }

    private static boolean isAtom(SqlToken token) {
        return switch (token.kind()) {
            case WORD -> !RESERVED.contains(token.upperText());
            case QUOTED_IDENTIFIER, STRING, NUMBER -> true;
            default -> false;
        };
    }

    private static boolean endsPrimary(SqlToken token) {
        return isAtom(token) || token.isSymbol(')') || token.isSymbol(']');
    }

    /** CAST and EXTRACT are not in {@link #RESERVED}: they read as calls, which is what a cast needs. */
    private static boolean isFunctionName(SqlToken word) {
        return !RESERVED.contains(word.upperText());
    }

    /** The type after {@code ::}: a word with an optional {@code (...)} glued to it. */
    private static int typeEnd(List<SqlToken> tokens, int typeStart) {
        SqlToken type = tokens.get(typeStart);
        if (type.kind() != Kind.WORD) {
            return -1;
        }
        int next = typeStart + 1;
        if (next < tokens.size() && tokens.get(next).isSymbol('(')) {
            return matchingClose(tokens, next);
        }
        return typeStart;
    }

    private static int matchingOpen(List<SqlToken> tokens, int close) {
        char closing = tokens.get(close).text().charAt(0);
        char opening = closing == ')' ? '(' : '[';
        int depth = 0;
        for (int index = close; index >= 0; index--) {
            SqlToken token = tokens.get(index);
            if (token.isSymbol(closing)) {
                depth++;
            } else if (token.isSymbol(opening) && --depth == 0) {
                return index;
            }
        }
        return -1;
    }

    private static int matchingClose(List<SqlToken> tokens, int open) {
        int depth = 0;
        for (int index = open; index < tokens.size(); index++) {
            SqlToken token = tokens.get(index);
            if (token.isSymbol('(')) {
                depth++;
            } else if (token.isSymbol(')') && --depth == 0) {
                return index;
            }
        }
        return -1;
    }

    private static int previousSignificant(List<SqlToken> tokens, int before) {
        for (int index = before - 1; index >= 0; index--) {
            if (tokens.get(index).significant()) {
                return index;
            }
        }
        return -1;
    }

    private static int nextSignificant(List<SqlToken> tokens, int after) {
        for (int index = after + 1; index < tokens.size(); index++) {
            if (tokens.get(index).significant()) {
                return index;
            }
        }
        return -1;
    }

    private static PreLexedSql emit(String sql, List<SqlToken> tokens, Set<String> parameters) {
        StringBuilder text = new StringBuilder(sql.length() + 32);
        PositionMap.Builder positions = new PositionMap.Builder();
        SqlToken previous = null;
        for (SqlToken token : tokens) {
            if (previous != null && (token.synthetic() || previous.synthetic())
                    && gluesTo(text.charAt(text.length() - 1), token.text().charAt(0))) {
                positions.add(text.length(), token.sourceStart(), false);
                text.append(' ');
            }
            positions.add(text.length(), token.sourceStart(), !token.synthetic());
            text.append(token.text());
            previous = token;
        }
        return new PreLexedSql(sql, text.toString(), parameters, positions.build(sql.length(), text.length()), tokens);
    }

    /** Whether two characters side by side would lex as one token: a rewrite must not join them. */
    private static boolean gluesTo(char left, char right) {
        return isWordy(left) && isWordy(right);
    }

    private static boolean isWordy(char c) {
        return SqlTokenizer.isIdentifierPart(c) || c == '"' || c == '\'' || c == '@';
    }
}
