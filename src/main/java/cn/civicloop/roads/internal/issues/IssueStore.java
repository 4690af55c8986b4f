package cn.civicloop.roads.internal.issues;

import static cn.civicloop.roads.internal.Sql.doubleOrNull;
import static cn.civicloop.roads.internal.Sql.instant;
import static cn.civicloop.roads.internal.Sql.longOrNull;
import static cn.civicloop.roads.internal.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.civicloop.roads.internal.Chief;
import cn.civicloop.shared.Upload;

/** The issue tables ({@code roads_issue}, its steps and photos): SQL only. */
@Repository
class IssueStore {

    private static final String SELECT = """
            select i.id, i.reporter_id, i.segment_id, i.area_id, i.squad_id, i.title, i.description, i.lat, i.lon,
                   i.reported_at, i.status, i.fixed_on_spot, i.holder_id, i.hold_round, i.held_since, i.answered_at,
                   i.case_number from roads_issue i
            """;

    private final JdbcClient jdbc;

    IssueStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Chief reporter, Long patrolId, Long segmentId, Long areaId, Long squadId, String title,
            String description, Double lat, Double lon, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into roads_issue (reporter_id, patrol_id, segment_id, area_id, squad_id, title, description, lat, lon,
                    reported_at, status, fixed_on_spot, hold_round)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(reporter.id(), patrolId, segmentId, areaId, squadId, title, description, lat, lon, ts(at),
                        IssueTransitions.START.name(), false)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<IssueRecord> find(long id) {
        return jdbc.sql(SELECT + " where i.id = ?").param(id).query(IssueStore::record).optional();
    }

    /**
     * What a chief's list holds: those he holds first, then the latest of those he reported, of his squad (level 2)
     * or held (level 1). Each part reads at most {@code limit} rows through its index, however long the history.
     */
    List<IssueRecord> ofChief(Chief chief, int limit) {
        return jdbc.sql(SELECT + """
                 where i.id in (
                     (select id from roads_issue where holder_id = :chief and status = 'PENDING' order by id desc limit :limit)
                     union (select id from roads_issue where reporter_id = :chief order by id desc limit :limit)
                     union (select id from roads_issue where :level = 2 and squad_id = :squad order by id desc limit :limit)
                     union (select id from roads_issue where :level = 1 and holder_id = :chief order by id desc limit :limit))
                 order by case when i.holder_id = :chief and i.status = 'PENDING' then 0 else 1 end, i.id desc
                 limit :limit""")
                .param("chief", chief.id()).param("level", chief.level())
                .param("squad", chief.squadId() == null ? -1L : chief.squadId()).param("limit", limit)
                .query(IssueStore::record).list();
    }

    List<IssueRecord> latest(int limit) {
        return jdbc.sql(SELECT + " order by i.id desc limit ?").param(limit).query(IssueStore::record).list();
    }

    void hold(long id, Chief holder, int round, Instant since) {
        jdbc.sql("update roads_issue set holder_id = ?, holder_level = ?, hold_round = ?, held_since = ?, answered_at = null where id = ?")
                .params(holder.id(), holder.level(), round, ts(since), id).update();
    }

    void answered(long id, Instant at) {
        jdbc.sql("update roads_issue set answered_at = ? where id = ?").params(ts(at), id).update();
    }

    void handedOver(long id, IssueStatus status, String caseNumber, Instant at) {
        jdbc.sql("update roads_issue set status = ?, case_number = ?, answered_at = coalesce(answered_at, ?) where id = ?")
                .params(status.name(), caseNumber, ts(at), id).update();
    }

    void resolved(long id, IssueStatus status, String resolution, Instant at) {
        jdbc.sql("update roads_issue set status = ?, resolved_at = ?, resolution = ?, answered_at = coalesce(answered_at, ?) where id = ?")
                .params(status.name(), ts(at), resolution, ts(at), id).update();
    }

    void fixed(long id, IssueStatus status, String caseNumber, String resolution, Instant at) {
        jdbc.sql("update roads_issue set status = ?, fixed_on_spot = ?, case_number = ?, resolved_at = ?, resolution = ? where id = ?")
                .params(status.name(), true, caseNumber, ts(at), resolution, id).update();
    }

    void step(long id, Instant at, String actor, IssueAction action, Long from, Long to, String remark) {
        jdbc.sql("""
                insert into roads_issue_step (issue_id, happened_at, actor_name, action, from_chief_id, to_chief_id, hold_round, remark)
                values (?, ?, ?, ?, ?, ?, null, ?)""").params(id, ts(at), actor, action.name(), from, to, remark).update();
    }

    /** A step the timer writes once per issue and holding round, whichever node runs it: false if already there. */
    boolean stepOnce(long id, Instant at, IssueAction action, long from, Long to, int round, String remark) {
        return jdbc.sql("""
                insert into roads_issue_step (issue_id, happened_at, actor_name, action, from_chief_id, to_chief_id, hold_round, remark)
                values (?, ?, '系统', ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(id, ts(at), action.name(), from, to, round, remark).update() > 0;
    }

    /** Whether the chief passed the issue on or received it at some step. */
    boolean passedThrough(long id, long chiefId) {
        return jdbc.sql("select count(*) from roads_issue_step where issue_id = ? and (from_chief_id = ? or to_chief_id = ?)")
                .params(id, chiefId, chiefId).query(Long.class).single() > 0;
    }

    List<IssueView.Step> steps(long id) {
        return jdbc.sql("""
                select s.happened_at, s.actor_name, s.action, f.name, t.name, s.remark from roads_issue_step s
                left join roads_chief f on f.id = s.from_chief_id left join roads_chief t on t.id = s.to_chief_id
                where s.issue_id = ? order by s.id""").param(id)
                .query((rs, n) -> new IssueView.Step(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6))).list();
    }

    void keepPhoto(long id, String phase, Upload photo, String contentType) {
        jdbc.sql("insert into roads_issue_photo (issue_id, phase, filename, content_type, data) values (?, ?, ?, ?, ?)")
                .params(id, phase, photo.filename(), contentType, photo.data()).update();
    }

    List<Upload> photos(long id) {
        return jdbc.sql("select filename, content_type, data from roads_issue_photo where issue_id = ? order by id")
                .param(id).query((rs, n) -> new Upload(rs.getString(1), rs.getString(2), rs.getBytes(3))).list();
    }

    int photoCount(long id) {
        return jdbc.sql("select count(*) from roads_issue_photo where issue_id = ?").param(id).query(Integer.class).single();
    }

    private static IssueRecord record(ResultSet rs, int n) throws SQLException {
        return new IssueRecord(rs.getLong("id"), rs.getLong("reporter_id"), longOrNull(rs, "segment_id"),
                longOrNull(rs, "area_id"), longOrNull(rs, "squad_id"), rs.getString("title"),
                rs.getString("description"), doubleOrNull(rs, "lat"), doubleOrNull(rs, "lon"),
                rs.getTimestamp("reported_at").toInstant(), IssueStatus.valueOf(rs.getString("status")),
                rs.getBoolean("fixed_on_spot"), longOrNull(rs, "holder_id"), rs.getInt("hold_round"),
                instant(rs, "held_since"), instant(rs, "answered_at"), rs.getString("case_number"));
    }
}
