package cn.civicloop.triage.internal.learning;

import java.time.Instant;

/** An upload of historical work orders as the admin sees it, with its progress and report. */
public record ImportView(long id, String fileName, String source, String format, String encoding, String mapping,
        ImportStatus status, long rowsRead, long rowsStored, long duplicates, long badRows, boolean cancelRequested,
        ImportReport report, String createdBy, Instant createdAt, Instant finishedAt) {
}
