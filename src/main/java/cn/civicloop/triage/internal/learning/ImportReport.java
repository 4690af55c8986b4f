package cn.civicloop.triage.internal.learning;

import java.util.List;
import java.util.Map;

/**
 * What an upload found (导入报告): its bad rows (the first ones listed with line and reason, all counted), the labels
 * the category tree does not know with how many rows carry each (to be mapped on the page), the examples per category
 * it stored, and why the whole file was refused when it was.
 */
public record ImportReport(List<BadRow> badRows, Map<String, Long> unknownLabels, Map<String, Long> perCategory,
        String fileProblem) {

    /** A row that cannot be imported: its line in the file, the problem and the value that caused it. */
    public record BadRow(long line, RowProblem problem, String value) {
    }
}
