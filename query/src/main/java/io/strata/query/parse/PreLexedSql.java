package io.strata.query.parse;

import io.strata.core.error.ValidationException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pre-lexer's output: Trino-compatible SQL text, the user's original text, and what is needed
 * to speak about the user's text again (positions, the named parameters that were quoted).
 * Immutable; safe to share between threads.
 */
public final class PreLexedSql {
    private final String originalText;
    private final String text;
    private final Set<String> namedParameters;
    private final PositionMap positions;
    private final List<SqlToken> tokens;

    PreLexedSql(String originalText, String text, Set<String> namedParameters, PositionMap positions, List<SqlToken> tokens) {
        this.originalText = Objects.requireNonNull(originalText, "originalText");
        this.text = Objects.requireNonNull(text, "text");
        this.namedParameters = Set.copyOf(namedParameters);
        this.positions = Objects.requireNonNull(positions, "positions");
        this.tokens = List.copyOf(tokens);
    }

    /** The statement as the user wrote it. */
    public String originalText() {
        return originalText;
    }

    /** The rewritten statement that Trino's parser reads. */
    public String text() {
        return text;
    }

    /** The {@code @name}s found outside quotes, as written, without the {@code @}. */
    public Set<String> namedParameters() {
        return namedParameters;
    }

    /** The rewritten tokens, whitespace and comments included. */
    List<SqlToken> tokens() {
        return tokens;
    }

    /** Where, in the user's text, the character at this line:column of the rewritten text came from. */
    public SourcePosition userPosition(int line, int column) {
        int outputOffset = new SourcePosition(line, column).offsetIn(text);
        return SourcePosition.of(originalText, positions.sourceOffset(outputOffset));
    }

    /**
     * A {@link ValidationException} for a problem Trino (or the analyzer) found at a line:column of
     * the rewritten text, reported at the user's line:column. When the position falls on rewritten
     * text, the quoted token in the message is replaced by what the user wrote there, so that
     * {@code mismatched input 'INTERVAL'} reads {@code mismatched input '5m'}.
     */
    public ValidationException errorAt(int line, int column, String message) {
        int outputOffset = new SourcePosition(line, column).offsetIn(text);
        int sourceOffset = positions.sourceOffset(outputOffset);
        String userMessage = message;
        if (positions.rewritten(outputOffset)) {
            String rewrittenToken = rewrittenTokenAt(outputOffset);
            String userToken = userTextAt(sourceOffset);
            if (!rewrittenToken.isEmpty() && userToken != null) {
                userMessage = message.replaceFirst(
                        Pattern.quote("'" + rewrittenToken + "'"), Matcher.quoteReplacement("'" + userToken + "'"));
            }
        }
        return SourcePosition.of(originalText, sourceOffset).error(userMessage);
    }

    /** The word of rewritten text at {@code outputOffset}: what Trino quotes as the offending input. */
    private String rewrittenTokenAt(int outputOffset) {
        int end = outputOffset;
        int segmentEnd = positions.segmentEnd(outputOffset);
        while (end < segmentEnd && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return text.substring(outputOffset, end);
    }

    /** The user's text that a rewrite replaced starting at {@code sourceOffset}. */
    private String userTextAt(int sourceOffset) {
        for (SqlToken token : tokens) {
            if (token.synthetic() && token.sourceStart() == sourceOffset && token.sourceEnd() > sourceOffset) {
                return originalText.substring(token.sourceStart(), token.sourceEnd());
            }
        }
        for (SqlToken token : SqlTokenizer.tokenize(originalText)) {
            if (token.sourceStart() <= sourceOffset && sourceOffset < token.sourceEnd()) {
                return token.text();
            }
        }
        return null;
    }
}
