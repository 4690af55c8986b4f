package cn.civicloop.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code opinion cluster}: one output row per input row in input order, shared topic ids, exit codes 0/1/2. */
class OpinionCommandLineTests {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return OpinionCommandLine.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void groupsPostsOfOneIssueAndKeepsInputOrder() throws IOException {
        Path in = dir.resolve("posts.csv");
        // out of time order, columns reordered, extra columns, a quoted body with a comma and a line break
        Files.writeString(in, "\uFEFFtime,message_id,user,title,detail,like_count,oppose_count,extra\r\n"
                + "2026/5/3 09:00:00,p3,u3,槐荫小区旁搅拌站夜间噪音扰民,\"半夜还在响,\r\n睡不着\",40,2,x\r\n"
                + "2026-05-01 21:10:00,p1,u1,槐荫小区附近搅拌站噪音扰民,晚上十点以后机器轰鸣,120,3,\r\n"
                + "2026/5/2 8:05,p2,u2,投诉槐荫小区搅拌站噪音扰民问题,灰尘大噪音大,15,0,\r\n"
                + "2026/5/2 10:00:00,p4,u4,咨询市民卡补办流程,丢了市民卡怎么补办,0,0,\r\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("topics.csv");

        assertThat(run("opinion", "cluster", "--in", in.toString(), "--out", out.toString())).isZero();

        String[] lines = Files.readString(out, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).isEqualTo("message_id,topic_id,heat");
        String[][] rows = new String[5][];
        for (int i = 1; i < 5; i++) {
            rows[i] = lines[i].split(",");
        }
        assertThat(rows[1][0]).isEqualTo("p3");
        assertThat(rows[2][0]).isEqualTo("p1");
        assertThat(rows[4][0]).isEqualTo("p4");
        assertThat(rows[1][1]).isEqualTo(rows[2][1]).isEqualTo(rows[3][1]);
        assertThat(rows[4][1]).isNotEqualTo(rows[1][1]);
        assertThat(rows[1][2]).isEqualTo(rows[2][2]);
        assertThat(Double.parseDouble(rows[1][2])).isGreaterThan(Double.parseDouble(rows[4][2]));
    }

    @Test
    void badDataIsExitOneAndNamesTheLine() throws IOException {
        Path in = dir.resolve("bad.csv");
        Files.writeString(in, "message_id,title,detail,time\nm1,标题,内容,昨天下午\n", StandardCharsets.UTF_8);
        assertThat(run("opinion", "cluster", "--in", in.toString(), "--out", dir.resolve("o.csv").toString()))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 2").contains("昨天下午");

        Path noColumn = dir.resolve("nocol.csv");
        Files.writeString(noColumn, "message_id,title,time\nm1,标题,2026/1/1 10:00\n", StandardCharsets.UTF_8);
        assertThat(run("opinion", "cluster", "--in", noColumn.toString(), "--out", dir.resolve("o.csv").toString()))
                .isEqualTo(1);
        assertThat(run("opinion", "cluster", "--in", dir.resolve("absent.csv").toString(), "--out",
                dir.resolve("o.csv").toString())).isEqualTo(1);
    }

    @Test
    void wrongUsageIsExitTwo() {
        assertThat(run("opinion", "cluster", "--in", "a.csv")).isEqualTo(2);
        assertThat(run("opinion", "group", "--in", "a.csv", "--out", "b.csv")).isEqualTo(2);
        assertThat(run("opinion", "cluster", "--in", "a.csv", "--in", "b.csv")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: opinion cluster");
    }
}
