package cn.civicloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * {@code JdbcClient…query(…).stream()} keeps its connection until the stream is closed: outside a transaction, a
 * stream that is only consumed (never closed) leaks one pooled connection per call, and after ten calls every request
 * of the instance waits for a connection that never comes back. Such a stream is read only inside
 * try-with-resources; everywhere else {@code .list().stream()}.
 */
class JdbcStreamsTests {

    private static final Pattern QUERY_STREAM = Pattern.compile("\\.query\\(((?!;).)*?\\)\\s*\\.stream\\(\\)",
            Pattern.DOTALL);

    @Test
    void noQueryResultIsStreamedWithoutClosingIt() throws IOException {
        List<String> open = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher m = QUERY_STREAM.matcher(source);
                while (m.find()) {
                    if (m.group().contains(".list()") || m.group().contains(".listOfRows()")) {
                        continue; // a list read whole, then streamed in memory
                    }
                    String before = source.substring(Math.max(0, m.start() - 200), m.start()).replace(" ", "");
                    if (!before.contains("try(")) {
                        open.add(file + ":" + (source.substring(0, m.start()).split("\n", -1).length));
                    }
                }
            }
        }
        assertThat(open).as("query results streamed without try-with-resources").isEmpty();
    }
}
