package io.strata.query.parse;

/** The value of an interval literal: Timestream's two interval types. */
public sealed interface IntervalValue {

    /** {@code interval day to second}, exact to the nanosecond. */
    record DayToSecond(long nanoseconds) implements IntervalValue {}

    /** {@code interval year to month}. */
    record YearToMonth(long months) implements IntervalValue {}
}
