package cn.civicloop.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvCellsTests {

    @Test
    void plainCellsAreSplitOnCommasAndKeptAsRead() {
        assertThat(CsvCells.of("R01, 广济路 ,,x", CsvCells.AS_READ)).containsExactly("R01", " 广济路 ", "", "x");
    }

    @Test
    void aQuotedCellHoldsCommasAndDoubledQuotes() {
        assertThat(CsvCells.of("\"a,b\",\"他说\"\"好\"\"\",\"\"", CsvCells.AS_READ))
                .containsExactly("a,b", "他说\"好\"", "");
    }

    @Test
    void anEmptyLineIsOneEmptyCellAndATrailingCommaAnEmptyLastCell() {
        assertThat(CsvCells.of("", CsvCells.AS_READ)).containsExactly("");
        assertThat(CsvCells.of("a,", CsvCells.AS_READ)).containsExactly("a", "");
    }

    @Test
    void theCleaningIsToldWhetherTheCellWasQuoted() {
        CsvCells.Cleaning mark = (cell, quoted) -> (quoted ? "Q:" : "U:") + cell;
        assertThat(CsvCells.of(" a ,\" b \",c\"d\"", mark)).containsExactly("U: a ", "Q: b ", "Q:cd");
    }

    @Test
    void aLineEndedByCrLfKeepsNoCarriageReturn() {
        assertThat(CsvCells.of("a,\"b\"\r", CsvCells.AS_READ)).containsExactly("a", "b");
        assertThat(CsvCells.of("a,\"b\r\"", CsvCells.AS_READ)).as("a carriage return inside quotes is text")
                .containsExactly("a", "b\r");
    }

    @Test
    void linesDropTheByteOrderMarkAndEveryKindOfLineEnd() {
        assertThat(CsvCells.lines("\uFEFFcode,name\r\nA,甲\nB,乙\rC,丙\r\n")).containsExactly("code,name", "A,甲",
                "B,乙", "C,丙");
        assertThat(CsvCells.of(CsvCells.lines("\uFEFF\"code\",name").get(0), CsvCells.AS_READ))
                .containsExactly("code", "name");
        assertThat(CsvCells.lines("")).isEqualTo(List.of());
    }
}
