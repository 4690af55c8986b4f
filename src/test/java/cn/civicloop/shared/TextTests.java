package cn.civicloop.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTests {

    @Test
    void phonesWrittenWithSpacesDashesOrFullWidthDigitsAreLongNumbers() {
        assertThat(Text.replaceLongNumbers("电话138 1234 5678请回电", n -> "#")).isEqualTo("电话#请回电");
        assertThat(Text.replaceLongNumbers("座机0531-88886666", n -> "#")).isEqualTo("座机#");
        assertThat(Text.replaceLongNumbers("打１３８１２３４５６７８", n -> "#")).isEqualTo("打#");
    }

    @Test
    void anIdentityNumberLosesItsCheckLetterToo() {
        assertThat(Text.withoutLongNumbers("身份证37010219900101123X，住址")).isEqualTo("身份证，住址");
    }

    @Test
    void shortNumbersStay() {
        String words = "2026年3号楼2单元，123456元，4路公交";
        assertThat(Text.withoutLongNumbers(words)).isEqualTo(words);
    }

    @Test
    void theReplacementSeesTheNumberItReplaces() {
        assertThat(Text.replaceLongNumbers("a 13812345678 b 13900001111", n -> "[" + n.length() + "]"))
                .isEqualTo("a [11] b [11]");
        assertThat(Text.replaceLongNumbers(null, n -> "#")).isNull();
    }

    @Test
    void cleaningRemovesControlsAndStrays() {
        assertThat(Text.clean(" a\u0000b\td\ud800 ")).isEqualTo("ab\td");
        assertThat(Text.cleanOrNull(" \u0001 ")).isNull();
    }
}
