package io.strata.raft;

import io.strata.raft.client.GroupClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/** Writing test commands through a {@link GroupClient}. */
final class Commands {
    private Commands() {}

    static byte[] bytes(String command) {
        return command.getBytes(StandardCharsets.UTF_8);
    }

    static List<String> numbered(String prefix, int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> prefix + "-" + i).toList();
    }

    /** Sends all commands at once (pipelined) and waits until every one is acknowledged. */
    static void writeAll(GroupClient client, List<String> commands) throws Exception {
        List<CompletableFuture<byte[]>> sent = commands.stream().map(c -> client.submit(bytes(c))).toList();
        for (CompletableFuture<byte[]> acknowledged : sent) {
            acknowledged.get(60, TimeUnit.SECONDS);
        }
    }

    static long count(GroupClient client) throws Exception {
        return CommandLogShard.decodeCount(client.read(new byte[0]).get(60, TimeUnit.SECONDS));
    }
}
