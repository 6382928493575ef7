package io.strata.query.parse;

import java.util.List;

/**
 * Not a test: prints how long {@link SqlParser#parse} takes per user-workload query (µs), after a
 * warm-up. Run from the module after {@code verify}:
 * {@code java -cp target/test-classes:target/classes:<deps> io.strata.query.parse.ParseSpeedMain}.
 */
public final class ParseSpeedMain {

    private ParseSpeedMain() {}

    public static void main(String[] args) throws Exception {
        List<String> queries = SqlParserTest.userWorkloadQueries();
        SqlParser parser = new SqlParser();
        TimestreamPreLexer preLexer = new TimestreamPreLexer();
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        long sink = 0;
        for (int warmup = 0; warmup < rounds; warmup++) {
            for (String query : queries) {
                sink += parser.parse(query).originalText().length();
            }
        }
        long start = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            for (String query : queries) {
                sink += preLexer.rewrite(query).text().length();
            }
        }
        double preLexMicros = (System.nanoTime() - start) / 1e3 / rounds / queries.size();
        start = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            for (String query : queries) {
                sink += parser.parse(query).originalText().length();
            }
        }
        double parseMicros = (System.nanoTime() - start) / 1e3 / rounds / queries.size();
        System.out.printf("%d queries x %d rounds: pre-lex %.1f us/query, pre-lex + parse %.1f us/query (sink %d)%n",
                queries.size(), rounds, preLexMicros, parseMicros, sink);
        for (String query : queries) {
            long queryStart = System.nanoTime();
            for (int round = 0; round < rounds / 4; round++) {
                sink += parser.parse(query).originalText().length();
            }
            System.out.printf("  %6.1f us  %s%n", (System.nanoTime() - queryStart) / 1e3 / (rounds / 4),
                    query.strip().replaceAll("\\s+", " ").substring(0, Math.min(70, query.strip().replaceAll("\\s+", " ").length())));
        }
    }
}
