package cn.civicloop.knowledge.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.civicloop.cases.AppealSnapshot;
import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseQueries;
import cn.civicloop.cases.CaseTransitioned;
import cn.civicloop.cases.TimelineEntry;
import cn.civicloop.directory.Actor;
import cn.civicloop.shared.SelectiveListener;

/**
 * The prints of department replies (ADR 0031): on each reply (办结反馈) the reply's print and its appeal's print are
 * kept, so that a reply can be compared with the same department's earlier replies. A reply is a form letter when it
 * is near-identical to the reply to another appeal that is not itself near-identical (two replies to one duplicate
 * appeal may well be the same). Only prints are kept, no text.
 */
@Component
public class ReplyPrints implements SelectiveListener {

    /** An earlier near-identical reply to a different appeal. */
    public record Twin(String caseNumber, Instant repliedAt, int distance) {
    }

    /** Appeals whose prints differ in fewer bits than this are the same appeal told twice. */
    static final int SAME_APPEAL_BITS = 10;

    private final JdbcClient jdbc;
    private final CaseQueries cases;
    private final KnowledgeProperties properties;

    ReplyPrints(JdbcClient jdbc, CaseQueries cases, KnowledgeProperties properties) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.properties = properties;
    }

    public static boolean concerns(CaseTransitioned event) {
        return event.action() == CaseAction.REPLY;
    }

    /** Only the steps {@link #concerns} names store a publication for this listener. */
    @Override
    public boolean takes(Object event) {
        return !(event instanceof CaseTransitioned t) || concerns(t);
    }

    @ApplicationModuleListener
    void on(CaseTransitioned event) {
        Optional<AppealSnapshot> appeal = cases.snapshot(event.number());
        Optional<TimelineEntry> reply = lastReply(event.number());
        if (appeal.isEmpty() || reply.isEmpty()) {
            return;
        }
        TimelineEntry r = reply.get();
        if (jdbc.sql("select count(*) from knowledge_reply_print where timeline_id = ?").param(r.id())
                .query(Long.class).single() > 0) {
            return;
        }
        jdbc.sql("""
                insert into knowledge_reply_print (timeline_id, case_number, department_id, replied_at, reply_print,
                    appeal_print) values (?, ?, ?, ?, ?, ?)""")
                .params(r.id(), event.number(), r.departmentId(), Timestamp.from(r.at()),
                        ReplyPrint.of(r.reason()), ReplyPrint.of(appeal.get().title() + "\n" + appeal.get().content()))
                .update();
    }

    /** The case's latest reply on its timeline (the system reads every case). */
    public Optional<TimelineEntry> lastReply(String number) {
        return cases.timeline(number, Actor.system()).stream().filter(e -> e.action() == CaseAction.REPLY)
                .max(Comparator.comparing(TimelineEntry::at).thenComparing(TimelineEntry::id));
    }

    /**
     * The nearest earlier reply of the department, within the window, to a different appeal and near-identical to
     * this reply; empty when there is none.
     */
    public Optional<Twin> twinOf(String number, Long departmentId, Instant repliedAt, long replyPrint,
            long appealPrint) {
        Instant since = repliedAt.minus(Duration.ofDays(properties.formLetterDays()));
        return jdbc.sql("""
                select case_number, replied_at, reply_print, appeal_print from knowledge_reply_print
                where department_id = ? and replied_at >= ? and replied_at <= ? and case_number <> ?
                order by replied_at desc limit ?""")
                .params(departmentId, Timestamp.from(since), Timestamp.from(repliedAt), number,
                        properties.formLetterLimit())
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getLong(3),
                        rs.getLong(4)})
                .list().stream()
                .filter(row -> ReplyPrint.distance(appealPrint, (Long) row[3]) >= SAME_APPEAL_BITS)
                .map(row -> new Twin((String) row[0], (Instant) row[1], ReplyPrint.distance(replyPrint, (Long) row[2])))
                .filter(t -> t.distance() <= properties.formLetterBits())
                .min(Comparator.comparingInt(Twin::distance));
    }

    List<Long> printsOf(String number) {
        return jdbc.sql("select reply_print from knowledge_reply_print where case_number = ?").param(number)
                .query(Long.class).list();
    }
}
