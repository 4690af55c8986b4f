package cn.civicloop.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line the acceptance checks use: train, classify, and clear errors with distinct exit codes. */
class RoutingCommandLineTests {

    @TempDir
    static Path dir;
    static Path model;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void trainOnce() {
        model = dir.resolve("routing.model");
        int code = RoutingCommandLine.run(new String[] {"routing", "train", "--out", model.toString(),
                TestCorpus.file().toString()});
        assertThat(code).isZero();
        assertThat(model).isRegularFile();
    }

    private int run(String... args) {
        return RoutingCommandLine.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void classifiesEveryRowInInputOrder() throws IOException {
        Path in = dir.resolve("in.csv");
        // BOM, CRLF, a quoted body with a line break and a doubled quote, a row without detail, columns reordered
        Files.writeString(in, "\uFEFFtitle,message_id,detail\r\n"
                + "幸福路小区工地夜间施工噪音扰民,m-3,\"晚上十一点还在打桩,\r\n根本没法睡觉，希望\"\"环保局\"\"查处\"\r\n"
                + "学校违规补课收费,m-1,\r\n"
                + ",m-2,公司拖欠工资半年，希望劳动监察大队督促企业支付\r\n", StandardCharsets.UTF_8);
        Path result = dir.resolve("out.csv");
        assertThat(run("routing", "classify", "--model", model.toString(), "--in", in.toString(), "--out",
                result.toString())).isZero();
        String[] lines = Files.readString(result, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).isEqualTo("message_id,label,confidence");
        assertThat(lines[1]).startsWith("m-3,环境保护,");
        assertThat(lines[2]).startsWith("m-1,教育文体,");
        assertThat(lines[3]).startsWith("m-2,劳动和社会保障,");
        for (int i = 1; i < lines.length; i++) {
            double confidence = Double.parseDouble(lines[i].substring(lines[i].lastIndexOf(',') + 1));
            assertThat(confidence).isBetween(0.0, 1.0);
        }
    }

    @Test
    void namesAMissingLabelColumn() throws IOException {
        Path bad = Files.writeString(dir.resolve("nolabel.csv"), "title,category\n某标题,城乡建设\n");
        assertThat(run("routing", "train", "--out", dir.resolve("x.model").toString(), bad.toString())).isEqualTo(1);
        assertThat(errors()).contains("nolabel.csv").contains("no 'label' column");
    }

    @Test
    void namesAnUnknownFile() {
        assertThat(run("routing", "train", "--out", dir.resolve("x.model").toString(), "nowhere.csv")).isEqualTo(1);
        assertThat(errors()).contains("nowhere.csv").contains("not found");
        assertThat(run("routing", "classify", "--model", dir.resolve("none.model").toString(), "--in", "in.csv",
                "--out", "out.csv")).isEqualTo(1);
        assertThat(errors()).contains("none.model");
    }

    @Test
    void namesABrokenRowAndAFileWithoutText() throws IOException {
        Path noText = Files.writeString(dir.resolve("notext.csv"), "label,user\n城乡建设,A01\n");
        assertThat(run("routing", "train", "--out", dir.resolve("x.model").toString(), noText.toString())).isEqualTo(1);
        assertThat(errors()).contains("notext.csv");
        Path open = Files.writeString(dir.resolve("open.csv"), "title,label\n\"never closed,城乡建设\n");
        assertThat(run("routing", "train", "--out", dir.resolve("x.model").toString(), open.toString())).isEqualTo(1);
        assertThat(errors()).contains("open.csv:2").contains("never closed");
    }

    @Test
    void explainsWrongUsage() {
        assertThat(run("routing")).isEqualTo(2);
        assertThat(run("routing", "predict")).isEqualTo(2);
        assertThat(run("routing", "classify", "--model", "m")).isEqualTo(2);
        assertThat(run("routing", "train", "--out", "m")).isEqualTo(2);
        assertThat(errors()).contains("unknown command 'predict'").contains("missing option --in")
                .contains("no training CSV file").contains("usage: routing train");
    }
}
