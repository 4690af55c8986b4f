package cn.civicloop.triage.learning;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writes simple CSV text (no quoted commas) as an .xlsx workbook, the way an export from a hotline system looks. */
final class Spreadsheets {

    private Spreadsheets() {
    }

    static byte[] xlsx(String csv) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("工单");
            int r = 0;
            for (String line : csv.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                Row row = sheet.createRow(r++);
                String[] cells = line.split(",", -1);
                for (int c = 0; c < cells.length; c++) {
                    row.createCell(c).setCellValue(cells[c]);
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
