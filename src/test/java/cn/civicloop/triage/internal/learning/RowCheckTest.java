package cn.civicloop.triage.internal.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Reading and checking the rows of an upload: CSV quoting, encodings, mappings and each reason a row is refused. */
class RowCheckTest {

    private static final List<String> HEADER = List.of("时间", "标题", "内容", "分类", "单位");
    private static final ColumnMapping MAPPING = new ColumnMapping("标题", "内容", "分类", "单位", "时间",
            Map.of("市容环卫", "城乡建设"));
    private final RowCheck check = new RowCheck(HEADER, MAPPING, Set.of("城乡建设", "环境保护"));

    @Test
    void aGoodRowBecomesAnExampleWithItsMappedLabelAndDate() {
        RowCheck.Result r = check.check(7, List.of("2024年3月5日 10:20", " 垃圾没人清 ", "楼下垃圾", "市容环卫", "区城管局"));
        assertThat(r.ok()).isTrue();
        assertThat(r.example().label()).isEqualTo("城乡建设");
        assertThat(r.example().title()).isEqualTo("垃圾没人清");
        assertThat(r.example().occurredOn()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(r.example().line()).isEqualTo(7);
    }

    @Test
    void eachBadRowSaysWhy() {
        assertThat(check.check(2, List.of("2024-01-01", "t")).problem()).isEqualTo(RowProblem.TOO_FEW_FIELDS);
        assertThat(check.check(2, List.of("2024-01-01", "t", "c", " ", "x")).problem()).isEqualTo(RowProblem.NO_LABEL);
        assertThat(check.check(2, List.of("2024-01-01", "", " ", "城乡建设", "x")).problem()).isEqualTo(RowProblem.NO_TEXT);
        assertThat(check.check(2, List.of("2024-01-01", "t".repeat(201), "", "城乡建设", "x")).problem())
                .isEqualTo(RowProblem.TITLE_TOO_LONG);
        assertThat(check.check(2, List.of("2024-01-01", "t", "c", "医疗", "x")).value()).isEqualTo("医疗");
        assertThat(check.check(2, List.of("昨天", "t", "c", "城乡建设", "x")).problem()).isEqualTo(RowProblem.BAD_DATE);
    }

    @Test
    void aMappingNamingAColumnTheHeaderLacksIsRefusedWithTheHeader() {
        assertThatThrownBy(() -> new RowCheck(HEADER, new ColumnMapping("标题", null, "类别", null, null, Map.of()),
                Set.of("城乡建设"))).isInstanceOfSatisfying(RowCheck.MappingException.class, e -> {
                    assertThat(e.column).isEqualTo("类别");
                    assertThat(e.header).containsExactlyElementsOf(HEADER);
                });
    }

    @Test
    void csvQuotesCommasLineBreaksAndTheLineEachRowStartsOn() throws IOException {
        List<String> rows = new ArrayList<>();
        CsvRows.read(new StringReader("\uFEFFa,b\r\n\"x,1\",\"he said \"\"hi\"\"\nnext line\"\n\nlast,row"),
                (line, cells) -> rows.add(line + ":" + String.join("|", cells)));
        assertThat(rows).containsExactly("1:a|b", "2:x,1|he said \"hi\"\nnext line", "5:last|row");
    }

    @Test
    void anUnclosedQuoteIsABrokenFile() {
        assertThatThrownBy(() -> CsvRows.read(new StringReader("a,b\n\"x,1\n"), (line, cells) -> { }))
                .isInstanceOf(CsvRows.BadFileException.class);
    }

    @Test
    void utf8AndGbkAreToldApartEvenWhenTheHeadCutsACharacter() {
        byte[] utf8 = "标题,内容\n路灯坏了,晚上一片黑".getBytes(StandardCharsets.UTF_8);
        byte[] gbk = "标题,内容\n路灯坏了,晚上一片黑".getBytes(Charset.forName("GBK"));
        assertThat(TextEncoding.detect(utf8, utf8.length)).isEqualTo(TextEncoding.UTF_8);
        assertThat(TextEncoding.detect(utf8, utf8.length - 1)).isEqualTo(TextEncoding.UTF_8);
        assertThat(TextEncoding.detect(gbk, gbk.length)).isEqualTo(TextEncoding.GBK);
        assertThat(TextEncoding.chosen("gb2312")).isEqualTo(TextEncoding.GBK);
        assertThat(TextEncoding.chosen("auto")).isNull();
    }

    @Test
    void duplicateFingerprintsAreRecognised() {
        LongSet set = new LongSet();
        for (int i = 0; i < 100_000; i++) {
            assertThat(set.add(LongSet.fingerprint("标题" + i, "内容", "城乡建设"))).isTrue();
        }
        assertThat(set.add(LongSet.fingerprint("标题5", "内容", "城乡建设"))).isFalse();
        assertThat(set.add(LongSet.fingerprint("标题5内容", "", "城乡建设"))).as("the separator counts").isTrue();
        assertThat(set.size()).isEqualTo(100_001);
    }
}
