package cn.civicloop.triage.internal.learning;

import java.util.List;

/** Takes the rows of an uploaded file one at a time, the header first; {@code line} is the row's line (1 = header). */
@FunctionalInterface
interface RowConsumer {

    void row(long line, List<String> cells);
}
