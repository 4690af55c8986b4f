package cn.civicloop.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.evaluation.Period;
import cn.civicloop.roads.ChiefAnswerSettled;
import cn.civicloop.roads.WhistleBlown;
import cn.civicloop.roads.WhistleRated;
import cn.civicloop.roads.WhistleResponded;
import cn.civicloop.roads.internal.RoadData;
import cn.civicloop.roads.internal.Segment;
import cn.civicloop.shared.DistrictTime;
import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import cn.civicloop.support.Node;
import cn.civicloop.support.PageSession;

/**
 * Road areas and chiefs scored from the roads module's events: on a hand-made stream (whistles answered in time or
 * late, rated, a limit still running, events out of order and redelivered; chiefs' rounds in time, late and missed,
 * a day boundary in district time), and end to end through the roads API.
 */
class RoadFiguresTests extends ApiTest {

    static final Period MARCH = Period.parse("2025-03");

    @Autowired
    RoadResponses roads;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RoadData roadData;

    @Test
    void areasCountWhistlesAnsweredInTimeTheirRatingsAndTheChiefsAnswers() {
        String area = "T" + UUID.randomUUID().toString().substring(0, 8);
        long base = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        long zfj = departmentId("ZFJ");
        long jtj = departmentId("JTJ");
        Instant t = Instant.parse("2025-03-10T02:00:00Z");

        // whistle 1: ZFJ acknowledges in 5 min and is on site in 20 (limits 10 and 30), rated 5; JTJ late on both, rated 3
        roads.blown(new WhistleBlown(base, area, null, List.of("ZFJ", "JTJ"), 2, t.plusSeconds(600), t.plusSeconds(1800), t));
        roads.responded(new WhistleResponded(base, zfj, false, t.plusSeconds(300)));
        roads.responded(new WhistleResponded(base, zfj, true, t.plusSeconds(1200)));
        roads.responded(new WhistleResponded(base, zfj, true, t.plusSeconds(5000))); // a second report changes nothing
        roads.rated(new WhistleRated(base, zfj, 5, t.plusSeconds(7200)));
        roads.rated(new WhistleRated(base, zfj, 1, t.plusSeconds(7300))); // redelivered or repeated: the first counts
        roads.responded(new WhistleResponded(base, jtj, true, t.plusSeconds(2400)));
        roads.rated(new WhistleRated(base, jtj, 3, t.plusSeconds(7200)));
        // whistle 2: handled before its WhistleBlown (events of one whistle in any order); on site in time
        roads.responded(new WhistleResponded(base + 1, jtj, true, t.plusSeconds(100)));
        roads.blown(new WhistleBlown(base + 1, area, null, List.of("JTJ"), 2, t.plusSeconds(600), t.plusSeconds(1800), t));
        // whistle 3: blown on 31 March 23:30 district time with limits far ahead: named, but neither late nor in time
        Instant late = LocalDate.of(2025, 3, 31).atTime(23, 30).atZone(DistrictTime.ZONE).toInstant();
        Instant future = Instant.now().plus(Duration.ofDays(3650));
        roads.blown(new WhistleBlown(base + 2, area, null, List.of("ZFJ"), 1, future, future, late));

        // chief A: one round in time, one late, one missed; chief B: in time; rounds begin on 10 March
        long chiefA = base;
        long chiefB = base + 1;
        assertThat(roads.record(settled(base, 1, chiefA, area, t, t.plusSeconds(60)))).isTrue();
        assertThat(roads.record(settled(base, 1, chiefA, area, t, t.plusSeconds(60)))).as("redelivered").isFalse();
        roads.record(settled(base + 1, 1, chiefA, area, t, t.plusSeconds(8000)));
        roads.record(settled(base + 2, 1, chiefA, area, t, null));
        roads.record(settled(base + 2, 2, chiefB, area, t.plusSeconds(7200), t.plusSeconds(7300)));
        // a round that began on 1 April district time (31 March 16:30 UTC) is April's
        Instant april = LocalDate.of(2025, 4, 1).atTime(0, 30).atZone(DistrictTime.ZONE).toInstant();
        roads.record(settled(base + 3, 1, chiefB, area, april, null));

        RoadResponses.AreaFigures a = roads.areas(MARCH).stream().filter(f -> area.equals(f.areaCode())).findFirst()
                .orElseThrow();
        assertThat(a.named()).as("ZFJ and JTJ on whistle 1, JTJ on 2, ZFJ on 3").isEqualTo(4);
        assertThat(a.ackRate()).as("ZFJ in time, JTJ late, JTJ in time; whistle 3 still running")
                .isCloseTo(2.0 / 3, within(1e-9));
        assertThat(a.onSiteRate()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(a.rated()).isEqualTo(2);
        assertThat(a.meanRating()).isCloseTo(4.0, within(1e-9));
        assertThat(a.rounds()).isEqualTo(4);
        assertThat(a.answerRate()).isCloseTo(2.0 / 4, within(1e-9));

        List<RoadResponses.ChiefFigures> chiefs = roads.chiefs(MARCH).stream()
                .filter(c -> c.chiefId() == chiefA || c.chiefId() == chiefB).toList();
        assertThat(chiefs).extracting(RoadResponses.ChiefFigures::chiefId).containsExactly(chiefA, chiefB);
        assertThat(chiefs.get(0).rounds()).isEqualTo(3);
        assertThat(chiefs.get(0).inTime()).isEqualTo(1);
        assertThat(chiefs.get(1).answerRate()).isEqualTo(1.0);
        assertThat(roads.chiefs(Period.parse("2025-04")).stream().filter(c -> c.chiefId() == chiefB))
                .extracting(RoadResponses.ChiefFigures::rounds).containsExactly(1L);
    }

    @Test
    void theRoadsModuleTellsEvaluationWhenChiefsAnswerAndDepartmentsRespond() {
        Segment s = roadData.segmentByCode("R01-1").orElseThrow();
        double[] mid = s.coordinates().get(1);
        Api.Answer reported = api.post("/api/v1/roads/issues", api.login("road3"), Map.of(
                "title", "广济路路灯不亮", "description", "路灯连续三晚不亮，需要维修", "lat", mid[1], "lon", mid[0]));
        assertThat(reported.status()).as(reported.body()).isEqualTo(200);
        long issue = reported.json().get("id").asLong();
        Api.Answer answered = api.post("/api/v1/roads/issues/" + issue + "/answer", api.login("road2"), Map.of());
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        Node.await(Duration.ofSeconds(30), "the chief's answer recorded", () -> jdbc.sql(
                "select count(*) from evaluation_road_answer where issue_id = ? and answered_at is not null")
                .param(issue).query(Long.class).single() == 1);

        Api.Answer blown = api.post("/api/v1/roads/whistles", api.login("road2"), Map.of("title", "广济路护栏倒伏",
                "description", "护栏倒伏占道，需交通部门到场", "segmentCode", "R01-1", "departments", List.of("JTJ")));
        assertThat(blown.status()).as(blown.body()).isEqualTo(200);
        long whistle = blown.json().get("id").asLong();
        Api.Answer onSite = api.post("/api/v1/roads/whistles/" + whistle + "/report", api.login("jtj"), Map.of());
        assertThat(onSite.status()).as(onSite.body()).isEqualTo(200);
        Api.Answer rated = api.post("/api/v1/roads/whistles/" + whistle + "/departments/" + departmentId("JTJ")
                + "/rating", api.login("road2"), Map.of("score", 4));
        assertThat(rated.status()).as(rated.body()).isEqualTo(200);
        Node.await(Duration.ofSeconds(30), "the whistle's answer and rating recorded", () -> jdbc.sql("""
                select count(*) from evaluation_road_whistle where whistle_id = ? and ack_due is not null
                    and acknowledged_at is not null and on_site_at is not null and rating = 4""")
                .param(whistle).query(Long.class).single() == 1);

        String month = YearMonth.from(LocalDate.now(DistrictTime.ZONE)).toString();
        Api.Answer areas = api.get("/api/v1/evaluation/periods/" + month + "/road-areas", api.login("leader"));
        assertThat(areas.status()).as(areas.body()).isEqualTo(200);
        assertThat(areas.body()).contains("\"ackRate\"", "\"answerRate\"");
        assertThat(api.get("/api/v1/evaluation/periods/" + month + "/road-chiefs", api.login("evaluation")).status())
                .isEqualTo(200);
        Api.Answer refused = api.get("/api/v1/evaluation/periods/" + month + "/road-chiefs", api.login("jtj"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).contains("application/problem+json");

        // the page shows the three tables, in one language each, to leaders; a department is turned away
        String zh = PageSession.login(port(), "leader").get("/evaluation/responses?period=" + month + "&lang=zh_CN").body();
        assertThat(zh).contains("块区出警时效", "路段片区", "id=\"chiefs\"", "袁轩").doesNotContain("Road chiefs");
        String en = PageSession.login(port(), "leader").get("/evaluation/responses?period=" + month + "&lang=en").body();
        assertThat(en).contains("Police blocks: response times", "Level-2 chief").doesNotContain("块区出警时效");
        assertThat(PageSession.login(port(), "jtj").get("/evaluation/responses").statusCode()).isEqualTo(403);
    }

    @Test
    void aRoundPassedUpOrHandedOverByHandIsSettledAsAnsweredThen() {
        Segment s = roadData.segmentByCode("R01-1").orElseThrow();
        double[] mid = s.coordinates().get(1);
        long up = report(mid, "广济路路面坑洼");
        long over = report(mid, "广济路窨井盖缺失");
        long done = report(mid, "广济路树枝遮挡");
        // the squad leader holding each issue (round 1) acts on it without answering it first
        Api.Answer escalated = api.post("/api/v1/roads/issues/" + up + "/escalate", api.login("road2"),
                Map.of("remark", "需片区路长协调"));
        assertThat(escalated.status()).as(escalated.body()).isEqualTo(200);
        Api.Answer handed = api.post("/api/v1/roads/issues/" + over + "/hand-over", api.login("road2"),
                Map.of("remark", "需住建部门处理"));
        assertThat(handed.status()).as(handed.body()).isEqualTo(200);
        Api.Answer resolved = api.post("/api/v1/roads/issues/" + done + "/resolve", api.login("road2"),
                Map.of("remark", "已清理树枝"));
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);

        // each round 1 is settled, answered in time, with a ROAD_ANSWER hit for its chief; the escalated issue's
        // round 2 runs on (not settled yet)
        long chief = roadData.chiefByUsername("road2").orElseThrow().id();
        for (long issue : List.of(up, over, done)) {
            Node.await(Duration.ofSeconds(30), "round 1 of issue " + issue + " settled", () -> jdbc.sql(
                    "select count(*) from evaluation_road_answer where issue_id = ? and hold_round = 1"
                            + " and answered_at is not null and answered_at <= due and chief_id = ?")
                    .params(issue, chief).query(Long.class).single() == 1);
            assertThat(jdbc.sql("select count(*) from evaluation_fact where source = ? and hit = true"
                    + " and road_chief_id = ?").params("RA:" + issue + ":1", chief).query(Long.class).single())
                    .isEqualTo(1);
        }
        assertThat(jdbc.sql("select count(*) from evaluation_road_answer where issue_id = ? and hold_round = 2")
                .param(up).query(Long.class).single()).isZero();
    }

    private long report(double[] at, String title) {
        Api.Answer reported = api.post("/api/v1/roads/issues", api.login("road3"), Map.of(
                "title", title, "description", title + "，需要处理", "lat", at[1], "lon", at[0]));
        assertThat(reported.status()).as(reported.body()).isEqualTo(200);
        return reported.json().get("id").asLong();
    }

    private static ChiefAnswerSettled settled(long issue, int round, long chief, String area, Instant since,
            Instant answered) {
        return new ChiefAnswerSettled(issue, round, chief, 3, area, since, since.plusSeconds(7200), answered);
    }
}
