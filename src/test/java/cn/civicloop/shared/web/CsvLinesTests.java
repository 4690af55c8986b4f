package cn.civicloop.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The one CSV writer of the downloads: quoted cells, doubled quotes, formulas defused (CSV injection). */
class CsvLinesTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "=HYPERLINK(\"http://evil.example\")|\"'=HYPERLINK(\"\"http://evil.example\"\")\"",
            "+86 138 1234 5678|\"'+86 138 1234 5678\"",
            "-2+3|\"'-2+3\"",
            "@SUM(A1:A2)|\"'@SUM(A1:A2)\"",
            "plain 文本|\"plain 文本\"",
            "a=b|\"a=b\"" })
    void aCellASpreadsheetWouldRunStartsWithAnApostrophe(String cell, String written) {
        assertThat(CsvLines.line(cell)).isEqualTo(written + "\r\n");
    }

    @Test
    void tabsCarriageReturnsNullsAndSeveralCells() {
        assertThat(CsvLines.line("\tcmd", "\rx", null, "say \"hi\"")).isEqualTo("\"'\tcmd\",\"'\rx\",\"\",\"say \"\"hi\"\"\"\r\n");
    }
}
