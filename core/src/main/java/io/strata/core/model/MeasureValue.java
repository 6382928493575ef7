package io.strata.core.model;

import io.strata.core.error.ValidationException;
import io.strata.core.time.TimeUnit;
import java.util.Objects;

/**
 * One typed measure value. Values arrive as strings; {@link #parse} accepts exactly the forms
 * below and refuses everything else with a reason a user can act on.
 *
 * <ul>
 *   <li>DOUBLE: decimal notation with optional sign, fraction and exponent ({@code 1.5},
 *       {@code -2}, {@code .5}, {@code 1e3}, {@code 6.02E+23}); finite only — {@code NaN},
 *       {@code Infinity} and values that overflow to infinity ({@code 1e400}) are refused, as are
 *       hexadecimal and Java suffixes ({@code 1d}) and surrounding whitespace.
 *   <li>BIGINT: an optional sign and ASCII digits within the signed 64-bit range.
 *   <li>VARCHAR: any text up to 2048 UTF-8 bytes.
 *   <li>BOOLEAN: {@code true} or {@code false}, case-insensitively ({@code TRUE}, {@code False})
 *       [U: Timestream does not document the case rule]; {@code 1}, {@code yes} are refused.
 *   <li>TIMESTAMP: a non-negative count of the record's {@link TimeUnit} since the epoch
 *       [U: Timestream does not document the encoding; reading it in the record's time unit
 *       makes the default milliseconds and lets NANOSECONDS records carry full precision].
 * </ul>
 */
public sealed interface MeasureValue extends Measure
        permits DoubleValue, BigintValue, VarcharValue, BooleanValue, TimestampValue {

    /** The value in the canonical string form Strata answers with. */
    String text();

    /**
     * Parses a value of a scalar {@code type} from its wire text.
     *
     * @param unit the record's time unit, which TIMESTAMP values are counted in
     * @throws ValidationException with the reason if the text is not a value of that type
     * @throws IllegalArgumentException if {@code type} is MULTI (a multi-measure record has no
     *     single value)
     */
    static MeasureValue parse(MeasureValueType type, String text, TimeUnit unit) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        return switch (type) {
            case DOUBLE -> DoubleValue.parse(text);
            case BIGINT -> BigintValue.parse(text);
            case VARCHAR -> new VarcharValue(text);
            case BOOLEAN -> BooleanValue.parse(text);
            case TIMESTAMP -> TimestampValue.parse(text, unit);
            case MULTI -> throw new IllegalArgumentException("MULTI has no single value");
        };
    }
}
