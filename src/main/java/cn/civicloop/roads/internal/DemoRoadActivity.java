package cn.civicloop.roads.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.imageio.ImageIO;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Department;
import cn.civicloop.directory.Directory;
import cn.civicloop.roads.WhistleBlown;
import cn.civicloop.roads.WhistleRated;
import cn.civicloop.roads.WhistleResponded;
import cn.civicloop.roads.internal.issues.IssueReport;
import cn.civicloop.roads.internal.issues.IssueTimers;
import cn.civicloop.roads.internal.issues.IssueView;
import cn.civicloop.roads.internal.issues.IssueWorkflow;
import cn.civicloop.roads.internal.whistles.WhistleForm;
import cn.civicloop.roads.internal.whistles.WhistleTimers;
import cn.civicloop.roads.internal.whistles.WhistleView;
import cn.civicloop.roads.internal.whistles.WhistleWorkflow;
import cn.civicloop.shared.Upload;

/**
 * A week of road-chief work for the demo, done through the real services and then moved back to when it happened:
 * patrols with tracks, issues fixed on the spot, passed up, handed to departments or still open, and a whistle. The
 * timers move with them: each pending answer or whistle timer is set to when its limit passed (or will pass), so
 * db-scheduler fires the missed ones at once through the real code — an issue left unanswered for days is escalated
 * and marked overdue at the times it would have been, a department that never came is flagged — and an issue still
 * within its limit keeps one timer due in the future. Runs once, on a database without road issues, when
 * {@code civicloop.demo.seed-road-activity} is true.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "civicloop.demo.seed-road-activity", havingValue = "true")
class DemoRoadActivity implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRoadActivity.class);

    private final JdbcClient jdbc;
    private final RoadData data;
    private final Patrols patrols;
    private final IssueWorkflow issues;
    private final IssueTimers issueTimers;
    private final WhistleWorkflow whistles;
    private final WhistleTimers whistleTimers;
    private final Directory directory;
    private final ApplicationEventPublisher events;

    DemoRoadActivity(JdbcClient jdbc, RoadData data, Patrols patrols, IssueWorkflow issues, IssueTimers issueTimers,
            WhistleWorkflow whistles, WhistleTimers whistleTimers, Directory directory,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.data = data;
        this.patrols = patrols;
        this.issues = issues;
        this.issueTimers = issueTimers;
        this.whistles = whistles;
        this.whistleTimers = whistleTimers;
        this.directory = directory;
    }

    /** @param answer the chief holding it answers (签收) at once */
    private record DemoIssue(String chief, String segment, String title, String fixed, Duration ago, boolean answer) {

        DemoIssue(String chief, String segment, String title, String fixed, Duration ago) {
            this(chief, segment, title, fixed, ago, false);
        }
    }

    /** What one seeding wrote: its issues and its whistle (none when the demo accounts are missing). */
    record Seeded(List<Long> issues, Long whistle) {
    }

    private static final List<DemoIssue> ISSUES = List.of(
            new DemoIssue("road3", "R01-1", "广济路路灯不亮", "已更换灯泡，恢复照明", Duration.ofDays(6)),
            new DemoIssue("road3", "R01-1", "人行道砖松动", "已重新铺设", Duration.ofDays(5)),
            new DemoIssue("road3", "R09-1", "建设北路占道堆放杂物", "已劝离清理", Duration.ofDays(4)),
            new DemoIssue("road2b", "R01-2", "广济路护栏刮倒", "已扶正加固", Duration.ofDays(3)),
            new DemoIssue("road3", "R01-1", "广济路井盖下陷", null, Duration.ofDays(5)),
            new DemoIssue("road3", "R09-1", "建设北路绿化带树木倒伏", null, Duration.ofDays(2)),
            new DemoIssue("road2", "R02-1", "君山东路交通标志被遮挡", null, Duration.ofDays(1), true),
            new DemoIssue("road3", "R10-1", "人行道共享单车乱停放", null, Duration.ofMinutes(40)));

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (data.empty() || jdbc.sql("select count(*) from roads_issue").query(Long.class).single() > 0) {
            return;
        }
        Seeded seeded = seed();
        log.info("Demo road activity: {} issues, patrols and {} whistle over the last week", seeded.issues().size(),
                seeded.whistle() == null ? 0 : 1);
    }

    /** Seeds the week (whatever is in the database already) and answers what it wrote. */
    @Transactional
    public Seeded seed() {
        for (String username : List.of("road3", "road2b")) {
            Chief chief = data.chiefByUsername(username).orElse(null);
            if (chief == null) {
                return new Seeded(List.of(), null);
            }
            Patrols.Patrol p = patrols.start(chief);
            String code = username.equals("road3") ? "R01-1" : "R01-2";
            List<double[]> line = data.segmentByCode(code).orElseThrow().coordinates();
            patrols.track(chief, p.id(), line.stream().map(c -> new Patrols.TrackPoint(c[1], c[0], null)).toList());
            patrols.stop(chief, p.id());
            back("roads_patrol", "started_at", "id", p.id(), Duration.ofDays(2));
            back("roads_patrol", "ended_at", "id", p.id(), Duration.ofDays(2));
            back("roads_track_point", "recorded_at", "patrol_id", p.id(), Duration.ofDays(2));
        }
        List<Long> ids = new ArrayList<>();
        boolean handedOver = false;
        for (DemoIssue d : ISSUES) {
            Chief chief = data.chiefByUsername(d.chief()).orElseThrow();
            IssueView v = issues.report(chief, new IssueReport(d.title(), d.title() + "（演示数据）", null, null, d.segment(),
                    null, d.fixed() != null, d.fixed()), d.fixed() == null ? List.of() : List.of(photo(Color.GRAY)),
                    d.fixed() == null ? List.of() : List.of(photo(Color.GREEN)));
            if (d.fixed() == null && v.holderId() != null && !handedOver) {
                Chief holder = data.chief(v.holderId()).orElseThrow();
                Actor actor = directory.staffActor(holder.username() == null ? "" : holder.username()).orElse(null);
                if (actor != null) {
                    issues.handOver(v.id(), holder, actor, "需住建部门更换井盖");
                    handedOver = true;
                }
            }
            if (d.answer() && v.holderId() != null) {
                issues.answer(v.id(), data.chief(v.holderId()).orElseThrow(), "已签收，安排清理");
            }
            back("roads_issue", "reported_at", "id", v.id(), d.ago());
            back("roads_issue", "held_since", "id", v.id(), d.ago());
            back("roads_issue", "answered_at", "id", v.id(), d.ago());
            back("roads_issue", "resolved_at", "id", v.id(), d.ago());
            back("roads_issue_step", "happened_at", "issue_id", v.id(), d.ago());
            issueTimers.replan(v.id());
            // an answer told to other modules (evaluation) at the moment of seeding is told again at its true time
            issueTimers.retell(v.id());
            ids.add(v.id());
        }
        return new Seeded(ids, whistle());
    }

    /** 广济路 caves in: the law-enforcement bureau comes in time and is rated, the transport bureau never answers. */
    private Long whistle() {
        Actor road2 = directory.staffActor("road2").orElse(null);
        Actor zfj = directory.staffActor("zfj").orElse(null);
        if (road2 == null || zfj == null) {
            return null;
        }
        WhistleView w = whistles.blow(road2, new WhistleForm("广济路路面塌陷", "广济路东段路面塌陷，需封闭抢修并疏导交通",
                "R01-1", null, List.of("ZFJ", "JTJ")));
        whistles.report(w.id(), zfj, "执法局已到场围挡");
        whistles.note(w.id(), road2, "会商：执法局围挡，交通局负责疏导，住建局明日抢修");
        long zfjId = w.departments().stream().filter(r -> r.departmentName().contains("执法")).findFirst()
                .orElseThrow().departmentId();
        whistles.rate(w.id(), zfjId, road2, 5, "到场迅速");
        Duration days = Duration.ofDays(3);
        back("roads_whistle", "blown_at", "id", w.id(), days);
        back("roads_whistle_department", "acknowledged_at", "whistle_id", w.id(), days.minusMinutes(6));
        back("roads_whistle_department", "reported_at", "whistle_id", w.id(), days.minusMinutes(18));
        back("roads_whistle_department", "rated_at", "whistle_id", w.id(), days.minusHours(2));
        back("roads_whistle_note", "written_at", "whistle_id", w.id(), days.minusMinutes(18));
        whistleTimers.replan(w.id());
        retell(w.id());
        return w.id();
    }

    /**
     * Tells other modules (evaluation) the whistle's history again at its true times: its events went out at the
     * moment of seeding, before the rows were moved back. Listeners keep the earliest of each step, so the moved
     * times count.
     */
    private void retell(long whistleId) {
        record Named(long department, Instant acknowledged, Instant reported, Integer rating, Instant rated) {
        }
        List<Named> named = jdbc.sql("select department_id, acknowledged_at, reported_at, rating, rated_at"
                + " from roads_whistle_department where whistle_id = ?").param(whistleId)
                .query((rs, n) -> new Named(rs.getLong(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3)),
                        (Integer) rs.getObject(4), instant(rs.getTimestamp(5)))).list();
        List<String> codes = named.stream().map(d -> directory.department(d.department()).map(Department::code)
                .orElse(null)).filter(Objects::nonNull).toList();
        jdbc.sql("select w.blown_at, w.ack_limit_min, w.report_limit_min, a.code as area, s.code as segment,"
                + " c.chief_level from roads_whistle w left join roads_area a on a.id = w.area_id"
                + " left join roads_segment s on s.id = w.segment_id"
                + " left join roads_chief c on c.id = w.blower_chief_id where w.id = ?").param(whistleId).query(rs -> {
                    Instant blown = rs.getTimestamp("blown_at").toInstant();
                    Integer level = (Integer) rs.getObject("chief_level");
                    events.publishEvent(new WhistleBlown(whistleId, rs.getString("area"), rs.getString("segment"),
                            codes, level, blown.plusSeconds(60L * rs.getInt("ack_limit_min")),
                            blown.plusSeconds(60L * rs.getInt("report_limit_min")), blown));
                });
        for (Named d : named) {
            if (d.acknowledged() != null) {
                events.publishEvent(new WhistleResponded(whistleId, d.department(), false, d.acknowledged()));
            }
            if (d.reported() != null) {
                events.publishEvent(new WhistleResponded(whistleId, d.department(), true, d.reported()));
            }
            if (d.rating() != null) {
                events.publishEvent(new WhistleRated(whistleId, d.department(), d.rating(), d.rated()));
            }
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** Moves {@code column} of the rows whose {@code key} is {@code id} back by {@code ago} (whole minutes). */
    private void back(String table, String column, String key, long id, Duration ago) {
        jdbc.sql("update " + table + " set " + column + " = " + column + " - interval '" + ago.toMinutes() + "' minute"
                + " where " + key + " = ?").param(id).update();
    }

    private static Upload photo(Color color) {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return new Upload("demo.png", "image/png", out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
