package cn.civicloop.roads.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.BiFunction;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The weekly briefing as an .xlsx workbook: one sheet per area table, one for the chiefs. Sheet names, headers and
 * the total's name are the roads' bundle keys ({@code roads.xlsx.*}) in the language of whoever asks for it; the
 * areas', chiefs' and units' names are data and stay as they are.
 */
public final class BriefingWorkbook {

    static final List<String> AREA_HEADER = List.of("area-code", "area", "found", "fixed", "escalated", "handed",
            "overdue", "whistles", "whistle-rate", "responders", "ack", "report", "minutes", "rating");
    static final List<String> CHIEF_HEADER = List.of("chief-code", "name", "level", "unit", "found", "fixed",
            "escalated", "handed", "overdue", "whistles");

    private BriefingWorkbook() {
    }

    /**
     * @param words the text of a roads bundle key (with its arguments) in the requester's language
     */
    public static byte[] write(Briefings.Briefing b, BiFunction<String, Object[], String> words) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet areas = book.createSheet(words.apply("roads.xlsx.sheet.areas", new Object[] {b.week()}));
            header(areas, AREA_HEADER, words);
            int r = 1;
            for (Briefings.AreaRow a : b.areas()) {
                area(areas.createRow(r++), a, a.name());
            }
            area(areas.createRow(r), b.total(), words.apply("roads.briefing.total", null));
            Sheet chiefs = book.createSheet(words.apply("roads.xlsx.sheet.chiefs", new Object[] {b.week()}));
            header(chiefs, CHIEF_HEADER, words);
            r = 1;
            for (Briefings.ChiefRow c : b.chiefs()) {
                Row row = chiefs.createRow(r++);
                Object[] v = {c.code(), c.name(), c.level(), c.unit(), c.found(), c.fixedOnSpot(), c.escalated(),
                        c.handedOver(), c.overdue(), c.whistles()};
                cells(row, v);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void area(Row row, Briefings.AreaRow a, String name) {
        Object[] v = {a.code(), name, a.found(), a.fixedOnSpot(), a.escalated(), a.handedOver(), a.overdue(),
                a.whistles(), a.whistleRate(), a.responders(), a.ackInTimePercent(), a.reportInTimePercent(),
                a.meanMinutesToReport(), a.meanRating()};
        cells(row, v);
    }

    private static void header(Sheet sheet, List<String> columns, BiFunction<String, Object[], String> words) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            row.createCell(i).setCellValue(words.apply("roads.xlsx.col." + columns.get(i), null));
        }
    }

    private static void cells(Row row, Object[] values) {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof Number n) {
                row.createCell(i).setCellValue(n.doubleValue());
            } else if (v != null) {
                row.createCell(i).setCellValue(v.toString());
            } else {
                row.createCell(i);
            }
        }
    }
}
