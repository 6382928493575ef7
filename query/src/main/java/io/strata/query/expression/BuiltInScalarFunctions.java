package io.strata.query.expression;

import static io.strata.query.expression.SqlType.BIGINT;
import static io.strata.query.expression.SqlType.BOOLEAN;
import static io.strata.query.expression.SqlType.DATE;
import static io.strata.query.expression.SqlType.DOUBLE;
import static io.strata.query.expression.SqlType.INTEGER;
import static io.strata.query.expression.SqlType.INTERVAL_DAY_TO_SECOND;
import static io.strata.query.expression.SqlType.INTERVAL_YEAR_TO_MONTH;
import static io.strata.query.expression.SqlType.TIME;
import static io.strata.query.expression.SqlType.TIMESTAMP;
import static io.strata.query.expression.SqlType.VARCHAR;

import io.strata.core.batch.BooleanVector;
import io.strata.core.batch.ColumnVector;
import io.strata.core.error.QueryExecutionException;
import io.strata.query.function.time.DateTimeUnit;
import io.strata.query.function.scalar.IntegerArithmetic;
import io.strata.query.function.time.EpochConversions;
import io.strata.query.function.time.Nanos;
import io.strata.query.function.time.TimeText;
import io.strata.query.function.time.TimestampArithmetic;
import io.strata.query.function.time.TimestampField;
import io.strata.query.function.time.TimestampRounding;
import io.strata.query.function.time.TimestampText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * The scalar functions and operators the engine binds itself: comparison, arithmetic, logic,
 * string and math basics, and the time functions of {@code io.strata.query.function.time}. The
 * function library (branch {@code query-functions}) adds the rest through the same registry.
 */
final class BuiltInScalarFunctions {
    private static final List<SqlType> ORDERABLE = List.of(BIGINT, INTEGER, DOUBLE, VARCHAR, BOOLEAN, TIMESTAMP, DATE,
            TIME, INTERVAL_DAY_TO_SECOND, INTERVAL_YEAR_TO_MONTH);

    private BuiltInScalarFunctions() {}

    static void register(FunctionResolver resolver) {
        comparisons(resolver);
        arithmetic(resolver);
        time(resolver);
        math(resolver);
        strings(resolver);
    }

    private static void comparisons(FunctionResolver resolver) {
        for (SqlType type : ORDERABLE) {
            comparison(resolver, "$equal", type, sign -> sign == 0);
            comparison(resolver, "$not_equal", type, sign -> sign != 0);
            comparison(resolver, "$less_than", type, sign -> sign < 0);
            comparison(resolver, "$less_than_or_equal", type, sign -> sign <= 0);
            comparison(resolver, "$greater_than", type, sign -> sign > 0);
            comparison(resolver, "$greater_than_or_equal", type, sign -> sign >= 0);
            comparison(resolver, "$is_distinct_from", type, sign -> sign != 0);
        }
        resolver.register("$not", List.of(BOOLEAN), BOOLEAN, (arguments, rows) -> {
            ColumnVector input = arguments[0];
            BooleanVector.Builder out = new BooleanVector.Builder(rows);
            for (int row = 0; row < rows; row++) {
                if (input.isNull(row)) {
                    out.appendNull();
                } else {
                    out.append(!((BooleanVector) input).get(row));
                }
            }
            return out.build();
        });
        resolver.register("$like", List.of(VARCHAR, VARCHAR), BOOLEAN, (arguments, rows) -> {
            Pattern[] cache = new Pattern[1];
            String[] cachedPattern = new String[1];
            return Kernels.objects(BOOLEAN, values -> {
                String pattern = (String) values[1];
                if (!pattern.equals(cachedPattern[0])) {
                    cachedPattern[0] = pattern;
                    cache[0] = likePattern(pattern);
                }
                return cache[0].matcher((String) values[0]).matches();
            }).apply(arguments, rows);
        });
        for (SqlType type : ORDERABLE) {
            resolver.register("greatest", List.of(type, type), type, Kernels.objects(type, values ->
                    compareObjects(values[0], values[1]) >= 0 ? values[0] : values[1]));
            resolver.register("least", List.of(type, type), type, Kernels.objects(type, values ->
                    compareObjects(values[0], values[1]) <= 0 ? values[0] : values[1]));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareObjects(Object left, Object right) {
        return ((Comparable) left).compareTo(right);
    }

    static Pattern likePattern(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int index = 0; index < pattern.length(); index++) {
            char c = pattern.charAt(index);
            switch (c) {
                case '%' -> regex.append(".*");
                case '_' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static void comparison(FunctionResolver resolver, String name, SqlType type, IntPredicate test) {
        resolver.register(name, List.of(type, type), BOOLEAN, Kernels.comparison(test));
    }

    private static void arithmetic(FunctionResolver resolver) {
        resolver.register("$add", List.of(BIGINT, BIGINT), BIGINT, Kernels.longBinary(BIGINT, Math::addExact));
        resolver.register("$subtract", List.of(BIGINT, BIGINT), BIGINT, Kernels.longBinary(BIGINT, Math::subtractExact));
        resolver.register("$multiply", List.of(BIGINT, BIGINT), BIGINT, Kernels.longBinary(BIGINT, Math::multiplyExact));
        resolver.register("$divide", List.of(BIGINT, BIGINT), BIGINT, Kernels.longBinary(BIGINT, (a, b) -> {
            if (b == 0) {
                throw new QueryExecutionException("Division by zero");
            }
            return a / b;
        }));
        resolver.register("$modulus", List.of(BIGINT, BIGINT), BIGINT, Kernels.longBinary(BIGINT, (a, b) -> {
            if (b == 0) {
                throw new QueryExecutionException("Division by zero");
            }
            return a % b;
        }));
        resolver.register("$modulo", List.of(BIGINT, BIGINT), BIGINT, resolver.resolveScalar("$modulus", List.of(BIGINT, BIGINT)).implementation());
        resolver.register("$add", List.of(DOUBLE, DOUBLE), DOUBLE, Kernels.doubleBinary(Double::sum));
        resolver.register("$subtract", List.of(DOUBLE, DOUBLE), DOUBLE, Kernels.doubleBinary((a, b) -> a - b));
        resolver.register("$multiply", List.of(DOUBLE, DOUBLE), DOUBLE, Kernels.doubleBinary((a, b) -> a * b));
        resolver.register("$divide", List.of(DOUBLE, DOUBLE), DOUBLE, Kernels.doubleBinary((a, b) -> a / b));
        resolver.register("$modulus", List.of(DOUBLE, DOUBLE), DOUBLE, Kernels.doubleBinary((a, b) -> a % b));
        resolver.register("$modulo", List.of(DOUBLE, DOUBLE), DOUBLE, Kernels.doubleBinary((a, b) -> a % b));
        resolver.register("$negate", List.of(BIGINT), BIGINT, Kernels.longUnary(BIGINT, Math::negateExact));
        resolver.register("$negate", List.of(DOUBLE), DOUBLE, Kernels.doubleUnary(a -> -a));
        resolver.register("$negate", List.of(INTERVAL_DAY_TO_SECOND), INTERVAL_DAY_TO_SECOND,
                Kernels.longUnary(INTERVAL_DAY_TO_SECOND, Math::negateExact));
        resolver.register("$add", List.of(TIMESTAMP, INTERVAL_DAY_TO_SECOND), TIMESTAMP,
                Kernels.longBinary(TIMESTAMP, TimestampArithmetic::plus));
        resolver.register("$add", List.of(INTERVAL_DAY_TO_SECOND, TIMESTAMP), TIMESTAMP,
                Kernels.longBinary(TIMESTAMP, (interval, timestamp) -> TimestampArithmetic.plus(timestamp, interval)));
        resolver.register("$subtract", List.of(TIMESTAMP, INTERVAL_DAY_TO_SECOND), TIMESTAMP,
                Kernels.longBinary(TIMESTAMP, TimestampArithmetic::minus));
        resolver.register("$add", List.of(TIMESTAMP, INTERVAL_YEAR_TO_MONTH), TIMESTAMP,
                Kernels.longBinary(TIMESTAMP, TimestampArithmetic::plusMonths));
        resolver.register("$subtract", List.of(TIMESTAMP, INTERVAL_YEAR_TO_MONTH), TIMESTAMP,
                Kernels.longBinary(TIMESTAMP, (timestamp, months) -> TimestampArithmetic.plusMonths(timestamp, -months)));
        resolver.register("$add", List.of(INTERVAL_DAY_TO_SECOND, INTERVAL_DAY_TO_SECOND), INTERVAL_DAY_TO_SECOND,
                Kernels.longBinary(INTERVAL_DAY_TO_SECOND, Math::addExact));
        resolver.register("$subtract", List.of(INTERVAL_DAY_TO_SECOND, INTERVAL_DAY_TO_SECOND), INTERVAL_DAY_TO_SECOND,
                Kernels.longBinary(INTERVAL_DAY_TO_SECOND, Math::subtractExact));
        resolver.register("$multiply", List.of(INTERVAL_DAY_TO_SECOND, BIGINT), INTERVAL_DAY_TO_SECOND,
                Kernels.longBinary(INTERVAL_DAY_TO_SECOND, Math::multiplyExact));
        resolver.register("$multiply", List.of(BIGINT, INTERVAL_DAY_TO_SECOND), INTERVAL_DAY_TO_SECOND,
                Kernels.longBinary(INTERVAL_DAY_TO_SECOND, Math::multiplyExact));
        resolver.register("$concat", List.of(VARCHAR, VARCHAR), VARCHAR,
                Kernels.objects(VARCHAR, values -> (String) values[0] + values[1]));
        integerArithmetic(resolver);
        timeArithmetic(resolver);
    }

    /**
     * integer op integer stays integer and fails on 32-bit overflow; with a bigint or a double the
     * integer side is coerced (the BIGINT and DOUBLE overloads above).
     */
    private static void integerArithmetic(FunctionResolver resolver) {
        List<SqlType> integers = List.of(INTEGER, INTEGER);
        resolver.register("$add", integers, INTEGER, Kernels.longBinary(INTEGER, IntegerArithmetic::add));
        resolver.register("$subtract", integers, INTEGER, Kernels.longBinary(INTEGER, IntegerArithmetic::subtract));
        resolver.register("$multiply", integers, INTEGER, Kernels.longBinary(INTEGER, IntegerArithmetic::multiply));
        resolver.register("$divide", integers, INTEGER, Kernels.longBinary(INTEGER, IntegerArithmetic::divide));
        resolver.register("$modulus", integers, INTEGER, Kernels.longBinary(INTEGER, IntegerArithmetic::modulus));
        resolver.register("$modulo", integers, INTEGER, Kernels.longBinary(INTEGER, IntegerArithmetic::modulus));
        resolver.register("mod", integers, INTEGER, Kernels.longBinary(INTEGER, IntegerArithmetic::modulus));
        resolver.register("$negate", List.of(INTEGER), INTEGER, Kernels.longUnary(INTEGER, IntegerArithmetic::negate));
        resolver.register("abs", List.of(INTEGER), INTEGER, Kernels.longUnary(INTEGER,
                value -> value < 0 ? IntegerArithmetic.negate(value) : value));
    }

    /** time ± interval wraps around midnight; time − time is an interval, as in Trino. */
    private static void timeArithmetic(FunctionResolver resolver) {
        resolver.register("$add", List.of(TIME, INTERVAL_DAY_TO_SECOND), TIME, Kernels.longBinary(TIME, TimeText::plus));
        resolver.register("$add", List.of(INTERVAL_DAY_TO_SECOND, TIME), TIME,
                Kernels.longBinary(TIME, (interval, time) -> TimeText.plus(time, interval)));
        resolver.register("$subtract", List.of(TIME, INTERVAL_DAY_TO_SECOND), TIME,
                Kernels.longBinary(TIME, (time, interval) -> TimeText.plus(time, -(interval % Nanos.PER_DAY))));
        resolver.register("$subtract", List.of(TIME, TIME), INTERVAL_DAY_TO_SECOND,
                Kernels.longBinary(INTERVAL_DAY_TO_SECOND, (left, right) -> left - right));
    }

    private static void time(FunctionResolver resolver) {
        resolver.register("bin", List.of(TIMESTAMP, INTERVAL_DAY_TO_SECOND), TIMESTAMP,
                Kernels.longBinary(TIMESTAMP, TimestampRounding::bin));
        resolver.register("from_milliseconds", List.of(BIGINT), TIMESTAMP,
                Kernels.longUnary(TIMESTAMP, EpochConversions::fromMilliseconds));
        resolver.register("from_nanoseconds", List.of(BIGINT), TIMESTAMP,
                Kernels.longUnary(TIMESTAMP, EpochConversions::fromNanoseconds));
        resolver.register("to_milliseconds", List.of(TIMESTAMP), BIGINT, Kernels.longUnary(BIGINT, EpochConversions::toMilliseconds));
        resolver.register("to_milliseconds", List.of(INTERVAL_DAY_TO_SECOND), BIGINT,
                Kernels.longUnary(BIGINT, EpochConversions::intervalToMilliseconds));
        resolver.register("to_nanoseconds", List.of(TIMESTAMP), BIGINT, Kernels.longUnary(BIGINT, EpochConversions::toNanoseconds));
        resolver.register("from_unixtime", List.of(DOUBLE), TIMESTAMP,
                Kernels.doubleToLong(TIMESTAMP, EpochConversions::fromUnixtime));
        resolver.register("to_unixtime", List.of(TIMESTAMP), DOUBLE, Kernels.objects(DOUBLE, values -> EpochConversions.toUnixtime((Long) values[0])));
        resolver.register("date_trunc", List.of(VARCHAR, TIMESTAMP), TIMESTAMP, Kernels.objects(TIMESTAMP, values ->
                TimestampRounding.dateTrunc(DateTimeUnit.fromName((String) values[0]), (Long) values[1])));
        resolver.register("date_add", List.of(VARCHAR, BIGINT, TIMESTAMP), TIMESTAMP, Kernels.objects(TIMESTAMP, values ->
                TimestampArithmetic.dateAdd(DateTimeUnit.fromName((String) values[0]), (Long) values[1], (Long) values[2])));
        resolver.register("date_add", List.of(VARCHAR, BIGINT, TIME), TIME, Kernels.objects(TIME, values ->
                TimeText.dateAdd(DateTimeUnit.fromName((String) values[0]), (Long) values[1], (Long) values[2])));
        resolver.register("date_diff", List.of(VARCHAR, TIME, TIME), BIGINT, Kernels.objects(BIGINT, values ->
                TimeText.dateDiff(DateTimeUnit.fromName((String) values[0]), (Long) values[1], (Long) values[2])));
        for (TimestampField field : List.of(TimestampField.HOUR, TimestampField.MINUTE, TimestampField.SECOND,
                TimestampField.MILLISECOND)) {
            // A time is a timestamp on 1970-01-01, so the timestamp fields within a day read it as is.
            resolver.register(field.name().toLowerCase(Locale.ROOT), List.of(TIME), BIGINT, Kernels.longUnary(BIGINT, field::extract));
        }
        resolver.register("date_diff", List.of(VARCHAR, TIMESTAMP, TIMESTAMP), BIGINT, Kernels.objects(BIGINT, values ->
                TimestampArithmetic.dateDiff(DateTimeUnit.fromName((String) values[0]), (Long) values[1], (Long) values[2])));
        resolver.register("to_iso8601", List.of(TIMESTAMP), VARCHAR, Kernels.objects(VARCHAR, values ->
                TimestampText.format((Long) values[0]).replace(' ', 'T') + "Z"));
        for (TimestampField field : TimestampField.values()) {
            String name = field.name().toLowerCase(Locale.ROOT);
            resolver.register(name, List.of(TIMESTAMP), BIGINT, Kernels.longUnary(BIGINT, field::extract));
        }
        resolver.register("day_of_month", List.of(TIMESTAMP), BIGINT, Kernels.longUnary(BIGINT, TimestampField.DAY::extract));
        resolver.register("dow", List.of(TIMESTAMP), BIGINT, Kernels.longUnary(BIGINT, TimestampField.DAY_OF_WEEK::extract));
        resolver.register("doy", List.of(TIMESTAMP), BIGINT, Kernels.longUnary(BIGINT, TimestampField.DAY_OF_YEAR::extract));
    }

    private static void math(FunctionResolver resolver) {
        resolver.register("abs", List.of(BIGINT), BIGINT, Kernels.longUnary(BIGINT, Math::absExact));
        resolver.register("abs", List.of(DOUBLE), DOUBLE, Kernels.doubleUnary(Math::abs));
        resolver.register("sqrt", List.of(DOUBLE), DOUBLE, Kernels.doubleUnary(Math::sqrt));
        resolver.register("ln", List.of(DOUBLE), DOUBLE, Kernels.doubleUnary(Math::log));
        resolver.register("log10", List.of(DOUBLE), DOUBLE, Kernels.doubleUnary(Math::log10));
        resolver.register("exp", List.of(DOUBLE), DOUBLE, Kernels.doubleUnary(Math::exp));
        resolver.register("floor", List.of(DOUBLE), DOUBLE, Kernels.doubleUnary(Math::floor));
        resolver.register("floor", List.of(BIGINT), BIGINT, Kernels.longUnary(BIGINT, value -> value));
        resolver.register("ceil", List.of(DOUBLE), DOUBLE, Kernels.doubleUnary(Math::ceil));
        resolver.register("ceiling", List.of(DOUBLE), DOUBLE, Kernels.doubleUnary(Math::ceil));
        resolver.register("ceil", List.of(BIGINT), BIGINT, Kernels.longUnary(BIGINT, value -> value));
        resolver.register("power", List.of(DOUBLE, DOUBLE), DOUBLE, Kernels.doubleBinary(Math::pow));
        resolver.register("pow", List.of(DOUBLE, DOUBLE), DOUBLE, Kernels.doubleBinary(Math::pow));
        resolver.register("round", List.of(BIGINT), BIGINT, Kernels.longUnary(BIGINT, value -> value));
        resolver.register("round", List.of(DOUBLE), DOUBLE, Kernels.doubleUnary(value -> roundHalfUp(value, 0)));
        resolver.register("round", List.of(DOUBLE, BIGINT), DOUBLE, Kernels.objects(DOUBLE, values ->
                roundHalfUp((Double) values[0], ((Long) values[1]).intValue())));
        resolver.register("sign", List.of(DOUBLE), DOUBLE, Kernels.doubleUnary(Math::signum));
        resolver.register("mod", List.of(BIGINT, BIGINT), BIGINT, resolver.resolveScalar("$modulus", List.of(BIGINT, BIGINT)).implementation());
        resolver.register("mod", List.of(DOUBLE, DOUBLE), DOUBLE, Kernels.doubleBinary((a, b) -> a % b));
        resolver.register("is_nan", List.of(DOUBLE), BOOLEAN, Kernels.objects(BOOLEAN, values -> Double.isNaN((Double) values[0])));
    }

    /** Trino rounds half away from zero. */
    static double roundHalfUp(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    private static void strings(FunctionResolver resolver) {
        resolver.register("lower", List.of(VARCHAR), VARCHAR, Kernels.varcharUnary(text -> text.toLowerCase(Locale.ROOT)));
        resolver.register("upper", List.of(VARCHAR), VARCHAR, Kernels.varcharUnary(text -> text.toUpperCase(Locale.ROOT)));
        resolver.register("trim", List.of(VARCHAR), VARCHAR, Kernels.varcharUnary(String::strip));
        resolver.register("reverse", List.of(VARCHAR), VARCHAR, Kernels.varcharUnary(text -> new StringBuilder(text).reverse().toString()));
        resolver.register("length", List.of(VARCHAR), BIGINT, Kernels.objects(BIGINT, values ->
                (long) ((String) values[0]).codePointCount(0, ((String) values[0]).length())));
        resolver.register("concat", List.of(VARCHAR, VARCHAR), VARCHAR, Kernels.objects(VARCHAR, values -> (String) values[0] + values[1]));
        resolver.register("substr", List.of(VARCHAR, BIGINT), VARCHAR, Kernels.objects(VARCHAR, values ->
                substring((String) values[0], (Long) values[1], Long.MAX_VALUE)));
        resolver.register("substr", List.of(VARCHAR, BIGINT, BIGINT), VARCHAR, Kernels.objects(VARCHAR, values ->
                substring((String) values[0], (Long) values[1], (Long) values[2])));
        resolver.register("replace", List.of(VARCHAR, VARCHAR, VARCHAR), VARCHAR, Kernels.objects(VARCHAR, values ->
                ((String) values[0]).replace((String) values[1], (String) values[2])));
        resolver.register("strpos", List.of(VARCHAR, VARCHAR), BIGINT, Kernels.objects(BIGINT, values ->
                (long) ((String) values[0]).indexOf((String) values[1]) + 1));
        resolver.register("regexp_like", List.of(VARCHAR, VARCHAR), BOOLEAN, Kernels.objects(BOOLEAN, values ->
                Pattern.compile((String) values[1]).matcher((String) values[0]).find()));
    }

    /** Trino's substr: 1-based start, negative counts from the end, length in code points. */
    private static String substring(String text, long start, long length) {
        int codePoints = text.codePointCount(0, text.length());
        if (start == 0 || length <= 0) {
            return "";
        }
        long first = start > 0 ? start - 1 : codePoints + start;
        if (first < 0 || first >= codePoints) {
            return "";
        }
        long last = Math.min(codePoints, first + Math.min(length, codePoints));
        int begin = text.offsetByCodePoints(0, (int) first);
        int end = text.offsetByCodePoints(0, (int) last);
        return text.substring(begin, end);
    }
}
