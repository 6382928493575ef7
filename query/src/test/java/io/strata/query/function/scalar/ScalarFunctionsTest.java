package io.strata.query.function.scalar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.strata.core.batch.DoubleVector;
import io.strata.core.error.QueryExecutionException;
import io.strata.query.function.timeseries.TimeSeriesFunctionRegistry;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ScalarFunctionsTest {

    @ParameterizedTest
    @CsvSource({"2.5, 3.0", "-2.5, -3.0", "2.4999, 2.0", "0.5, 1.0", "-0.5, -1.0", "1e300, 1e300", "4503599627370497, 4503599627370497"})
    void roundIsHalfAwayFromZero(double value, double expected) {
        assertThat(MathFunctions.round(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"2.675, 2, 2.68", "-2.675, 2, -2.68", "1234.5678, -2, 1200.0", "0.125, 2, 0.13", "1.0, 5, 1.0"})
    void roundToDecimals(double value, long decimals, double expected) {
        assertThat(MathFunctions.round(value, decimals)).isEqualTo(expected);
    }

    @Test
    void mathEdgeCases() {
        assertThat(MathFunctions.round(1250L, -2)).isEqualTo(1300L);
        assertThat(MathFunctions.round(-1250L, -2)).isEqualTo(-1300L);
        assertThat(MathFunctions.truncate(-2.7)).isEqualTo(-2.0);
        assertThat(MathFunctions.truncate(2.789, 1)).isEqualTo(2.7);
        assertThat(MathFunctions.mod(-7, 3)).isEqualTo(-1);
        assertThatThrownBy(() -> MathFunctions.mod(1, 0)).isInstanceOf(QueryExecutionException.class);
        assertThatThrownBy(() -> MathFunctions.abs(Long.MIN_VALUE)).isInstanceOf(QueryExecutionException.class);
        assertThat(MathFunctions.log2(8)).isCloseTo(3.0, within(1e-15));
        assertThat(MathFunctions.sign(-0.0)).isEqualTo(-0.0);
        assertThat(MathFunctions.sign(Double.NaN)).isNaN();
        assertThat(MathFunctions.isNan(MathFunctions.nan())).isTrue();
        assertThat(MathFunctions.isInfinite(MathFunctions.infinity())).isTrue();
        assertThat(MathFunctions.isFinite(1.0)).isTrue();
        assertThat(MathFunctions.cbrt(-27)).isEqualTo(-3.0);
        assertThat(MathFunctions.toBase(255, 16)).isEqualTo("ff");
        assertThat(MathFunctions.fromBase("-ff", 16)).isEqualTo(-255);
        assertThat(MathFunctions.degrees(Math.PI)).isEqualTo(180.0);
    }

    @Test
    void widthBucketBothDirections() {
        assertThat(MathFunctions.widthBucket(5.35, 0.024, 10.06, 5)).isEqualTo(3);
        assertThat(MathFunctions.widthBucket(-1, 0, 10, 5)).isEqualTo(0);
        assertThat(MathFunctions.widthBucket(10, 0, 10, 5)).isEqualTo(6);
        assertThat(MathFunctions.widthBucket(9, 10, 0, 5)).isEqualTo(1);
        assertThat(MathFunctions.widthBucket(11, 10, 0, 5)).isEqualTo(0);
        assertThat(MathFunctions.widthBucket(0, 10, 0, 5)).isEqualTo(6);
        assertThatThrownBy(() -> MathFunctions.widthBucket(1, 0, 0, 5)).isInstanceOf(QueryExecutionException.class);
    }

    @Test
    void randomIsReproducibleFromTheSeed() {
        SplittableRandom first = new SplittableRandom(7);
        SplittableRandom second = new SplittableRandom(7);
        for (int i = 0; i < 100; i++) {
            double value = MathFunctions.random(first);
            assertThat(value).isEqualTo(MathFunctions.random(second)).isBetween(0.0, 1.0).isNotEqualTo(1.0);
            assertThat(MathFunctions.random(first, 10)).isEqualTo(MathFunctions.random(second, 10)).isBetween(0L, 9L);
        }
    }

    @Test
    void vectorizedAbsKeepsNulls() {
        DoubleVector.Builder builder = new DoubleVector.Builder(3);
        builder.append(-1.5).appendNull().append(2);
        DoubleVector result = MathFunctions.abs(builder.build());
        assertThat(result.get(0)).isEqualTo(1.5);
        assertThat(result.isNull(1)).isTrue();
        assertThat(result.get(2)).isEqualTo(2.0);
    }

    @Test
    void stringsCountCodePoints() {
        String emoji = "a\uD83D\uDE00b";
        assertThat(StringFunctions.length(emoji)).isEqualTo(3);
        assertThat(StringFunctions.reverse(emoji)).isEqualTo("b\uD83D\uDE00a");
        assertThat(StringFunctions.substr(emoji, 2, 1)).isEqualTo("\uD83D\uDE00");
        assertThat(StringFunctions.substr("hello", -3)).isEqualTo("llo");
        assertThat(StringFunctions.substr("hello", 2, 100)).isEqualTo("ello");
        assertThat(StringFunctions.substr("hello", 0)).isEmpty();
        assertThat(StringFunctions.substr("hello", 9)).isEmpty();
        assertThat(StringFunctions.strpos(emoji, "b")).isEqualTo(3);
        assertThat(StringFunctions.strpos("abcabc", "c", 2)).isEqualTo(6);
        assertThat(StringFunctions.strpos("abc", "z")).isEqualTo(0);
        assertThat(StringFunctions.strrpos("abcabc", "a", 1)).isEqualTo(4);
        assertThat(StringFunctions.position("lo", "hello")).isEqualTo(4);
        assertThat(StringFunctions.codepoint("\uD83D\uDE00")).isEqualTo(0x1F600);
        assertThat(StringFunctions.chr(0x1F600)).isEqualTo("\uD83D\uDE00");
        assertThatThrownBy(() -> StringFunctions.codepoint("ab")).isInstanceOf(QueryExecutionException.class);
    }

    @Test
    void stringTransformations() {
        assertThat(StringFunctions.concat("a", "b", "c")).isEqualTo("abc");
        assertThat(StringFunctions.concat("a", null)).isNull();
        assertThat(StringFunctions.lower("ÄB")).isEqualTo("äb");
        assertThat(StringFunctions.trim("  x \t")).isEqualTo("x");
        assertThat(StringFunctions.ltrim("  x ")).isEqualTo("x ");
        assertThat(StringFunctions.rtrim("  x ")).isEqualTo("  x");
        assertThat(StringFunctions.replace("aXbX", "X")).isEqualTo("ab");
        assertThat(StringFunctions.replace("ab", "", "-")).isEqualTo("-a-b-");
        assertThat(StringFunctions.split("a,b,,c", ",")).containsExactly("a", "b", "", "c");
        assertThat(StringFunctions.split("a,b,c", ",", 2)).containsExactly("a", "b,c");
        assertThat(StringFunctions.splitPart("a,b,c", ",", 2)).isEqualTo("b");
        assertThat(StringFunctions.splitPart("a,b,c", ",", 4)).isNull();
        assertThat(StringFunctions.lpad("7", 3, "0")).isEqualTo("007");
        assertThat(StringFunctions.rpad("abc", 2, "0")).isEqualTo("ab");
        assertThat(StringFunctions.rpad("a", 4, "xy")).isEqualTo("axyx");
        assertThat(StringFunctions.startsWith("host-1", "host")).isTrue();
        assertThat(StringFunctions.levenshteinDistance("kitten", "sitting")).isEqualTo(3);
        assertThat(StringFunctions.levenshteinDistance("", "abc")).isEqualTo(3);
        assertThat(StringFunctions.hammingDistance("abc", "abd")).isEqualTo(1);
        assertThatThrownBy(() -> StringFunctions.hammingDistance("a", "ab")).isInstanceOf(QueryExecutionException.class);
    }

    @Test
    void regexFollowsTrinoSemanticsAndCompilesOnce() {
        RegexFunctions.RegexCache cache = new RegexFunctions.RegexCache();
        assertThat(RegexFunctions.regexpLike(cache, "host-12", "\\d+")).isTrue();
        assertThat(RegexFunctions.regexpLike(cache, "host", "\\d+")).isFalse();
        assertThat(RegexFunctions.regexpExtract(cache, "cpu=42 mem=7", "(\\w+)=(\\d+)", 2)).isEqualTo("42");
        assertThat(RegexFunctions.regexpExtract(cache, "none", "\\d+")).isNull();
        assertThat(RegexFunctions.regexpExtractAll(cache, "1a22b333", "\\d+")).containsExactly("1", "22", "333");
        assertThat(RegexFunctions.regexpReplace(cache, "a1b22", "\\d+", "<$0>")).isEqualTo("a<1>b<22>");
        assertThat(RegexFunctions.regexpReplace(cache, "a1b2", "\\d")).isEqualTo("ab");
        assertThat(RegexFunctions.regexpReplace(cache, "x=1", "(\\w)=(\\d)", groups -> groups.get(1) + groups.get(0)))
                .isEqualTo("1x");
        assertThat(RegexFunctions.regexpSplit(cache, "a1b2", "\\d")).containsExactly("a", "b", "");
        assertThat(cache.size()).as("each distinct pattern compiled once").isEqualTo(4);
        assertThatThrownBy(() -> RegexFunctions.regexpExtract(cache, "a", "a", 1)).isInstanceOf(QueryExecutionException.class);
        assertThatThrownBy(() -> RegexFunctions.regexpLike(cache, "a", "(")).isInstanceOf(QueryExecutionException.class)
                .hasMessageContaining("Invalid regular expression");
    }

    @Test
    void conditionalsAreLazyAndNullAware() {
        assertThat(ConditionalFunctions.<Object>ifThenElse(null, () -> 1L, () -> 2L)).isEqualTo(2L);
        assertThat(ConditionalFunctions.<Object>ifThenElse(true, () -> 1L, () -> {
            throw new QueryExecutionException("not evaluated");
        })).isEqualTo(1L);
        assertThat(ConditionalFunctions.<Object>ifThenElse(false, () -> 1L, null)).isNull();
        assertThat(ConditionalFunctions.<Object>coalesce(() -> null, () -> "x", () -> {
            throw new AssertionError("must not run");
        })).isEqualTo("x");
        assertThat((Object) ConditionalFunctions.coalesceValues((Object) null, null)).isNull();
        assertThat(ConditionalFunctions.nullIf(1L, 1.0)).isNull();
        assertThat(ConditionalFunctions.nullIf(1L, 2L)).isEqualTo(1L);
        assertThat(ConditionalFunctions.nullIf(null, 2L)).isNull();
        assertThat(ConditionalFunctions.simpleCaseBranch(2L, 1L, null, 2L)).isEqualTo(2);
        assertThat(ConditionalFunctions.simpleCaseBranch(null, (Object) null)).isEqualTo(-1);
        assertThat(ConditionalFunctions.searchedCaseBranch(null, false, true)).isEqualTo(2);
        assertThat(ConditionalFunctions.tryEvaluate(() -> MathFunctions.mod(1, 0))).isNull();
        assertThatThrownBy(() -> ConditionalFunctions.tryEvaluate(() -> {
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void castsFollowTrinoRules() {
        assertThat(Casts.doubleToBigint(2.5)).isEqualTo(3);
        assertThat(Casts.doubleToBigint(-2.5)).isEqualTo(-3);
        assertThat(Casts.doubleToBigint(2.4)).isEqualTo(2);
        assertThatThrownBy(() -> Casts.doubleToBigint(Double.NaN)).isInstanceOf(QueryExecutionException.class);
        assertThatThrownBy(() -> Casts.doubleToBigint(1e19)).isInstanceOf(QueryExecutionException.class);
        assertThat(Casts.doubleToInteger(2147483647.4)).isEqualTo(Integer.MAX_VALUE);
        assertThatThrownBy(() -> Casts.doubleToInteger(2147483647.5)).isInstanceOf(QueryExecutionException.class);
        assertThat(Casts.varcharToBigint(" 42 ")).isEqualTo(42);
        assertThatThrownBy(() -> Casts.varcharToBigint("4.2")).isInstanceOf(QueryExecutionException.class)
                .hasMessage("Cannot cast '4.2' to bigint");
        assertThat(Casts.varcharToDouble("1e3")).isEqualTo(1000.0);
        assertThat(Casts.varcharToDouble("NaN")).isNaN();
        assertThatThrownBy(() -> Casts.varcharToDouble("1d")).isInstanceOf(QueryExecutionException.class);
        assertThat(Casts.varcharToBoolean("TRUE")).isTrue();
        assertThat(Casts.varcharToBoolean("0")).isFalse();
        assertThatThrownBy(() -> Casts.varcharToBoolean("yes")).isInstanceOf(QueryExecutionException.class);
        assertThat(Casts.bigintToBoolean(-3)).isTrue();
        assertThat(Casts.doubleToVarchar(1.5)).isEqualTo("1.5");
        assertThat(Casts.booleanToVarchar(false)).isEqualTo("false");
        long timestamp = Casts.varcharToTimestamp("2022-06-17 10:15:20.5");
        assertThat(timestamp).isEqualTo(1_655_460_920_500_000_000L);
        assertThat(Casts.timestampToVarchar(timestamp)).isEqualTo("2022-06-17 10:15:20.500000000");
        assertThat(Casts.timestampToDate(timestamp)).isEqualTo(Casts.varcharToDate("2022-06-17"));
        assertThat(Casts.dateToVarchar(Casts.varcharToDate("2022-06-17"))).isEqualTo("2022-06-17");
        assertThat(Casts.dateToTimestamp(1)).isEqualTo(86_400_000_000_000L);
        assertThatThrownBy(() -> Casts.varcharToTimestamp("yesterday")).isInstanceOf(QueryExecutionException.class);
        assertThat(ConditionalFunctions.tryEvaluate(() -> Casts.varcharToBigint("x"))).isNull();
    }

    @Test
    void arrayFunctions() {
        List<Object> values = Arrays.asList(3L, null, 1L, 3L);
        assertThat(ArrayFunctions.cardinality(values)).isEqualTo(4);
        assertThat(ArrayFunctions.elementAt(values, -1)).isEqualTo(3L);
        assertThat(ArrayFunctions.elementAt(values, 5)).isNull();
        assertThatThrownBy(() -> ArrayFunctions.elementAt(values, 0)).isInstanceOf(QueryExecutionException.class);
        assertThatThrownBy(() -> ArrayFunctions.subscript(values, 5)).isInstanceOf(QueryExecutionException.class);
        assertThat(ArrayFunctions.contains(values, 1L)).isTrue();
        assertThat(ArrayFunctions.contains(values, 7L)).isNull();
        assertThat(ArrayFunctions.contains(List.of(1L), 7L)).isFalse();
        assertThat(ArrayFunctions.arrayJoin(values, ",")).isEqualTo("3,1,3");
        assertThat(ArrayFunctions.arrayJoin(values, ",", "NA")).isEqualTo("3,NA,1,3");
        assertThat(ArrayFunctions.arrayMax(values)).isNull();
        assertThat(ArrayFunctions.arrayMax(List.of(1L, 5L, 2L))).isEqualTo(5L);
        assertThat(ArrayFunctions.arrayMin(List.of("b", "a"))).isEqualTo("a");
        assertThat(ArrayFunctions.arraySort(values)).containsExactly(1L, 3L, 3L, null);
        assertThat(ArrayFunctions.arrayDistinct(values)).containsExactly(3L, null, 1L);
        assertThat(ArrayFunctions.slice(List.of(1L, 2L, 3L, 4L), 2, 2)).containsExactly(2L, 3L);
        assertThat(ArrayFunctions.slice(List.of(1L, 2L, 3L, 4L), -2, 5)).containsExactly(3L, 4L);
        assertThat(ArrayFunctions.arrayPosition(values, 1L)).isEqualTo(3);
        assertThat(ArrayFunctions.arrayRemove(values, 3L)).containsExactly(null, 1L);
        assertThat(ArrayFunctions.flatten(Arrays.asList(List.of(1L), null, List.of(2L, 3L)))).containsExactly(1L, 2L, 3L);
        assertThat(ArrayFunctions.arrayUnion(List.of(1L, 2L), List.of(2L, 3L))).containsExactly(1L, 2L, 3L);
        assertThat(ArrayFunctions.arrayIntersect(List.of(1L, 2L), List.of(2L, 3L))).containsExactly(2L);
        assertThat(ArrayFunctions.arrayExcept(List.of(1L, 2L), List.of(2L, 3L))).containsExactly(1L);
        assertThat(ArrayFunctions.arraysOverlap(List.of(1L), List.of(2L))).isFalse();
        assertThat(ArrayFunctions.arraysOverlap(List.of(1L), Arrays.asList(2L, null))).isNull();
        assertThat(ArrayFunctions.arraysOverlap(List.of(1L, 2L), Arrays.asList(2L, null))).isTrue();
        assertThat(ArrayFunctions.zip(List.of(1L, 2L), List.of("a"))).containsExactly(List.of(1L, "a"), Arrays.asList(2L, null));
        assertThat(ArrayFunctions.filter(values, x -> x != null && (Long) x > 1)).containsExactly(3L, 3L);
        assertThat(ArrayFunctions.transform(List.of(1L, 2L), x -> (Long) x * 10)).containsExactly(10L, 20L);
        assertThat(ArrayFunctions.reduce(List.of(1L, 2L, 3L), 0L, (s, x) -> (Long) s + (Long) x, s -> s)).isEqualTo(6L);
        assertThat(ComparisonFunctions.greatest(1L, 2.5, 2L)).isEqualTo(2.5);
        assertThat(ComparisonFunctions.least("b", "a")).isEqualTo("a");
        assertThat(ComparisonFunctions.greatest(1L, null)).isNull();
    }

    @Test
    void registriesBindEveryOverloadAndCallThrough() throws Throwable {
        ScalarFunctionRegistry scalars = new ScalarFunctionRegistry();
        assertThat(scalars.names()).contains("abs", "round", "substr", "regexp_like", "element_at", "levenshtein_distance");
        ScalarFunction round = scalars.overloads("ROUND").stream()
                .filter(function -> function.signature().argumentTypes().equals(List.of("double", "bigint")))
                .findFirst().orElseThrow();
        assertThat((double) round.implementation().invoke(2.675, 2L)).isEqualTo(2.68);
        ScalarFunction concat = scalars.overloads("concat").get(0);
        assertThat(concat.implementation().invoke(new String[] {"a", "b"})).isEqualTo("ab");
        TimeSeriesFunctionRegistry series = new TimeSeriesFunctionRegistry();
        assertThat(series.names()).contains("interpolate_linear", "interpolate_spline_cubic", "interpolate_locf",
                "interpolate_fill", "derivative_linear", "non_negative_derivative_linear", "integral_trapezoidal",
                "correlate_pearson", "correlate_spearman", "filter", "reduce", "sequence");
        assertThat(TimeSeriesFunctionRegistry.createTimeSeriesSignatures()).hasSize(4);
    }
}
