package io.strata.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.api.ProtoDocumentationRule.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every declaration of the API is documented, because the .proto files are the API's reference. */
class ProtoDocumentationTest {

    private static final Path PROTO_ROOT = Path.of("src/main/protobuf");

    @Test
    void everyDeclarationInTheProtoFilesHasAComment() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(PROTO_ROOT)) {
            files = walk.filter(path -> path.toString().endsWith(".proto")).sorted().toList();
        }
        List<Violation> violations = new ArrayList<>();
        for (Path file : files) {
            violations.addAll(ProtoDocumentationRule.check(
                    PROTO_ROOT.relativize(file).toString(), Files.readAllLines(file, StandardCharsets.UTF_8)));
        }

        assertThat(files)
                .as("the public and internal protos are where this test looks")
                .anyMatch(path -> path.endsWith(Path.of("strata/v1/records.proto")))
                .anyMatch(path -> path.endsWith(Path.of("strata/internal/v1/shard_commands.proto")));
        assertThat(violations).as("undocumented declarations").isEmpty();
    }

    @Test
    void reportsEachKindOfUndocumentedDeclarationWithFileAndLine() {
        List<String> proto = List.of(
                "syntax = \"proto3\";",                  // 1
                "package sample;",                       // 2
                "message Naked {",                       // 3
                "  string bare = 1;",                    // 4
                "  // documented above",                 // 5
                "  repeated string listed = 2;",         // 6
                "  optional int64 trailing = 3; // ok",  // 7
                "  map<string, int32> counts = 4;",      // 8
                "  oneof choice {",                      // 9
                "    bool flag = 5;",                    // 10
                "  }",                                   // 11
                "}",                                     // 12
                "// An enum.",                           // 13
                "enum Kind {",                           // 14
                "  KIND_UNSPECIFIED = 0;",               // 15
                "  // One.",                             // 16
                "  KIND_ONE = 1;",                       // 17
                "}",                                     // 18
                "",                                      // 19
                "service Api {",                         // 20
                "  rpc Call(Naked) returns (Naked);",    // 21
                "}",                                     // 22
                "// Empty.",                             // 23
                "message Empty {}",                      // 24
                "// Spread over lines.",                 // 25
                "message Odd {",                         // 26
                "  // The type is on the next line.",    // 27
                "  string",                              // 28
                "    split = 1;",                        // 29
                "}");                                    // 30

        assertThat(ProtoDocumentationRule.check("sample.proto", proto))
                .extracting(Violation::toString)
                .containsExactly(
                        "sample.proto:3 message Naked has no comment",
                        "sample.proto:4 field bare has no comment",
                        "sample.proto:8 field counts has no comment",
                        "sample.proto:9 oneof choice has no comment",
                        "sample.proto:10 field flag has no comment",
                        "sample.proto:15 enum value KIND_UNSPECIFIED has no comment",
                        "sample.proto:20 service Api has no comment",
                        "sample.proto:21 rpc Call has no comment",
                        "sample.proto:28 cannot read 'string' (write one declaration per line)",
                        "sample.proto:29 cannot read 'split = 1;' (write one declaration per line)");
    }
}
