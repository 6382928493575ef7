package io.strata.query.parse;

import io.strata.core.error.ValidationException;
import io.strata.query.function.time.Nanos;
import io.trino.sql.tree.CompositeIntervalQualifier;
import io.trino.sql.tree.IntervalField;
import io.trino.sql.tree.IntervalLiteral;
import io.trino.sql.tree.IntervalQualifier;
import io.trino.sql.tree.SimpleIntervalQualifier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Reads the value of a Trino {@link IntervalLiteral} exactly. Trino keeps the literal's text, so a
 * duration the pre-lexer wrote as {@code INTERVAL '0.000000015' SECOND} comes back as 15 ns.
 * Accepts one field ({@code '5' MINUTE}) or a range ({@code '1 02:03:04.5' DAY TO SECOND},
 * {@code '1-6' YEAR TO MONTH}), with an optional sign inside the text and before it.
 *
 * <p>Errors are {@link ValidationException}s without a position: position them with
 * {@link ParsedStatement.Select#errorAt}.
 */
public final class IntervalLiterals {

    private static final List<String> DAY_TO_SECOND = List.of("DAY", "HOUR", "MINUTE", "SECOND");
    private static final long[] FIELD_NANOS = {Nanos.PER_DAY, Nanos.PER_HOUR, Nanos.PER_MINUTE, Nanos.PER_SECOND};

    private IntervalLiterals() {}

    public static IntervalValue decode(IntervalLiteral literal) {
        String from;
        String to;
        IntervalQualifier qualifier = literal.qualifier();
        if (qualifier instanceof SimpleIntervalQualifier simple) {
            from = fieldName(simple.getField());
            to = from;
        } else if (qualifier instanceof CompositeIntervalQualifier composite) {
            from = fieldName(composite.getFrom());
            to = fieldName(composite.getTo());
        } else {
            throw new ValidationException("Unsupported interval qualifier: " + qualifier);
        }
        String text = literal.getValue().strip();
        int sign = literal.getSign().multiplier();
        if (text.startsWith("-") || text.startsWith("+")) {
            sign = text.startsWith("-") ? -sign : sign;
            text = text.substring(1).strip();
        }
        try {
            if (from.equals("YEAR") || from.equals("MONTH")) {
                return new IntervalValue.YearToMonth(sign * yearToMonth(from, to, text));
            }
            return new IntervalValue.DayToSecond(sign * dayToSecond(from, to, text));
        } catch (ArithmeticException | NumberFormatException e) {
            throw new ValidationException("Invalid INTERVAL " + from + (from.equals(to) ? "" : " TO " + to)
                    + " value: '" + literal.getValue() + "'");
        }
    }

    private static String fieldName(IntervalField field) {
        return field.name().toUpperCase(java.util.Locale.ROOT);
    }

    private static long yearToMonth(String from, String to, String text) {
        if (from.equals(to)) {
            long amount = new BigDecimal(text).longValueExact();
            return from.equals("YEAR") ? Math.multiplyExact(amount, 12L) : amount;
        }
        if (!from.equals("YEAR") || !to.equals("MONTH")) {
            throw new NumberFormatException("bad qualifier");
        }
        String[] parts = text.split("-", -1);
        if (parts.length != 2) {
            throw new NumberFormatException("expected years-months");
        }
        long months = Long.parseLong(parts[1]);
        if (months < 0 || months > 11) {
            throw new NumberFormatException("months out of range");
        }
        return Math.addExact(Math.multiplyExact(Long.parseLong(parts[0]), 12L), months);
    }

    private static long dayToSecond(String from, String to, String text) {
        int first = DAY_TO_SECOND.indexOf(from);
        int last = DAY_TO_SECOND.indexOf(to);
        if (first < 0 || last < first) {
            throw new NumberFormatException("bad qualifier");
        }
        String[] parts = text.split("[ :]", -1);
        if (parts.length != last - first + 1) {
            throw new NumberFormatException("wrong number of fields");
        }
        long total = 0;
        for (int index = 0; index < parts.length; index++) {
            int field = first + index;
            BigDecimal amount = new BigDecimal(parts[index]);
            if (amount.signum() < 0 || (field != 3 && amount.stripTrailingZeros().scale() > 0)) {
                throw new NumberFormatException("bad field value");
            }
            long nanos = amount.multiply(BigDecimal.valueOf(FIELD_NANOS[field]))
                    .setScale(0, RoundingMode.UNNECESSARY)
                    .longValueExact();
            total = Math.addExact(total, nanos);
        }
        return total;
    }
}
