package cn.civicloop.roads.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;

import javax.imageio.ImageIO;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Directory;
import cn.civicloop.roads.internal.issues.IssueReport;
import cn.civicloop.roads.internal.issues.IssueView;
import cn.civicloop.roads.internal.issues.IssueWorkflow;
import cn.civicloop.roads.internal.whistles.WhistleForm;
import cn.civicloop.roads.internal.whistles.WhistleView;
import cn.civicloop.roads.internal.whistles.WhistleWorkflow;
import cn.civicloop.shared.Upload;

/**
 * A week of road-chief work for the demo, done through the real services and then spread over the last seven
 * days: patrols with tracks, issues fixed on the spot, passed up and handed to departments, and two whistles.
 * Runs once, on a database without road issues, when {@code civicloop.demo.seed-road-activity} is true.
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
    private final WhistleWorkflow whistles;
    private final Directory directory;
    private final Clock clock;

    DemoRoadActivity(JdbcClient jdbc, RoadData data, Patrols patrols, IssueWorkflow issues, WhistleWorkflow whistles,
            Directory directory, Clock clock) {
        this.jdbc = jdbc;
        this.data = data;
        this.patrols = patrols;
        this.issues = issues;
        this.whistles = whistles;
        this.directory = directory;
        this.clock = clock;
    }

    private record DemoIssue(String chief, String segment, String title, String fixed, int daysAgo) {
    }

    private static final List<DemoIssue> ISSUES = List.of(
            new DemoIssue("road3", "R01-1", "广济路路灯不亮", "已更换灯泡，恢复照明", 6),
            new DemoIssue("road3", "R01-1", "人行道砖松动", "已重新铺设", 5),
            new DemoIssue("road3", "R09-1", "建设北路占道堆放杂物", "已劝离清理", 4),
            new DemoIssue("road2b", "R01-2", "广济路护栏刮倒", "已扶正加固", 3),
            new DemoIssue("road3", "R01-1", "广济路井盖下陷", null, 5),
            new DemoIssue("road3", "R09-1", "建设北路绿化带树木倒伏", null, 2),
            new DemoIssue("road2", "R02-1", "君山东路交通标志被遮挡", null, 1));

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (data.empty() || jdbc.sql("select count(*) from roads_issue").query(Long.class).single() > 0) {
            return;
        }
        for (String username : List.of("road3", "road2b")) {
            Chief chief = data.chiefByUsername(username).orElse(null);
            if (chief == null) {
                return;
            }
            Patrols.Patrol p = patrols.start(chief);
            String code = username.equals("road3") ? "R01-1" : "R01-2";
            List<double[]> line = data.segmentByCode(code).orElseThrow().coordinates();
            patrols.track(chief, p.id(), line.stream().map(c -> new Patrols.TrackPoint(c[1], c[0], null)).toList());
            patrols.stop(chief, p.id());
            shift("roads_patrol", "started_at", p.id(), 2);
            shift("roads_patrol", "ended_at", p.id(), 2);
            jdbc.sql("update roads_track_point set recorded_at = recorded_at - interval '2' day where patrol_id = ?")
                    .param(p.id()).update();
        }
        int handed = 0;
        for (DemoIssue d : ISSUES) {
            Chief chief = data.chiefByUsername(d.chief()).orElseThrow();
            IssueView v = issues.report(chief, new IssueReport(d.title(), d.title() + "（演示数据）", null, null, d.segment(),
                    null, d.fixed() != null, d.fixed()), d.fixed() == null ? List.of() : List.of(photo(Color.GRAY)),
                    d.fixed() == null ? List.of() : List.of(photo(Color.GREEN)));
            if (d.fixed() == null && v.holderId() != null && handed++ == 0) {
                Chief holder = data.chief(v.holderId()).orElseThrow();
                Actor actor = directory.staffActor(holder.username() == null ? "" : holder.username()).orElse(null);
                if (actor != null) {
                    issues.handOver(v.id(), holder, actor, "需住建部门更换井盖");
                }
            }
            shift("roads_issue", "reported_at", v.id(), d.daysAgo());
            shift("roads_issue", "held_since", v.id(), d.daysAgo());
            jdbc.sql("update roads_issue_step set happened_at = happened_at - interval '" + d.daysAgo() + "' day where issue_id = ?")
                    .param(v.id()).update();
        }
        Actor road2 = directory.staffActor("road2").orElse(null);
        Actor zfj = directory.staffActor("zfj").orElse(null);
        if (road2 != null && zfj != null) {
            WhistleView w = whistles.blow(road2, new WhistleForm("广济路路面塌陷", "广济路东段路面塌陷，需封闭抢修并疏导交通",
                    "R01-1", null, List.of("ZFJ", "JTJ")));
            whistles.report(w.id(), zfj, "执法局已到场围挡");
            whistles.note(w.id(), road2, "会商：执法局围挡，交通局负责疏导，住建局明日抢修");
            long zfjId = w.departments().stream().filter(r -> r.departmentName().contains("执法")).findFirst()
                    .orElseThrow().departmentId();
            whistles.rate(w.id(), zfjId, road2, 5, "到场迅速");
            jdbc.sql("update roads_whistle set blown_at = blown_at - interval '3' day where id = ?").param(w.id()).update();
            jdbc.sql("""
                    update roads_whistle_department set acknowledged_at = acknowledged_at - interval '3' day + interval '6' minute,
                        reported_at = reported_at - interval '3' day + interval '18' minute where whistle_id = ? and reported_at is not null""")
                    .param(w.id()).update();
        }
        log.info("Demo road activity: {} issues, patrols and a whistle over the last week", ISSUES.size());
    }

    private void shift(String table, String column, long id, int days) {
        jdbc.sql("update " + table + " set " + column + " = " + column + " - interval '" + days + "' day where id = ?")
                .param(id).update();
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
