package cn.civicloop.roads.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import cn.civicloop.roads.internal.BriefingWorkbook;
import cn.civicloop.roads.internal.Briefings;
import cn.civicloop.shared.AuditTrail;
import cn.civicloop.shared.DistrictTime;

/** The week a briefing request asks for, and the briefing as an .xlsx download (page and API alike). */
final class BriefingDownload {

    private BriefingDownload() {
    }

    /** The Monday of {@code week} (2026-W48), or of this week in district time when blank. */
    static LocalDate monday(String week, Clock clock) {
        return Briefings.mondayOf(week, LocalDate.now(clock.withZone(DistrictTime.ZONE)));
    }

    /**
     * The workbook in the requester's language; it names every chief: its download is an export of personal data,
     * audited.
     */
    static ResponseEntity<byte[]> xlsx(Briefings.Briefing b, AuditTrail audit, MessageSource messages) {
        Locale locale = LocaleContextHolder.getLocale();
        byte[] workbook = BriefingWorkbook.write(b, (key, args) -> messages.getMessage(key, args, locale));
        audit.personalDataExport("road briefing " + b.week(), "Excel, " + b.chiefs().size() + " chiefs by name");
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"road-briefing-" + b.week() + ".xlsx\"")
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(workbook);
    }
}
