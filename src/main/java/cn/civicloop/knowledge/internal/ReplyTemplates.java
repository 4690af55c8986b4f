package cn.civicloop.knowledge.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseView;
import cn.civicloop.shared.DistrictTime;

/**
 * Reply templates per category and action (FixMyStreet's response templates): the text a handler or operator starts
 * from, with fields filled from the case he is on — {工单号}, {标题}, {地址}, {单位}, {日期}. A template of category
 * {@value #ANY} fits every category. A field the case does not have is left visible ("{地址}") for the writer to fill,
 * never silently blank.
 */
@Service
public class ReplyTemplates {

    /** The category of templates that fit any case. */
    public static final String ANY = "*";

    private static final Pattern FIELD = Pattern.compile("\\{(工单号|标题|地址|单位|日期)}");

    /** A template filled for one case. */
    public record Filled(long id, String name, String text) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    ReplyTemplates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The templates for the case's category (then the general ones) and the action, filled from the case. */
    public List<Filled> forCase(CaseView c, CaseAction action) {
        String category = c.category() == null ? ANY : c.category();
        return jdbc.sql("""
                select id, name, body from knowledge_template where action = ? and (category = ? or category = ?)
                order by case when category = ? then 0 else 1 end, name limit 20""")
                .params(action.name(), category, ANY, category)
                .query((rs, n) -> new Filled(rs.getLong(1), rs.getString(2), fill(rs.getString(3), c))).list();
    }

    void add(String category, CaseAction action, String name, String body, String by) {
        jdbc.sql("""
                insert into knowledge_template (category, action, name, body, changed_by, changed_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(category, action.name(), name, body, by, Timestamp.from(clock.instant())).update();
    }

    long count() {
        return jdbc.sql("select count(*) from knowledge_template").query(Long.class).single();
    }

    String fill(String body, CaseView c) {
        Map<String, String> values = new java.util.HashMap<>();
        values.put("工单号", c.number());
        values.put("标题", c.title());
        values.put("地址", c.address());
        values.put("单位", c.departmentName());
        values.put("日期", LocalDate.now(clock.withZone(DistrictTime.ZONE)).toString());
        Matcher m = FIELD.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null || v.isBlank() ? m.group() : v));
        }
        m.appendTail(out);
        return out.toString();
    }
}
