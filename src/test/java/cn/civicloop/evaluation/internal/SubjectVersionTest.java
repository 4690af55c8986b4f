package cn.civicloop.evaluation.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.springframework.beans.factory.annotation.Autowired;

import cn.civicloop.evaluation.Period;
import cn.civicloop.evaluation.SubjectKind;
import cn.civicloop.shared.DistrictTime;
import cn.civicloop.support.ApiTest;

/**
 * Base of the tests that compute a hand-made month for one subject kind and read its version back: the figures of a
 * subject, the drill-down rows behind a figure's term, a subject's row of an exported sheet, and times of the
 * district.
 */
abstract class SubjectVersionTest extends ApiTest {

    @Autowired
    Snapshots snapshots;

    @Autowired
    Calculator calculator;

    @Autowired
    Indicators indicators;

    @Autowired
    Workbooks workbooks;

    /** The figures of subject {@code key} of {@code kind} in a version, by indicator code. */
    Map<String, Double> figures(Snapshots.Snapshot s, SubjectKind kind, String key) {
        Map<String, Double> m = new HashMap<>();
        snapshots.figures(s.id(), kind, key).forEach(f -> m.put(f.indicatorCode(), f.value()));
        return m;
    }

    /** The drill-down of term {@code term} of an indicator for one subject in a month (up to 1000 rows). */
    List<Calculator.Row> rows(Period period, SubjectKind kind, String key, String indicator, int term) {
        return calculator.rows(period, kind, key, indicators.get(indicator), term, 0, 1000);
    }

    /** The row of an exported sheet (below its header) whose cell in {@code column} reads {@code value}. */
    static Row sheetRow(Sheet sheet, int column, String value) {
        return StreamSupport.stream(sheet.spliterator(), false)
                .filter(r -> r.getRowNum() > 0 && value.equals(r.getCell(column).getStringCellValue()))
                .findFirst().orElseThrow();
    }

    /** A time of the district's clock (Asia/Shanghai). */
    static Instant district(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(DistrictTime.ZONE).toInstant();
    }
}
