package cn.civicloop.triage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import cn.civicloop.support.Node;

/**
 * V19 on a catalogue from before the hazard rules: the demo catalogue's six channel-and-keyword "110 diversions"
 * are removed (the default hazard rules replace them), any other such routing rule is moved over as a linkage rule
 * with its keywords quoted as literals, and every step is in the catalogue's history. On H2 in its own database,
 * on PostgreSQL (-Dtest.db=postgres) in a schema of its own that is dropped afterwards.
 */
class HazardRulesMigrationTests {

    @Test
    void oldDiversionsAreReplacedOrMovedWithTheirHistory() {
        DriverManagerDataSource ds;
        String schema = null;
        if (Node.onPostgres()) {
            ds = new DriverManagerDataSource(System.getenv().getOrDefault("CIVICLOOP_DB_URL",
                    "jdbc:postgresql://127.0.0.1:5432/civicloop"), System.getenv().getOrDefault("CIVICLOOP_DB_USER",
                    "postgres"), System.getenv().getOrDefault("CIVICLOOP_DB_PASSWORD", ""));
            schema = "v19_" + Long.toHexString(System.nanoTime());
        } else {
            ds = new DriverManagerDataSource("jdbc:h2:mem:v19-" + System.nanoTime()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        }
        String vendor = Node.onPostgres() ? "postgresql" : "h2";
        var config = Flyway.configure().dataSource(ds)
                .placeholders(java.util.Map.of("runtime_role", "")) // no runtime role to grant (afterMigrate)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor);
        if (schema != null) {
            config = config.schemas(schema).createSchemas(true);
        }
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        String prefix = schema == null ? "" : schema + ".";
        try {
            // the last version before V19, whichever the other modules' migrations have reached
            String before = java.util.Arrays.stream(config.load().info().all()).map(m -> m.getVersion())
                    .filter(v -> v.isMajorNewerThan("0") && !v.isAtLeast("19")).max(Comparable::compareTo)
                    .orElseThrow().getVersion();
            config.target(before).load().migrate();
            String insert = "insert into " + prefix + "triage_rule (category, channel, keywords, exclude_keywords, "
                    + "department_code, priority, note, updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, current_timestamp, 'x')";
            jdbc.update(insert, "*", "POLICE_110", "剐蹭|追尾", "受伤", "INS-PICC", 1, "110联动：轻微交通事故转保险快处");
            jdbc.update(insert, "*", "BLOCK_POLICE", "燃气|火灾", null, "YJJ", 3, "110联动：突发险情转应急管理");
            jdbc.update(insert, "*", "WECHAT", "共享单车(乱停)|a.b", "c+d", "ZFJ", 5, "单车");
            jdbc.update(insert, "城乡建设", null, "路灯", null, "ZFJ", 30, "路灯");
            config.target("19").load().migrate();

            List<Map<String, Object>> routing = jdbc.queryForList("select keywords from " + prefix + "triage_rule");
            assertThat(routing).extracting(r -> r.get("keywords")).containsExactly("路灯");
            Map<String, Object> moved = jdbc.queryForMap("select * from " + prefix + "triage_hazard_rule");
            assertThat(moved.get("level")).isEqualTo("LINKAGE");
            assertThat(moved.get("channels")).isEqualTo("WECHAT");
            assertThat(moved.get("department_code")).isEqualTo("ZFJ");
            assertThat(moved.get("diverts")).isEqualTo(true);
            Pattern patterns = CompiledHazard.compile((String) moved.get("patterns"));
            assertThat(patterns.matcher("共享单车(乱停)").find()).as("brackets are literal").isTrue();
            assertThat(patterns.matcher("共享单车乱停").find()).isFalse();
            assertThat(patterns.matcher("a.b").find()).isTrue();
            assertThat(patterns.matcher("axb").find()).as("the dot is literal").isFalse();
            assertThat(CompiledHazard.compile((String) moved.get("exclude_patterns")).matcher("c+d").find()).isTrue();
            List<Map<String, Object>> history = jdbc.queryForList("select rule_kind, change_kind, changed_by from "
                    + prefix + "triage_rule_change order by id");
            assertThat(history).extracting(h -> h.get("rule_kind") + " " + h.get("change_kind") + " " + h.get("changed_by"))
                    .containsExactly("ROUTING DELETE V19", "ROUTING DELETE V19", "ROUTING DELETE V19", "HAZARD CREATE V19");
        } finally {
            if (schema != null) {
                jdbc.execute("drop schema " + schema + " cascade");
            }
        }
    }
}
