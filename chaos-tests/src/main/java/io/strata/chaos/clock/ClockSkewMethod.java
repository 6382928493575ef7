package io.strata.chaos.clock;

/** How a node is made to see a skewed wall clock. */
public enum ClockSkewMethod {
    /**
     * libfaketime preloaded into the node's JVM ({@code LD_PRELOAD} + {@code FAKETIME}): every wall
     * clock read in the process is shifted, including libraries that bypass {@code java.time.Clock}.
     * Monotonic clocks are left alone so timers and timeouts still work.
     */
    LIBFAKETIME,
    /**
     * The node's injectable clock, shifted by the system property {@value ClockSkew#SYSTEM_PROPERTY}
     * (an ISO-8601 duration, e.g. {@code PT30S} or {@code -PT5M}). Cheaper and precise, but only code
     * that reads the injected {@code Clock} sees it.
     */
    SYSTEM_PROPERTY
}
