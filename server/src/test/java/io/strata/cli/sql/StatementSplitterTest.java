package io.strata.cli.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatementSplitterTest {
    @Test
    void cutsAtEndingSemicolonsOnly() {
        StatementSplitter.Split split = StatementSplitter.split("""
                SELECT 'a;b' AS "x;y" FROM t; -- a comment; still a comment
                SELECT /* not; here */ 2;
                SELECT 3""");

        assertThat(split.statements()).containsExactly("SELECT 'a;b' AS \"x;y\" FROM t",
                "-- a comment; still a comment\nSELECT /* not; here */ 2");
        assertThat(split.pending()).isTrue();
        assertThat(split.remainder().strip()).isEqualTo("SELECT 3");
    }

    @Test
    void blanksAndCommentsAfterTheLastSemicolonAreNotAStatement() {
        StatementSplitter.Split split = StatementSplitter.split("SELECT 1;  -- done\n ;;");

        assertThat(split.statements()).containsExactly("SELECT 1");
        assertThat(split.pending()).isFalse();
    }

    @Test
    void anUnclosedStringWaitsForMoreText() {
        assertThat(StatementSplitter.split("SELECT 'it''s;").pending()).isTrue();
        assertThat(StatementSplitter.split("SELECT 'it''s';").statements()).containsExactly("SELECT 'it''s'");
    }
}
