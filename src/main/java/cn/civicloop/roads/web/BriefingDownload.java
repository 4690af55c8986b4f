package cn.civicloop.roads.web;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import cn.civicloop.roads.internal.BriefingWorkbook;
import cn.civicloop.roads.internal.Briefings;
import cn.civicloop.shared.DistrictTime;

/** The week a briefing request asks for, and the briefing as an .xlsx download (page and API alike). */
final class BriefingDownload {

    private BriefingDownload() {
    }

    /** The Monday of {@code week} (2026-W48), or of this week in district time when blank. */
    static LocalDate monday(String week, Clock clock) {
        return Briefings.mondayOf(week, LocalDate.now(clock.withZone(DistrictTime.ZONE)));
    }

    static ResponseEntity<byte[]> xlsx(Briefings.Briefing b) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"road-briefing-" + b.week() + ".xlsx\"")
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(BriefingWorkbook.write(b));
    }
}
