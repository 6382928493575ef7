package io.strata.cli.load;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations and instants as people type them on a command line: {@code 10s}, {@code 500ms},
 * {@code 5m}, {@code 2h}, {@code 1d} (or ISO-8601 {@code PT10S}); {@code 2024-05-01T00:00:00Z},
 * {@code now}, {@code now-2h}.
 */
public final class TimeArguments {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ns|us|ms|s|m|h|d)");
    private static final Pattern RELATIVE = Pattern.compile("now(?:([-+])(.+))?");

    private TimeArguments() {}

    /** A positive or zero duration. */
    public static Duration duration(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        Matcher matcher = DURATION.matcher(value);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ns" -> Duration.ofNanos(amount);
                case "us" -> Duration.ofNanos(Math.multiplyExact(amount, 1_000L));
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            Duration parsed = Duration.parse(text.strip().toUpperCase(Locale.ROOT));
            if (parsed.isNegative()) {
                throw new IllegalArgumentException("'" + text + "' is negative");
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (e.g. 10s, 500ms, 5m, 2h, 1d)");
        }
    }

    /** An instant: ISO-8601 with a zone or offset, {@code now}, or {@code now-<duration>}. */
    public static Instant instant(String text, Clock clock) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        Matcher relative = RELATIVE.matcher(value);
        if (relative.matches()) {
            Instant now = clock.instant();
            if (relative.group(1) == null) {
                return now;
            }
            Duration offset = duration(relative.group(2));
            return relative.group(1).equals("-") ? now.minus(offset) : now.plus(offset);
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time (e.g. 2024-05-01T00:00:00Z, now, now-2h)");
        }
    }

    /** A rate in events per second: {@code 5000}, {@code 5000/s}, {@code 300/m}. */
    public static double ratePerSecond(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        int slash = value.indexOf('/');
        String amount = slash < 0 ? value : value.substring(0, slash);
        String unit = slash < 0 ? "s" : value.substring(slash + 1);
        double count;
        try {
            count = Double.parseDouble(amount);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a rate (e.g. 5000/s)");
        }
        double seconds = switch (unit) {
            case "s" -> 1;
            case "m" -> 60;
            case "h" -> 3600;
            default -> throw new IllegalArgumentException("'" + text + "' is not a rate: the unit is /s, /m or /h");
        };
        if (!(count > 0) || Double.isInfinite(count)) {
            throw new IllegalArgumentException("'" + text + "' is not a positive rate");
        }
        return count / seconds;
    }
}
