package cn.civicloop.roads.internal.whistles;

import static cn.civicloop.roads.internal.Sql.instant;
import static cn.civicloop.roads.internal.Sql.longOrNull;
import static cn.civicloop.roads.internal.Sql.ts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.civicloop.directory.Department;

/** The whistle tables ({@code roads_whistle}, its named departments and its notes): SQL only. */
@Repository
class WhistleStore {

    private final JdbcClient jdbc;

    WhistleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Long areaId, Long segmentId, String title, String description, Long blowerStaffId, Long blowerChiefId,
            String blowerName, Instant at, int ackMinutes, int reportMinutes) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into roads_whistle (area_id, segment_id, title, description, blower_staff_id, blower_chief_id, blower_name,
                    blown_at, ack_limit_min, report_limit_min, status) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(areaId, segmentId, title, description, blowerStaffId, blowerChiefId, blowerName, ts(at),
                        ackMinutes, reportMinutes, WhistleTransitions.START.name())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void name(long id, Department d) {
        jdbc.sql("insert into roads_whistle_department (whistle_id, department_id, department_name) values (?, ?, ?)")
                .params(id, d.id(), d.name()).update();
    }

    /** Stamps the department's acknowledgement (and, on site, its report), keeping earlier stamps. */
    void responded(long id, long department, Instant at, boolean onSite) {
        jdbc.sql("update roads_whistle_department set acknowledged_at = coalesce(acknowledged_at, ?)"
                + (onSite ? ", reported_at = coalesce(reported_at, ?)" : "") + " where whistle_id = ? and department_id = ?")
                .params(onSite ? List.of(ts(at), ts(at), id, department) : List.of(ts(at), id, department)).update();
    }

    void released(long id, long department, Instant at) {
        jdbc.sql("update roads_whistle_department set released_at = coalesce(released_at, ?) where whistle_id = ? and department_id = ?")
                .params(ts(at), id, department).update();
    }

    void resolved(long id, WhistleStatus status, String resolution, Instant at) {
        jdbc.sql("update roads_whistle set status = ?, resolved_at = ?, resolution = ? where id = ?")
                .params(status.name(), ts(at), resolution, id).update();
    }

    /** Rates the department once: false if it was rated before. */
    boolean rated(long id, long department, int score, String comment, Instant at) {
        return jdbc.sql("""
                update roads_whistle_department set rating = ?, rating_comment = ?, rated_at = ?
                where whistle_id = ? and department_id = ? and rated_at is null""")
                .params(score, comment, ts(at), id, department).update() > 0;
    }

    /** The named departments that have not done what {@code limit} asks and are not flagged for it yet. */
    List<Long> missing(long id, WhistleLimit limit) {
        return jdbc.sql("select department_id from roads_whistle_department where whistle_id = ? and "
                + limit.doneColumn + " is null and " + limit.overdueColumn + " is null").param(id).query(Long.class).list();
    }

    /** Flags the department overdue for {@code limit}, once: false if another node (or run) flagged it first. */
    boolean flagOverdue(long id, long department, WhistleLimit limit, Instant at) {
        return jdbc.sql("update roads_whistle_department set " + limit.overdueColumn + " = ? where whistle_id = ? and department_id = ? and "
                + limit.overdueColumn + " is null and " + limit.doneColumn + " is null")
                .params(ts(at), id, department).update() == 1;
    }

    void note(long id, String author, String department, String text, Instant at) {
        note(id, author, department, text, at, null);
    }

    /** {@code missed}: the limit a department missed, when the timer writes the note; null for a person's note. */
    void note(long id, String author, String department, String text, Instant at, WhistleLimit missed) {
        jdbc.sql("""
                insert into roads_whistle_note (whistle_id, written_at, author_name, department_name, note_text, missed_limit)
                values (?, ?, ?, ?, ?, ?)""")
                .params(id, ts(at), author, department, text, missed == null ? null : missed.name()).update();
    }

    String departmentName(long id, long department) {
        return jdbc.sql("select department_name from roads_whistle_department where whistle_id = ? and department_id = ?")
                .params(id, department).query(String.class).single();
    }

    Optional<WhistleView> find(long id) {
        return jdbc.sql("""
                select w.id, w.title, w.description, a.name, s.code, w.blower_name, w.blower_staff_id, w.blown_at,
                       w.ack_limit_min, w.report_limit_min, w.status, w.resolved_at, w.resolution, c.chief_level
                from roads_whistle w left join roads_area a on a.id = w.area_id left join roads_segment s on s.id = w.segment_id
                     left join roads_chief c on c.id = w.blower_chief_id
                where w.id = ?""").param(id).query((rs, n) -> {
                    Instant blown = rs.getTimestamp("blown_at").toInstant();
                    return new WhistleView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getLong(7), blown,
                            blown.plusSeconds(60L * rs.getInt("ack_limit_min")),
                            blown.plusSeconds(60L * rs.getInt("report_limit_min")), rs.getString("status"),
                            instant(rs, "resolved_at"), rs.getString("resolution"), responders(id), notes(id),
                            rs.getObject("chief_level", Integer.class));
                }).optional();
    }

    Optional<WhistleFacts> facts(long id) {
        return jdbc.sql("""
                select w.blower_staff_id, w.area_id, w.segment_id, s.squad_id from roads_whistle w
                left join roads_segment s on s.id = w.segment_id where w.id = ?""").param(id)
                .query((rs, n) -> {
                    Long segment = longOrNull(rs, "segment_id");
                    return new WhistleFacts(rs.getLong("blower_staff_id"), longOrNull(rs, "area_id"), segment,
                            longOrNull(rs, "squad_id"), jdbc.sql("select department_id from roads_whistle_department where whistle_id = ? order by department_id")
                                    .param(id).query(Long.class).list(),
                            segment == null ? List.of() : jdbc.sql("select chief_id from roads_segment_chief where segment_id = ?")
                                    .param(segment).query(Long.class).list());
                }).optional();
    }

    /** The whistles of {@link WhistleAccess#maySee} for someone who does not see them all, open ones first. */
    List<Long> visibleIds(WhistleScope s, int limit) {
        return jdbc.sql("""
                select w.id from roads_whistle w left join roads_segment s on s.id = w.segment_id
                where w.blower_staff_id = :staff
                   or exists (select 1 from roads_whistle_department d where d.whistle_id = w.id and d.department_id in (:departments))
                   or w.area_id in (:areas)
                   or (:level = 2 and (s.squad_id = :squad or (w.segment_id is null and w.area_id = :area)))
                   or exists (select 1 from roads_segment_chief sc where sc.segment_id = w.segment_id and sc.chief_id = :chief)
                order by case when w.status = 'OPEN' then 0 else 1 end, w.id desc
                limit :limit""")
                .param("staff", s.actor().staffId() == null ? -1L : s.actor().staffId())
                .param("departments", s.answersFor().isEmpty() ? List.of(-1L) : s.answersFor())
                .param("areas", s.areasLed().isEmpty() ? List.of(-1L) : s.areasLed())
                .param("level", s.chief() == null ? 0 : s.chief().level())
                .param("squad", s.chief() == null || s.chief().squadId() == null ? -1L : s.chief().squadId())
                .param("area", s.chief() == null || s.chief().areaId() == null ? -1L : s.chief().areaId())
                .param("chief", s.chief() == null ? -1L : s.chief().id())
                .param("limit", limit)
                .query(Long.class).list();
    }

    /** The latest whistles, open ones first. */
    List<Long> latestIds(int limit) {
        return jdbc.sql("select id from roads_whistle order by case when status = 'OPEN' then 0 else 1 end, id desc limit ?")
                .param(limit).query(Long.class).list();
    }

    private List<WhistleView.Responder> responders(long id) {
        return jdbc.sql("""
                select department_id, department_name, acknowledged_at, reported_at, ack_overdue_at, report_overdue_at,
                       released_at, rating, rating_comment from roads_whistle_department where whistle_id = ? order by department_id""")
                .param(id).query((rs, n) -> new WhistleView.Responder(rs.getLong(1), rs.getString(2),
                        instant(rs, "acknowledged_at"), instant(rs, "reported_at"),
                        rs.getTimestamp("ack_overdue_at") != null, rs.getTimestamp("report_overdue_at") != null,
                        instant(rs, "released_at"), (Integer) rs.getObject("rating", Integer.class),
                        rs.getString("rating_comment"))).list();
    }

    private List<WhistleView.Note> notes(long id) {
        return jdbc.sql("""
                select written_at, author_name, department_name, note_text, missed_limit from roads_whistle_note
                where whistle_id = ? order by id""")
                .param(id).query((rs, n) -> new WhistleView.Note(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5))).list();
    }
}
