package io.strata.cli.output;

/** How results are printed ({@code --format}). */
public enum OutputFormat {
    /** Aligned columns under a header, for people. */
    TABLE,
    /** RFC 4180 comma-separated values with a header line; NULL is an empty field. */
    CSV,
    /** A JSON array with one object per row; NULL is {@code null}. */
    JSON
}
