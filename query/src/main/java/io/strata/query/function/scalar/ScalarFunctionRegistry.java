package io.strata.query.function.scalar;

import static io.strata.query.function.scalar.FunctionSignature.of;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The scalar functions the engine can call by name: each overload's SQL signature and a handle to
 * its static method ({@link ScalarFunction}). Special forms the engine evaluates itself with the
 * helpers of {@link ConditionalFunctions} (IF, COALESCE, NULLIF, CASE, TRY, TRY_CAST) and casts
 * ({@link Casts}, chosen by source and target type) are not listed. Functions taking a
 * {@link RegexFunctions.RegexCache} or a {@link SplittableRandom} first expect the engine to pass
 * the query's own instance (seeded from the query for random). Immutable and thread-safe.
 */
public final class ScalarFunctionRegistry {
    private final Map<String, List<ScalarFunction>> functions;

    public ScalarFunctionRegistry() {
        StaticMethodBinder binder = new StaticMethodBinder();
        bindMath(binder);
        bindStrings(binder);
        bindRegex(binder);
        bindArrays(binder);
        this.functions = binder.build();
    }

    public Set<String> names() {
        return functions.keySet();
    }

    /** The overloads of {@code name}; empty if unknown. */
    public List<ScalarFunction> overloads(String name) {
        return functions.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    private static void bindMath(StaticMethodBinder b) {
        Class<?> m = MathFunctions.class;
        b.bind(of("abs", "bigint", "bigint"), m, "abs", long.class);
        b.bind(of("abs", "double", "double"), m, "abs", double.class);
        for (String name : List.of("ceil", "ceiling")) {
            b.bind(of(name, "double", "double"), m, "ceil", double.class);
        }
        b.bind(of("floor", "double", "double"), m, "floor", double.class);
        b.bind(of("round", "bigint", "bigint"), m, "round", long.class);
        b.bind(of("round", "double", "double"), m, "round", double.class);
        b.bind(of("round", "bigint", "bigint", "bigint"), m, "round", long.class, long.class);
        b.bind(of("round", "double", "double", "bigint"), m, "round", double.class, long.class);
        b.bind(of("truncate", "double", "double"), m, "truncate", double.class);
        b.bind(of("truncate", "double", "double", "bigint"), m, "truncate", double.class, long.class);
        for (String name : List.of("sqrt", "cbrt", "exp", "ln", "log2", "log10", "degrees", "radians", "sin", "cos", "tan",
                "asin", "acos", "atan", "sinh", "cosh", "tanh")) {
            b.bind(of(name, "double", "double"), m, name, double.class);
        }
        b.bind(of("log", "double", "double", "double"), m, "log", double.class, double.class);
        b.bind(of("atan2", "double", "double", "double"), m, "atan2", double.class, double.class);
        for (String name : List.of("pow", "power")) {
            b.bind(of(name, "double", "double", "double"), m, "power", double.class, double.class);
        }
        b.bind(of("mod", "bigint", "bigint", "bigint"), m, "mod", long.class, long.class);
        b.bind(of("mod", "double", "double", "double"), m, "mod", double.class, double.class);
        b.bind(of("sign", "bigint", "bigint"), m, "sign", long.class);
        b.bind(of("sign", "double", "double"), m, "sign", double.class);
        b.bind(of("pi", "double"), m, "pi");
        b.bind(of("e", "double"), m, "e");
        b.bind(of("nan", "double"), m, "nan");
        b.bind(of("infinity", "double"), m, "infinity");
        for (String name : List.of("random", "rand")) {
            b.bind(of(name, "double"), m, "random", SplittableRandom.class);
            b.bind(of(name, "bigint", "bigint"), m, "random", SplittableRandom.class, long.class);
        }
        b.bind(of("is_nan", "boolean", "double"), m, "isNan", double.class);
        b.bind(of("is_finite", "boolean", "double"), m, "isFinite", double.class);
        b.bind(of("is_infinite", "boolean", "double"), m, "isInfinite", double.class);
        b.bind(of("width_bucket", "bigint", "double", "double", "double", "bigint"), m, "widthBucket",
                double.class, double.class, double.class, long.class);
        b.bind(of("from_base", "bigint", "varchar", "bigint"), m, "fromBase", String.class, long.class);
        b.bind(of("to_base", "varchar", "bigint", "bigint"), m, "toBase", long.class, long.class);
        b.bind(FunctionSignature.variadic("greatest", "T", "T"), false, ComparisonFunctions.class, "greatest", Object[].class);
        b.bind(FunctionSignature.variadic("least", "T", "T"), false, ComparisonFunctions.class, "least", Object[].class);
    }

    private static void bindStrings(StaticMethodBinder b) {
        Class<?> s = StringFunctions.class;
        b.bind(of("length", "bigint", "varchar"), s, "length", String.class);
        for (String name : List.of("lower", "upper", "trim", "ltrim", "rtrim", "reverse")) {
            b.bind(of(name, "varchar", "varchar"), s, name, String.class);
        }
        for (String name : List.of("substr", "substring")) {
            b.bind(of(name, "varchar", "varchar", "bigint"), s, "substr", String.class, long.class);
            b.bind(of(name, "varchar", "varchar", "bigint", "bigint"), s, "substr", String.class, long.class, long.class);
        }
        b.bind(FunctionSignature.variadic("concat", "varchar", "varchar"), s, "concat", String[].class);
        b.bind(of("replace", "varchar", "varchar", "varchar"), s, "replace", String.class, String.class);
        b.bind(of("replace", "varchar", "varchar", "varchar", "varchar"), s, "replace", String.class, String.class, String.class);
        b.bind(of("strpos", "bigint", "varchar", "varchar"), s, "strpos", String.class, String.class);
        b.bind(of("strpos", "bigint", "varchar", "varchar", "bigint"), s, "strpos", String.class, String.class, long.class);
        b.bind(of("strrpos", "bigint", "varchar", "varchar", "bigint"), s, "strrpos", String.class, String.class, long.class);
        b.bind(of("position", "bigint", "varchar", "varchar"), s, "position", String.class, String.class);
        b.bind(of("starts_with", "boolean", "varchar", "varchar"), s, "startsWith", String.class, String.class);
        b.bind(of("split", "array(varchar)", "varchar", "varchar"), s, "split", String.class, String.class);
        b.bind(of("split", "array(varchar)", "varchar", "varchar", "bigint"), s, "split", String.class, String.class, long.class);
        b.bind(of("split_part", "varchar", "varchar", "varchar", "bigint"), s, "splitPart", String.class, String.class, long.class);
        b.bind(of("lpad", "varchar", "varchar", "bigint", "varchar"), s, "lpad", String.class, long.class, String.class);
        b.bind(of("rpad", "varchar", "varchar", "bigint", "varchar"), s, "rpad", String.class, long.class, String.class);
        b.bind(of("chr", "varchar", "bigint"), s, "chr", long.class);
        b.bind(of("codepoint", "bigint", "varchar"), s, "codepoint", String.class);
        b.bind(of("levenshtein_distance", "bigint", "varchar", "varchar"), s, "levenshteinDistance", String.class, String.class);
        b.bind(of("hamming_distance", "bigint", "varchar", "varchar"), s, "hammingDistance", String.class, String.class);
    }

    private static void bindRegex(StaticMethodBinder b) {
        Class<?> r = RegexFunctions.class;
        Class<?> cache = RegexFunctions.RegexCache.class;
        b.bind(of("regexp_like", "boolean", "varchar", "varchar"), r, "regexpLike", cache, String.class, String.class);
        b.bind(of("regexp_extract", "varchar", "varchar", "varchar"), r, "regexpExtract", cache, String.class, String.class);
        b.bind(of("regexp_extract", "varchar", "varchar", "varchar", "bigint"), r, "regexpExtract", cache, String.class,
                String.class, long.class);
        b.bind(of("regexp_extract_all", "array(varchar)", "varchar", "varchar"), r, "regexpExtractAll", cache,
                String.class, String.class);
        b.bind(of("regexp_extract_all", "array(varchar)", "varchar", "varchar", "bigint"), r, "regexpExtractAll", cache,
                String.class, String.class, long.class);
        b.bind(of("regexp_replace", "varchar", "varchar", "varchar"), r, "regexpReplace", cache, String.class, String.class);
        b.bind(of("regexp_replace", "varchar", "varchar", "varchar", "varchar"), r, "regexpReplace", cache, String.class,
                String.class, String.class);
        b.bind(of("regexp_replace", "varchar", "varchar", "varchar", "function(array(varchar),varchar)"), r,
                "regexpReplace", cache, String.class, String.class, Function.class);
        b.bind(of("regexp_split", "array(varchar)", "varchar", "varchar"), r, "regexpSplit", cache, String.class, String.class);
    }

    private static void bindArrays(StaticMethodBinder b) {
        Class<?> a = ArrayFunctions.class;
        b.bind(of("cardinality", "bigint", "array(T)"), a, "cardinality", List.class);
        b.bind(of("element_at", "T", "array(T)", "bigint"), a, "elementAt", List.class, long.class);
        b.bind(of("contains", "boolean", "array(T)", "T"), a, "contains", List.class, Object.class);
        b.bind(of("array_join", "varchar", "array(T)", "varchar"), a, "arrayJoin", List.class, String.class);
        b.bind(of("array_join", "varchar", "array(T)", "varchar", "varchar"), false, a, "arrayJoin", List.class,
                String.class, String.class);
        b.bind(of("array_max", "T", "array(T)"), a, "arrayMax", List.class);
        b.bind(of("array_min", "T", "array(T)"), a, "arrayMin", List.class);
        b.bind(of("array_sort", "array(T)", "array(T)"), a, "arraySort", List.class);
        b.bind(of("array_distinct", "array(T)", "array(T)"), a, "arrayDistinct", List.class);
        b.bind(of("slice", "array(T)", "array(T)", "bigint", "bigint"), a, "slice", List.class, long.class, long.class);
        b.bind(of("array_position", "bigint", "array(T)", "T"), a, "arrayPosition", List.class, Object.class);
        b.bind(of("array_remove", "array(T)", "array(T)", "T"), a, "arrayRemove", List.class, Object.class);
        b.bind(of("array_union", "array(T)", "array(T)", "array(T)"), a, "arrayUnion", List.class, List.class);
        b.bind(of("array_intersect", "array(T)", "array(T)", "array(T)"), a, "arrayIntersect", List.class, List.class);
        b.bind(of("array_except", "array(T)", "array(T)", "array(T)"), a, "arrayExcept", List.class, List.class);
        b.bind(of("arrays_overlap", "boolean", "array(T)", "array(T)"), a, "arraysOverlap", List.class, List.class);
        b.bind(FunctionSignature.variadic("concat", "array(T)", "array(T)"), a, "concat", List[].class);
        b.bind(of("flatten", "array(T)", "array(array(T))"), a, "flatten", List.class);
        b.bind(of("repeat", "array(T)", "T", "bigint"), false, a, "repeat", Object.class, long.class);
        b.bind(of("reverse", "array(T)", "array(T)"), a, "reverse", List.class);
        b.bind(of("shuffle", "array(T)", "array(T)"), a, "shuffle", List.class, SplittableRandom.class);
        b.bind(of("zip", "array(row(T,U))", "array(T)", "array(U)"), a, "zip", List.class, List.class);
        b.bind(of("filter", "array(T)", "array(T)", "function(T,boolean)"), a, "filter", List.class, Function.class);
        b.bind(of("transform", "array(U)", "array(T)", "function(T,U)"), a, "transform", List.class, Function.class);
        b.bind(of("reduce", "R", "array(T)", "S", "function(S,T,S)", "function(S,R)"), false, a, "reduce", List.class,
                Object.class, BiFunction.class, Function.class);
    }
}
