package cn.civicloop.evaluation.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import cn.civicloop.evaluation.SubjectKind;

/**
 * The Excel file of a published period: one sheet per subject kind, a row per subject with its rank, score and
 * grade, then per indicator its figure and the counts it was computed from (the formula's inputs).
 */
@Component
public class Workbooks {

    private final Snapshots snapshots;
    private final Indicators indicators;

    Workbooks(Snapshots snapshots, Indicators indicators) {
        this.snapshots = snapshots;
        this.indicators = indicators;
    }

    /**
     * The police blocks' response per priority as the version froze it: a sheet beside the blocks' ranking, one row
     * per block and priority, the seconds to scene as they were computed.
     */
    private void police(XSSFWorkbook book, Snapshots.Snapshot snapshot, Map<SubjectKind, String> sheetNames,
            Map<String, String> headers) {
        List<PoliceResponses.PriorityFigures> figures = snapshots.policeFigures(snapshot.id(), null);
        Sheet sheet = book.createSheet(sheetNames.getOrDefault(SubjectKind.POLICE_BLOCK, "POLICE_BLOCK") + " · "
                + headers.getOrDefault("police", "police"));
        Row head = sheet.createRow(0);
        int col = 0;
        for (String h : List.of("subject", "priority", "incidents", "onScene", "onTime", "target", "median", "p90")) {
            head.createCell(col++).setCellValue(headers.getOrDefault(h, h));
        }
        int r = 1;
        for (PoliceResponses.PriorityFigures f : figures) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(f.blockCode());
            row.createCell(1).setCellValue(f.priority());
            row.createCell(2).setCellValue(f.incidents());
            row.createCell(3).setCellValue(f.onScene());
            row.createCell(4).setCellValue(f.onTime());
            cell(row, 5, f.targetSeconds() == null ? null : f.targetSeconds().doubleValue());
            cell(row, 6, f.median());
            cell(row, 7, f.p90());
        }
    }

    private static void cell(Row row, int col, Double seconds) {
        if (seconds == null) {
            row.createCell(col).setCellValue("—");
        } else {
            row.createCell(col).setCellValue(seconds);
        }
    }

    public byte[] of(Snapshots.Snapshot snapshot, Locale locale, Map<SubjectKind, String> sheetNames,
            Map<String, String> headers) {
        List<Indicator> every = indicators.all();
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (SubjectKind kind : SubjectKind.values()) {
                // each kind's own indicators: the road kinds' sheets carry the road system's figures
                List<Indicator> all = every.stream().filter(i -> i.appliesTo(kind)).toList();
                Sheet sheet = book.createSheet(sheetNames.getOrDefault(kind, kind.name()));
                Row head = sheet.createRow(0);
                int col = 0;
                for (String h : List.of("rank", "subject", "score", "grade")) {
                    head.createCell(col++).setCellValue(headers.getOrDefault(h, h));
                }
                for (Indicator i : all) {
                    head.createCell(col++).setCellValue(i.name(locale) + (i.percent() ? " (%)" : ""));
                    head.createCell(col++).setCellValue(i.name(locale) + " · " + headers.getOrDefault("inputs", "inputs"));
                }
                Map<String, Map<String, Snapshots.Figure>> bySubject = new HashMap<>();
                for (Snapshots.Figure f : snapshots.figures(snapshot.id(), kind, null)) {
                    bySubject.computeIfAbsent(f.subjectKey(), k -> new HashMap<>()).put(f.indicatorCode(), f);
                }
                int r = 1;
                for (Snapshots.Score s : snapshots.scores(snapshot.id(), kind)) {
                    Row row = sheet.createRow(r++);
                    col = 0;
                    if (s.rank() != null) {
                        row.createCell(col).setCellValue(s.rank());
                    }
                    col++;
                    row.createCell(col++).setCellValue(s.subjectName());
                    if (s.score() != null) {
                        row.createCell(col).setCellValue(s.score());
                    }
                    col++;
                    row.createCell(col++).setCellValue(s.grade() == null ? "—" : s.grade());
                    Map<String, Snapshots.Figure> figures = bySubject.getOrDefault(s.subjectKey(), Map.of());
                    for (Indicator i : all) {
                        Snapshots.Figure f = figures.get(i.code());
                        if (f == null || f.value() == null) {
                            row.createCell(col++).setCellValue("—");
                        } else {
                            row.createCell(col++).setCellValue(Math.round(f.value() * 100) / 100.0);
                        }
                        row.createCell(col++).setCellValue(f == null ? "" : f.inputs());
                    }
                }
            }
            police(book, snapshot, sheetNames, headers);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
