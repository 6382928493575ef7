package io.strata.query.function.scalar;

import io.strata.core.error.QueryExecutionException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The regexp_* functions with Java regular expressions (Timestream documents Java syntax) and
 * Trino's semantics: {@code regexp_like} searches (no implicit anchors), group 0 is the whole
 * match, a missing match is NULL for extract and an empty array for extract_all, and replacements
 * use {@code $1} back-references.
 *
 * <p>Patterns are compiled once per query through a {@link RegexCache} owned by the query (bad
 * syntax is a {@link QueryExecutionException}). The functions are thread-safe; a cache is not.
 */
public final class RegexFunctions {
    private RegexFunctions() {}

    public static boolean regexpLike(RegexCache patterns, String value, String pattern) {
        return patterns.compile(pattern).matcher(value).find();
    }

    public static String regexpExtract(RegexCache patterns, String value, String pattern) {
        return regexpExtract(patterns, value, pattern, 0);
    }

    public static String regexpExtract(RegexCache patterns, String value, String pattern, long group) {
        Matcher matcher = patterns.compile(pattern).matcher(value);
        checkGroup(matcher, group);
        return matcher.find() ? matcher.group((int) group) : null;
    }

    public static List<String> regexpExtractAll(RegexCache patterns, String value, String pattern) {
        return regexpExtractAll(patterns, value, pattern, 0);
    }

    /** Every match's group; a group that did not take part in a match contributes NULL. */
    public static List<String> regexpExtractAll(RegexCache patterns, String value, String pattern, long group) {
        Matcher matcher = patterns.compile(pattern).matcher(value);
        checkGroup(matcher, group);
        List<String> matches = new ArrayList<>();
        while (matcher.find()) {
            matches.add(matcher.group((int) group));
        }
        return matches;
    }

    public static String regexpReplace(RegexCache patterns, String value, String pattern) {
        return regexpReplace(patterns, value, pattern, "");
    }

    public static String regexpReplace(RegexCache patterns, String value, String pattern, String replacement) {
        try {
            return patterns.compile(pattern).matcher(value).replaceAll(replacement);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new QueryExecutionException("Illegal replacement sequence: " + replacement);
        }
    }

    /** {@code regexp_replace(s, p, m -> ...)}: the lambda receives the match's groups (group 1 first). */
    public static String regexpReplace(RegexCache patterns, String value, String pattern,
                                       java.util.function.Function<List<String>, String> replacement) {
        Matcher matcher = patterns.compile(pattern).matcher(value);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            List<String> groups = new ArrayList<>(matcher.groupCount());
            for (int group = 1; group <= matcher.groupCount(); group++) {
                groups.add(matcher.group(group));
            }
            String replaced = replacement.apply(groups);
            matcher.appendReplacement(result, Matcher.quoteReplacement(replaced == null ? "" : replaced));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /** Splits around matches; trailing empty parts are kept (unlike {@link String#split}). */
    public static List<String> regexpSplit(RegexCache patterns, String value, String pattern) {
        return List.of(patterns.compile(pattern).split(value, -1));
    }

    private static void checkGroup(Matcher matcher, long group) {
        if (group < 0 || group > matcher.groupCount()) {
            throw new QueryExecutionException("Pattern has " + matcher.groupCount() + " groups. Cannot access group " + group);
        }
    }

    /**
     * Compiled patterns of one query, keyed by pattern text: a constant pattern compiles once
     * however many rows it meets. Bounded so a pattern taken from a column cannot grow it without
     * limit. Not thread-safe: one per query (or per operator thread).
     */
    public static final class RegexCache {
        private static final int MAX_PATTERNS = 256;
        private final java.util.LinkedHashMap<String, Pattern> compiled = new java.util.LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<String, Pattern> eldest) {
                return size() > MAX_PATTERNS;
            }
        };

        Pattern compile(String pattern) {
            Pattern result = compiled.get(pattern);
            if (result == null) {
                try {
                    result = Pattern.compile(pattern);
                } catch (PatternSyntaxException e) {
                    throw new QueryExecutionException("Invalid regular expression: " + e.getDescription() + " in " + pattern);
                }
                compiled.put(pattern, result);
            }
            return result;
        }

        int size() {
            return compiled.size();
        }
    }
}
