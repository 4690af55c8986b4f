package cn.civicloop.roads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import cn.civicloop.support.PageSession;
import tools.jackson.databind.JsonNode;

/**
 * Who sees and acts on a whistle (吹哨报到) over the API: a department sees only the whistles that name it (also
 * the staff of its units), the whistle-blower and the chiefs of the road see theirs, district leaders all of them.
 */
class RoadWhistleApiTests extends ApiTest {

    @org.springframework.beans.factory.annotation.Autowired
    cn.civicloop.roads.internal.RoadData data;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aDepartmentSeesAndActsOnlyOnTheWhistlesThatNameIt() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        // road2 (squad S01) blows on 广济路 R01-1, naming only the transport bureau
        long jtjOnly = blow("road2", "广济路护栏倒伏 " + tag, "R01-1", List.of("JTJ"));
        long zfjToo = blow("road2", "广济路占道施工 " + tag, "R01-1", List.of("ZFJ"));

        // the law-enforcement bureau (and its unit's handler) neither list nor read nor act on the transport whistle
        for (String user : List.of("zfj", "zfj-head", "zfj1")) {
            String token = api.login(user);
            assertThat(ids(api.get("/api/v1/roads/whistles", token))).as(user).doesNotContain(jtjOnly).contains(zfjToo);
            assertThat(api.get("/api/v1/roads/whistles/" + jtjOnly, token).status()).as(user).isEqualTo(403);
            for (String action : List.of("acknowledge", "report", "note", "release")) {
                Api.Answer a = api.post("/api/v1/roads/whistles/" + jtjOnly + "/" + action, token, Map.of("remark", "x"));
                assertThat(a.status()).as(user + " " + action).isEqualTo(403);
                assertThat(a.contentType()).contains("application/problem+json");
            }
        }
        // the whistle's own department lists, reads and acknowledges it, and does not see the other one
        String jtj = api.login("jtj");
        assertThat(ids(api.get("/api/v1/roads/whistles", jtj))).contains(jtjOnly).doesNotContain(zfjToo);
        assertThat(api.get("/api/v1/roads/whistles/" + jtjOnly, jtj).status()).isEqualTo(200);
        Api.Answer ack = api.post("/api/v1/roads/whistles/" + jtjOnly + "/acknowledge", jtj, Map.of());
        assertThat(ack.status()).as(ack.body()).isEqualTo(200);
        assertThat(ack.json().get("departments").get(0).get("acknowledgedAt").isNull()).isFalse();
        // a unit's handler answers for its department
        Api.Answer unit = api.post("/api/v1/roads/whistles/" + zfjToo + "/acknowledge", api.login("zfj1"), Map.of());
        assertThat(unit.status()).as(unit.body()).isEqualTo(200);

        // the whistle-blower, the first-level chief of the area and the leader see both
        for (String user : List.of("road2", "road1", "leader")) {
            String token = api.login(user);
            assertThat(ids(api.get("/api/v1/roads/whistles", token))).as(user).contains(jtjOnly, zfjToo);
            assertThat(api.get("/api/v1/roads/whistles/" + jtjOnly, token).status()).as(user).isEqualTo(200);
        }
        // another squad's leader, whose roads these are not, sees neither
        String other = api.login("road2b");
        assertThat(ids(api.get("/api/v1/roads/whistles", other))).doesNotContain(jtjOnly, zfjToo);
        assertThat(api.get("/api/v1/roads/whistles/" + jtjOnly, other).status()).isEqualTo(403);
    }

    @Test
    void theBlowerIsNamedWithHisLevelInTheReadersLanguage() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long id = blow("road2", "广济路井盖缺失 " + tag, "R01-1", List.of("JTJ"));
        String name = data.chiefByUsername("road2").orElseThrow().name();
        JsonNode w = api.get("/api/v1/roads/whistles/" + id, api.login("road2")).json();
        assertThat(w.get("blowerName").asString()).as("the name as data, the level as a value").isEqualTo(name);
        assertThat(w.get("blowerLevel").asInt()).isEqualTo(2);
        assertThat(PageSession.login(port(), "road2").get("/roads/whistles?lang=en").body())
                .contains("class=\"whistle-blower\">Level-2 chief " + name + "<");
        assertThat(PageSession.login(port(), "road2").get("/roads/whistles?lang=zh_CN").body())
                .contains("class=\"whistle-blower\">二级路长" + name + "<");
        // an earlier whistle held the level in Chinese before the name: it reads the same way
        jdbc.sql("update roads_whistle set blower_name = ? where id = ?").params("二级路长" + name, id).update();
        assertThat(PageSession.login(port(), "road2").get("/roads/whistles?lang=en").body())
                .contains("class=\"whistle-blower\">Level-2 chief " + name + "<");
    }

    @org.springframework.beans.factory.annotation.Autowired
    cn.civicloop.roads.internal.whistles.WhistleTimers timers;

    @Test
    void theTimersNoteIsStoredAsDataAndWordedInTheReadersLanguage() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long id = blow("road2", "广济路路灯不亮 " + tag, "R01-1", List.of("JTJ"));
        // what the acknowledgement timer does when its limit passes, run now rather than after the limit
        timers.fire(new cn.civicloop.roads.internal.WhistleDue(id, "ACK"));
        String department = jdbc.sql("select department_name from roads_whistle_note where whistle_id = ?").param(id)
                .query(String.class).single();
        assertThat(jdbc.sql("select author_name || '|' || note_text || '|' || missed_limit from roads_whistle_note"
                + " where whistle_id = ?").param(id).query(String.class).single())
                .as("no sentence stored, in no language").isEqualTo("system||ACK");

        String token = api.login("road2");
        JsonNode en = api.get("/api/v1/roads/whistles/" + id, token, Map.of("Accept-Language", "en-US,en;q=0.9"))
                .json().get("notes").get(0);
        assertThat(en.get("author").asString()).isEqualTo("System");
        assertThat(en.get("text").asString())
                .isEqualTo(department + " did not answer the whistle in time: recorded as overdue and reported");
        assertThat(en.get("text").asString().replace(department, "")).doesNotContainPattern("\\p{IsHan}");
        JsonNode zh = api.get("/api/v1/roads/whistles/" + id, token).json().get("notes").get(0);
        assertThat(zh.get("author").asString()).isEqualTo("系统");
        assertThat(zh.get("text").asString()).isEqualTo(department + "未在时限内响应吹哨，已记超时并通报");
    }

    private long blow(String user, String title, String segment, List<String> departments) {
        Api.Answer a = api.post("/api/v1/roads/whistles", api.login(user), Map.of("title", title,
                "description", title + "，需部门到场会商", "segmentCode", segment, "departments", departments));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json().get("id").asLong();
    }

    private static List<Long> ids(Api.Answer list) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        for (JsonNode w : list.json()) {
            ids.add(w.get("id").asLong());
        }
        return ids;
    }
}
