package io.strata.query.function.scalar;

import io.strata.core.batch.DoubleVector;
import io.strata.core.batch.LongVector;
import io.strata.core.error.QueryExecutionException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

/**
 * Timestream's (Trino's) mathematical functions. Arguments are never NULL here: the engine answers
 * NULL for a NULL argument without calling (see {@link ScalarFunctionRegistry}). Integer overflow
 * and division by zero are {@link QueryExecutionException}s, never wrapped values. Pure and
 * thread-safe, apart from {@link #random} which draws from the caller's source.
 */
public final class MathFunctions {
    private MathFunctions() {}

    public static long abs(long value) {
        if (value == Long.MIN_VALUE) {
            throw new QueryExecutionException("Value -9223372036854775808 is out of range for abs(bigint)");
        }
        return Math.abs(value);
    }

    public static double abs(double value) {
        return Math.abs(value);
    }

    /** {@code abs} over a whole column, nulls kept. */
    public static DoubleVector abs(DoubleVector values) {
        int size = values.size();
        double[] result = new double[size];
        for (int row = 0; row < size; row++) {
            result[row] = Math.abs(values.get(row));
        }
        return DoubleVector.wrap(result, size, values.nulls());
    }

    public static LongVector abs(LongVector values) {
        int size = values.size();
        long[] result = new long[size];
        for (int row = 0; row < size; row++) {
            result[row] = values.isNull(row) ? 0 : abs(values.get(row));
        }
        return LongVector.wrap(values.type(), result, size, values.nulls());
    }

    public static double ceil(double value) {
        return Math.ceil(value);
    }

    public static double floor(double value) {
        return Math.floor(value);
    }

    /** Rounds half away from zero: round(2.5) = 3, round(-2.5) = -3. */
    public static double round(double value) {
        if (!Double.isFinite(value) || Math.abs(value) >= 0x1p52) {
            return value;
        }
        return Math.copySign(Math.floor(Math.abs(value) + 0.5), value);
    }

    public static long round(long value) {
        return value;
    }

    /**
     * Rounds half away from zero to {@code decimals} places of the value's shortest decimal form,
     * so {@code round(2.675, 2)} = 2.68 as the digits a user sees suggest; negative decimals round
     * to tens, hundreds...
     */
    public static double round(double value, long decimals) {
        if (!Double.isFinite(value)) {
            return value;
        }
        int scale = (int) Math.max(-400, Math.min(400, decimals));
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).doubleValue();
    }

    public static long round(long value, long decimals) {
        if (decimals >= 0) {
            return value;
        }
        if (decimals < -18) {
            return 0;
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale((int) decimals, RoundingMode.HALF_UP);
        try {
            return rounded.longValueExact();
        } catch (ArithmeticException e) {
            throw new QueryExecutionException("round(" + value + ", " + decimals + ") is out of range for bigint");
        }
    }

    /** Drops the fraction (toward zero). */
    public static double truncate(double value) {
        return value < 0 ? Math.ceil(value) : Math.floor(value);
    }

    public static double truncate(double value, long decimals) {
        if (!Double.isFinite(value)) {
            return value;
        }
        int scale = (int) Math.max(-400, Math.min(400, decimals));
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.DOWN).doubleValue();
    }

    public static double sqrt(double value) {
        return Math.sqrt(value);
    }

    public static double cbrt(double value) {
        return Math.cbrt(value);
    }

    public static double exp(double value) {
        return Math.exp(value);
    }

    public static double ln(double value) {
        return Math.log(value);
    }

    public static double log2(double value) {
        return Math.log(value) / Math.log(2);
    }

    public static double log10(double value) {
        return Math.log10(value);
    }

    /** {@code log(b, x)}: the base-b logarithm of x. */
    public static double log(double base, double value) {
        return Math.log(value) / Math.log(base);
    }

    public static double power(double base, double exponent) {
        return Math.pow(base, exponent);
    }

    /** The remainder with the dividend's sign, as SQL's {@code mod} and {@code %}. */
    public static long mod(long dividend, long divisor) {
        if (divisor == 0) {
            throw new QueryExecutionException("Division by zero");
        }
        return dividend % divisor;
    }

    public static double mod(double dividend, double divisor) {
        return dividend % divisor;
    }

    public static long sign(long value) {
        return Long.signum(value);
    }

    /** -1.0, 0.0 or 1.0; NaN stays NaN. */
    public static double sign(double value) {
        return Math.signum(value);
    }

    public static double pi() {
        return Math.PI;
    }

    public static double e() {
        return Math.E;
    }

    /** {@code random()}: uniform in [0, 1) from the query's seeded source. */
    public static double random(SplittableRandom source) {
        return source.nextDouble();
    }

    /** {@code random(n)}: uniform in [0, n). */
    public static long random(SplittableRandom source, long bound) {
        if (bound <= 0) {
            throw new QueryExecutionException("bound must be positive: " + bound);
        }
        return source.nextLong(bound);
    }

    public static double degrees(double radians) {
        return Math.toDegrees(radians);
    }

    public static double radians(double degrees) {
        return Math.toRadians(degrees);
    }

    public static double sin(double value) {
        return Math.sin(value);
    }

    public static double cos(double value) {
        return Math.cos(value);
    }

    public static double tan(double value) {
        return Math.tan(value);
    }

    public static double asin(double value) {
        return Math.asin(value);
    }

    public static double acos(double value) {
        return Math.acos(value);
    }

    public static double atan(double value) {
        return Math.atan(value);
    }

    public static double atan2(double y, double x) {
        return Math.atan2(y, x);
    }

    public static double sinh(double value) {
        return Math.sinh(value);
    }

    public static double cosh(double value) {
        return Math.cosh(value);
    }

    public static double tanh(double value) {
        return Math.tanh(value);
    }

    public static boolean isNan(double value) {
        return Double.isNaN(value);
    }

    public static boolean isFinite(double value) {
        return Double.isFinite(value);
    }

    public static boolean isInfinite(double value) {
        return Double.isInfinite(value);
    }

    public static double nan() {
        return Double.NaN;
    }

    public static double infinity() {
        return Double.POSITIVE_INFINITY;
    }

    /**
     * {@code width_bucket(x, bound1, bound2, n)}: which of n equal-width buckets between the bounds
     * holds x; 0 below the range and n + 1 above it (reversed when bound1 > bound2).
     */
    public static long widthBucket(double operand, double bound1, double bound2, long bucketCount) {
        if (bucketCount <= 0) {
            throw new QueryExecutionException("bucketCount must be greater than 0");
        }
        if (Double.isNaN(operand)) {
            throw new QueryExecutionException("operand must not be NaN");
        }
        if (!Double.isFinite(bound1) || !Double.isFinite(bound2)) {
            throw new QueryExecutionException("first bound and second bound must be finite");
        }
        if (bound1 == bound2) {
            throw new QueryExecutionException("bounds cannot equal each other");
        }
        boolean ascending = bound1 < bound2;
        if (ascending ? operand < bound1 : operand > bound1) {
            return 0;
        }
        if (ascending ? operand >= bound2 : operand <= bound2) {
            return bucketCount + 1;
        }
        double fraction = ascending ? (operand - bound1) / (bound2 - bound1) : (bound1 - operand) / (bound1 - bound2);
        return Math.max(1, Math.min(bucketCount, (long) (fraction * bucketCount) + 1));
    }

    /** {@code from_base(string, radix)}. */
    public static long fromBase(String value, long radix) {
        checkRadix(radix);
        try {
            return Long.parseLong(value, (int) radix);
        } catch (NumberFormatException e) {
            throw new QueryExecutionException("Not a valid base-" + radix + " number: " + value);
        }
    }

    /** {@code to_base(x, radix)}: lower-case digits. */
    public static String toBase(long value, long radix) {
        checkRadix(radix);
        return Long.toString(value, (int) radix);
    }

    private static void checkRadix(long radix) {
        if (radix < Character.MIN_RADIX || radix > Character.MAX_RADIX) {
            throw new QueryExecutionException("Radix must be between " + Character.MIN_RADIX + " and " + Character.MAX_RADIX);
        }
    }
}
