package cn.civicloop.roads.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The weekly briefing as an .xlsx workbook: one sheet per area table, one for the chiefs. */
public final class BriefingWorkbook {

    static final List<String> AREA_HEADER = List.of("片区编码", "片区", "发现问题", "即知即改", "上报上级", "移交部门", "超时",
            "吹哨次数", "吹哨率(每百件)", "报到部门次", "响应及时率%", "到场及时率%", "平均到场分钟", "平均评分");
    static final List<String> CHIEF_HEADER = List.of("路长编码", "姓名", "级别", "所属", "发现问题", "即知即改", "上报上级",
            "移交部门", "超时", "吹哨次数");

    private BriefingWorkbook() {
    }

    public static byte[] write(Briefings.Briefing b) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet areas = book.createSheet("片区 " + b.week());
            header(areas, AREA_HEADER);
            int r = 1;
            for (Briefings.AreaRow a : b.areas()) {
                area(areas.createRow(r++), a);
            }
            area(areas.createRow(r), b.total());
            Sheet chiefs = book.createSheet("路长 " + b.week());
            header(chiefs, CHIEF_HEADER);
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

    private static void area(Row row, Briefings.AreaRow a) {
        Object[] v = {a.code(), a.name(), a.found(), a.fixedOnSpot(), a.escalated(), a.handedOver(), a.overdue(),
                a.whistles(), a.whistleRate(), a.responders(), a.ackInTimePercent(), a.reportInTimePercent(),
                a.meanMinutesToReport(), a.meanRating()};
        cells(row, v);
    }

    private static void header(Sheet sheet, List<String> names) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < names.size(); i++) {
            row.createCell(i).setCellValue(names.get(i));
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
