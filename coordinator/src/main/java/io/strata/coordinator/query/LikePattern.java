package io.strata.coordinator.query;

import java.util.regex.Pattern;

/** SQL {@code LIKE} for the metadata statements' filters: {@code %} any run, {@code _} one character, case kept. */
final class LikePattern {
    private LikePattern() {}

    static Pattern compile(String pattern) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int index = 0; index < pattern.length(); index++) {
            char character = pattern.charAt(index);
            if (character == '%' || character == '_') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(character == '%' ? ".*" : ".");
            } else {
                literal.append(character);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
