package cn.civicloop.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.civicloop.classifier.csv.CsvReader;
import cn.civicloop.classifier.csv.CsvWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4180 details that spreadsheet exports vary on. */
class CsvReaderTests {

    private static List<List<String>> read(String text) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader reader = new CsvReader(new StringReader(text), "t.csv")) {
            for (List<String> row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void readsBomQuotesCrlfAndEmbeddedLineBreaks() throws IOException {
        assertThat(read("\uFEFFa,b\r\n\"x,1\",\"say \"\"hi\"\"\r\nnext line\"\r\n\r\n,last\n")).containsExactly(
                List.of("a", "b"), List.of("x,1", "say \"hi\"\r\nnext line"), List.of("", "last"));
        assertThat(read("a,b\rc,\n")).containsExactly(List.of("a", "b"), List.of("c", ""));
    }

    @Test
    void reportsTheLineOfAnUnclosedQuote() {
        assertThatThrownBy(() -> read("a\nb\n\"open\n")).hasMessage("t.csv:3: quoted field is never closed");
    }

    @Test
    void writesWhatItReads() throws IOException {
        StringWriter text = new StringWriter();
        List<String> row = List.of("plain", "comma,", "quote\"", "line\nbreak", "");
        new CsvWriter(text).write(row);
        assertThat(text.toString()).isEqualTo("plain,\"comma,\",\"quote\"\"\",\"line\nbreak\",\r\n");
        assertThat(read(text.toString())).containsExactly(row);
    }
}
