package cn.civicloop.media.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.civicloop.cases.CaseFeed;
import cn.civicloop.directory.Actor;
import cn.civicloop.shared.AuditTrail;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.Text;

/**
 * The media centre's watch list (关注) and what it sees of the cases on it and of its alerts: the public facts only
 * (number, category, department, status, deadline, through {@link CaseFeed}), never the resident's words or contact.
 */
@Service
public class WatchList {

    /** A case as the media centre sees it. */
    public record Watched(String caseNumber, String category, String departmentName, String status, Instant dueAt,
            Instant closedAt, String note, Instant addedAt) {
    }

    /** An alert with the case's public facts. */
    public record AlertLine(long id, String caseNumber, String kind, String category, String departmentName,
            String status, Instant dueAt, Instant raisedAt) {
    }

    private final JdbcClient jdbc;
    private final CaseFeed feed;
    private final Alerts alerts;
    private final AuditTrail audit;
    private final MediaProperties settings;
    private final Clock clock;

    WatchList(JdbcClient jdbc, CaseFeed feed, Alerts alerts, AuditTrail audit, MediaProperties settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.feed = feed;
        this.alerts = alerts;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    public void add(String caseNumber, String note, Actor actor) {
        String number = Text.cleanOrNull(caseNumber);
        if (number == null || feed.byNumbers(List.of(number)).isEmpty()) {
            throw new NotFoundException(Phrase.of("problem.media.case-not-found", "没有这个工单：{0}", caseNumber));
        }
        jdbc.sql("insert into media_watch (case_number, added_by, added_at, note) values (?, ?, ?, ?) "
                        + "on conflict do nothing")
                .params(number, actor.username(), Timestamp.from(clock.instant()), Text.cleanOrNull(note)).update();
        audit.record("MEDIA_WATCH_ADDED", "case:" + number, "OK", null);
    }

    public void remove(String caseNumber, Actor actor) {
        jdbc.sql("delete from media_watch where case_number = ?").param(caseNumber).update();
        audit.record("MEDIA_WATCH_REMOVED", "case:" + caseNumber, "OK", null);
    }

    public List<Watched> watched() {
        record Row(String number, String note, Instant at) {
        }
        List<Row> rows = jdbc.sql("select case_number, note, added_at from media_watch "
                        + "order by added_at desc fetch first ? rows only")
                .param(settings.listSize())
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant())).list();
        var cases = feed.byNumbers(rows.stream().map(Row::number).toList());
        return rows.stream().flatMap(r -> cases.stream().filter(c -> c.number().equals(r.number())).findFirst()
                .map(c -> new Watched(c.number(), c.category(), c.departmentName(), c.status().name(), c.dueAt(),
                        c.closedAt(), r.note(), r.at()))
                .stream()).toList();
    }

    public List<AlertLine> alerts() {
        List<Alerts.Alert> found = alerts.newest(settings.listSize());
        var cases = feed.byNumbers(found.stream().map(Alerts.Alert::caseNumber).distinct().toList());
        return found.stream().flatMap(a -> cases.stream().filter(c -> c.number().equals(a.caseNumber())).findFirst()
                .map(c -> new AlertLine(a.id(), a.caseNumber(), a.kind().name(), c.category(), c.departmentName(),
                        c.status().name(), c.dueAt(), a.raisedAt()))
                .stream()).toList();
    }
}
