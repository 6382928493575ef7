package io.strata.query.expression;

import io.strata.core.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A type as a function signature spells it, possibly with type variables: {@code bigint},
 * {@code array(T)}, {@code timeseries(double)}, {@code row(time timestamp, value T)},
 * {@code function(T,boolean)} (single capital letters are variables). Matching an argument type
 * binds the variables; two bindings of one variable meet at their common super type (BIGINT and
 * DOUBLE give DOUBLE). Immutable.
 */
public sealed interface TypePattern {
    /** Matches {@code actual}, adding to {@code bindings}; false when it cannot match. */
    boolean bind(SqlType actual, Map<String, SqlType> bindings);

    /** The concrete type with the variables replaced. */
    SqlType resolve(Map<String, SqlType> bindings);

    record Concrete(SqlType type) implements TypePattern {
        @Override
        public boolean bind(SqlType actual, Map<String, SqlType> bindings) {
            return SqlType.canCoerce(actual, type);
        }

        @Override
        public SqlType resolve(Map<String, SqlType> bindings) {
            return type;
        }
    }

    record Variable(String name) implements TypePattern {
        @Override
        public boolean bind(SqlType actual, Map<String, SqlType> bindings) {
            if (actual.kind() == SqlType.Kind.FUNCTION) {
                return false;
            }
            SqlType bound = bindings.get(name);
            SqlType merged = bound == null ? actual : SqlType.commonSuperType(bound, actual);
            if (merged == null) {
                return false;
            }
            bindings.put(name, merged);
            return true;
        }

        @Override
        public SqlType resolve(Map<String, SqlType> bindings) {
            SqlType bound = bindings.get(name);
            if (bound == null) {
                throw new ValidationException("Type variable " + name + " is not bound");
            }
            return bound;
        }
    }

    /** {@code array(...)}, {@code timeseries(...)}, {@code row(...)} or {@code function(...)}. */
    record Composite(SqlType.Kind kind, List<String> names, List<TypePattern> parameters) implements TypePattern {
        public Composite {
            names = List.copyOf(names);
            parameters = List.copyOf(parameters);
        }

        @Override
        public boolean bind(SqlType actual, Map<String, SqlType> bindings) {
            if (actual == SqlType.UNKNOWN) {
                return true;
            }
            if (actual.kind() != kind || actual.parameters().size() != parameters.size()) {
                return false;
            }
            for (int index = 0; index < parameters.size(); index++) {
                SqlType parameter = actual.parameters().get(index);
                // inside a composite no coercion is possible: the element types must be equal
                if (parameters.get(index) instanceof Concrete concrete ? concrete.type() != parameter
                        : !parameters.get(index).bind(parameter, bindings)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public SqlType resolve(Map<String, SqlType> bindings) {
            List<SqlType> types = new ArrayList<>();
            for (TypePattern parameter : parameters) {
                types.add(parameter.resolve(bindings));
            }
            return switch (kind) {
                case ARRAY -> SqlType.array(types.getFirst());
                case TIMESERIES -> SqlType.timeSeries(types.getFirst());
                case ROW -> SqlType.row(names, types);
                case FUNCTION -> SqlType.function(types.subList(0, types.size() - 1), types.getLast());
                default -> throw new IllegalStateException(kind + " is not composite");
            };
        }
    }

    /** Whether the pattern mentions a type variable. */
    default boolean isGeneric() {
        return switch (this) {
            case Concrete ignored -> false;
            case Variable ignored -> true;
            case Composite composite -> composite.parameters().stream().anyMatch(TypePattern::isGeneric);
        };
    }

    /**
     * Parses a type's text.
     *
     * @throws ValidationException {@code Unknown type: ...} for text that names no type
     */
    static TypePattern parse(String text) {
        String trimmed = text.strip();
        if (trimmed.length() == 1 && Character.isUpperCase(trimmed.charAt(0))) {
            return new Variable(trimmed);
        }
        String lower = trimmed.toLowerCase(Locale.ROOT);
        int open = lower.indexOf('(');
        if (open > 0 && lower.endsWith(")")) {
            String head = lower.substring(0, open).strip();
            SqlType.Kind kind = switch (head) {
                case "array" -> SqlType.Kind.ARRAY;
                case "timeseries" -> SqlType.Kind.TIMESERIES;
                case "row" -> SqlType.Kind.ROW;
                case "function" -> SqlType.Kind.FUNCTION;
                default -> null;
            };
            if (kind != null) {
                List<String> names = new ArrayList<>();
                List<TypePattern> parameters = new ArrayList<>();
                for (String part : splitTopLevel(trimmed.substring(open + 1, trimmed.length() - 1))) {
                    String field = part.strip();
                    int space = field.indexOf(' ');
                    boolean named = kind == SqlType.Kind.ROW && space > 0 && !field.substring(0, space).contains("(")
                            && !isScalarName(field.toLowerCase(Locale.ROOT));
                    names.add(named ? field.substring(0, space) : "");
                    parameters.add(parse(named ? field.substring(space + 1) : field));
                }
                if (parameters.isEmpty() || (kind != SqlType.Kind.ROW && kind != SqlType.Kind.FUNCTION && parameters.size() != 1)) {
                    throw new ValidationException("Unknown type: " + text);
                }
                return new Composite(kind, names, parameters);
            }
        }
        if (lower.startsWith("varchar") || lower.startsWith("char")) {
            return new Concrete(SqlType.VARCHAR);
        }
        if (lower.startsWith("timestamp")) {
            return new Concrete(SqlType.TIMESTAMP);
        }
        return new Concrete(switch (lower.replaceAll("\\s+", " ")) {
            case "bigint" -> SqlType.BIGINT;
            case "integer", "int", "smallint", "tinyint" -> SqlType.INTEGER;
            case "time" -> SqlType.TIME;
            case "double", "real", "float" -> SqlType.DOUBLE;
            case "boolean" -> SqlType.BOOLEAN;
            case "date" -> SqlType.DATE;
            case "interval day to second" -> SqlType.INTERVAL_DAY_TO_SECOND;
            case "interval year to month" -> SqlType.INTERVAL_YEAR_TO_MONTH;
            case "unknown" -> SqlType.UNKNOWN;
            default -> throw new ValidationException("Unknown type: " + text);
        });
    }

    private static boolean isScalarName(String text) {
        return text.startsWith("interval ") || text.startsWith("timestamp ") || text.startsWith("double ");
    }

    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int index = 0; index < text.length(); index++) {
            char c = text.charAt(index);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, index));
                start = index + 1;
            }
        }
        if (!text.isBlank()) {
            parts.add(text.substring(start));
        }
        return parts;
    }
}
