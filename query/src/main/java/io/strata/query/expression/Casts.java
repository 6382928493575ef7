package io.strata.query.expression;

import io.strata.core.batch.ColumnVector;
import io.strata.core.error.QueryExecutionException;
import io.strata.core.error.ValidationException;
import io.strata.query.function.scalar.MathFunctions;
import io.strata.query.function.time.Nanos;
import io.strata.query.function.time.TimeText;
import io.strata.query.function.time.TimestampText;

/** {@code CAST(x AS type)} between the query types, with Trino's rules and error messages. */
final class Casts {
    private Casts() {}

    static ScalarFunction cast(SqlType from, SqlType to) {
        if (from == to || from == SqlType.UNKNOWN) {
            return (arguments, rows) -> from == to ? arguments[0] : Vectors.constant(to, null, rows);
        }
        if (from == SqlType.INTEGER && to == SqlType.BIGINT) {
            // Same long vector; every integer is a bigint.
            return (arguments, rows) -> arguments[0];
        }
        return switch (to.kind()) {
            case DOUBLE -> switch (from.kind()) {
                case BIGINT, INTEGER -> Kernels.doubleUnary(value -> value);
                case VARCHAR -> Kernels.varcharToDouble(text -> parseDouble(text));
                case BOOLEAN -> Kernels.objects(SqlType.DOUBLE, values -> (Boolean) values[0] ? 1.0 : 0.0);
                default -> throw invalid(from, to);
            };
            case BIGINT -> switch (from.kind()) {
                case DOUBLE -> Kernels.doubleToLong(SqlType.BIGINT, value -> roundToLong(value));
                case VARCHAR -> Kernels.objects(SqlType.BIGINT, values -> parseLong((String) values[0]));
                case BOOLEAN -> Kernels.objects(SqlType.BIGINT, values -> (Boolean) values[0] ? 1L : 0L);
                case TIMESTAMP -> throw invalid(from, to);
                default -> throw invalid(from, to);
            };
            case INTEGER -> switch (from.kind()) {
                case BIGINT -> Kernels.longUnary(SqlType.INTEGER, Casts::bigintToInteger);
                case DOUBLE -> Kernels.doubleToLong(SqlType.INTEGER, value -> doubleToInteger(value));
                case VARCHAR -> Kernels.objects(SqlType.INTEGER, values -> parseInteger((String) values[0]));
                case BOOLEAN -> Kernels.objects(SqlType.INTEGER, values -> (Boolean) values[0] ? 1L : 0L);
                default -> throw invalid(from, to);
            };
            case TIME -> switch (from.kind()) {
                case TIMESTAMP -> Kernels.longUnary(SqlType.TIME, TimeText::ofTimestamp);
                case VARCHAR -> Kernels.objects(SqlType.TIME, values -> TimeText.parse((String) values[0]));
                default -> throw invalid(from, to);
            };
            case VARCHAR -> Kernels.objects(SqlType.VARCHAR, values -> text(from, values[0]));
            case BOOLEAN -> switch (from.kind()) {
                case BIGINT, INTEGER -> Kernels.objects(SqlType.BOOLEAN, values -> (Long) values[0] != 0);
                case DOUBLE -> Kernels.objects(SqlType.BOOLEAN, values -> (Double) values[0] != 0);
                case VARCHAR -> Kernels.objects(SqlType.BOOLEAN, values -> parseBoolean((String) values[0]));
                default -> throw invalid(from, to);
            };
            case TIMESTAMP -> switch (from.kind()) {
                case VARCHAR -> Kernels.objects(SqlType.TIMESTAMP, values -> TimestampText.parse((String) values[0]));
                case DATE -> Kernels.longUnary(SqlType.TIMESTAMP, day -> Math.multiplyExact(day, Nanos.PER_DAY));
                default -> throw invalid(from, to);
            };
            case DATE -> switch (from.kind()) {
                case TIMESTAMP -> Kernels.longUnary(SqlType.DATE, nanos -> Math.floorDiv(nanos, Nanos.PER_DAY));
                case VARCHAR -> Kernels.objects(SqlType.DATE, values -> Math.floorDiv(TimestampText.parse((String) values[0]), Nanos.PER_DAY));
                default -> throw invalid(from, to);
            };
            default -> throw invalid(from, to);
        };
    }

    /**
     * {@code TRY_CAST}: the batch is cast whole; only when a value fails is it redone row by row,
     * a failing row giving NULL. Only value errors are forgiven — an impossible cast (TIME to
     * BIGINT) is still refused when the query is analyzed.
     */
    static ScalarFunction tryCast(SqlType from, SqlType to) {
        ScalarFunction cast = cast(from, to);
        return (arguments, rows) -> {
            try {
                return cast.apply(arguments, rows);
            } catch (QueryExecutionException | ArithmeticException batchFailed) {
                VectorBuilder out = new VectorBuilder(to, rows);
                int[] position = new int[1];
                for (int row = 0; row < rows; row++) {
                    position[0] = row;
                    ColumnVector[] single = {Vectors.gather(arguments[0], from, position, 1)};
                    try {
                        out.appendFrom(cast.apply(single, 1), 0);
                    } catch (QueryExecutionException | ArithmeticException rowFailed) {
                        out.appendNull();
                    }
                }
                return out.build();
            }
        };
    }

    static String text(SqlType type, Object value) {
        return switch (type.kind()) {
            case TIMESTAMP -> TimestampText.format((Long) value);
            case TIME -> TimeText.format((Long) value);
            case DOUBLE -> doubleText((Double) value);
            default -> value.toString();
        };
    }

    /** Trino's text form of a double: {@code 1.0E0}-style is Trino's; Timestream shows Java's. */
    static String doubleText(double value) {
        return Double.toString(value);
    }

    private static long roundToLong(double value) {
        if (Double.isNaN(value) || value > Long.MAX_VALUE || value < Long.MIN_VALUE) {
            throw new QueryExecutionException("Out of range for bigint: " + value);
        }
        return Math.round(value);
    }

    /** Trino's BIGINT to INTEGER cast: a value outside 32 bits is an error, not truncated. */
    private static long bigintToInteger(long value) {
        if (value != (int) value) {
            throw new QueryExecutionException("Out of range for integer: " + value);
        }
        return value;
    }

    /** Rounds half away from zero like the cast to BIGINT, then checks the 32-bit range. */
    private static long doubleToInteger(double value) {
        if (Double.isNaN(value) || value >= 0x1p31 || value <= -0x1p31 - 1) {
            throw new QueryExecutionException("Out of range for integer: " + value);
        }
        return bigintToInteger((long) MathFunctions.round(value));
    }

    private static long parseInteger(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new QueryExecutionException("Cannot cast '" + text + "' to INT");
        }
    }

    private static double parseDouble(String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new QueryExecutionException("Cannot cast '" + text + "' to DOUBLE");
        }
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new QueryExecutionException("Cannot cast '" + text + "' to BIGINT");
        }
    }

    private static boolean parseBoolean(String text) {
        String value = text.strip().toLowerCase(java.util.Locale.ROOT);
        return switch (value) {
            case "true", "t", "1" -> true;
            case "false", "f", "0" -> false;
            default -> throw new QueryExecutionException("Cannot cast '" + text + "' to BOOLEAN");
        };
    }

    private static ValidationException invalid(SqlType from, SqlType to) {
        return new ValidationException("Cannot cast " + from + " to " + to);
    }
}
