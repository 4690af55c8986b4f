package cn.civicloop.load;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.shared.PersonalDataCipher;

/**
 * Years of case history written straight into the application's tables by INSERT … SELECT over
 * {@code generate_series} (PostgreSQL only), in chunks: the case rows as the app writes them (personal data sealed,
 * the phone's keyed hash beside), and for each case its reporter (his contact the case's), ~7 timeline rows, its
 * ~4.5 stage clocks in one row, the triage decision with its three suggestions in its row (ADR 0059) and two completed
 * event publications; and what each case left in the outboxes: the texts to its resident and, for a few, the webhooks
 * to a partner agency. 94 % of the cases are ended; the open ones
 * are the newest, as in a working district (a case rarely stays open for months). Numbers have the app's form
 * ({@code SZ-20250314-100042}, the per-day counter from 100000 so they never meet the app's own). On a partitioned
 * database (V480) each chunk's partitions are made before its timeline rows.
 */
final class HistoryGenerator {

    static final String[] TITLES = {"小区夜间施工噪音扰民", "楼下烧烤店油烟噪音扰民", "路灯不亮", "道路坑洼积水", "下水道堵塞反味",
        "违章搭建占用消防通道", "垃圾清运不及时", "小区停车位被占用", "物业不作为", "供暖温度不达标", "自来水水压低",
        "公交车班次太少", "共享单车乱停放", "占道经营", "广场舞音响噪音", "工地扬尘严重", "餐馆排污", "流浪犬伤人隐患",
        "农民工工资拖欠", "学校周边交通拥堵", "医保报销咨询", "低保申请咨询", "井盖缺失", "树木倒伏", "河道垃圾"};
    private static final String FILLER = "，居民反映该问题已持续多日，多次与相关单位沟通未果，严重影响周边群众正常生活，"
            + "希望有关部门尽快到现场核实处理，并将处理结果及时告知。具体情况：";
    private static final String[] CHANNELS = {"HOTLINE_12345", "HOTLINE_12345", "HOTLINE_12345", "WEBSITE", "WECHAT",
        "WECHAT", "GRID_WORKER", "ROAD_CHIEF", "ONLINE_OPINION", "NEWSPAPER"};
    private static final String[] KINDS = {"COMPLAINT", "COMPLAINT", "REPORT", "HELP", "ENQUIRY", "SUGGESTION"};
    private static final String[] CATEGORIES = {"城乡建设", "环境保护", "交通运输", "教育文体", "劳动和社会保障", "商贸旅游",
        "卫生计生", "民政", "城市管理", "市场监管"};
    /** The open statuses of the newest cases, in the rough proportions of a working day. */
    private static final String[] OPEN = {"SUBMITTED", "REGISTERED", "ASSIGNED", "ASSIGNED", "IN_PROGRESS",
        "IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS", "REPLIED", "AWAITING_FOLLOW_UP", "EXTENSION_REQUESTED", "PARKED"};
    /** The steps of a closed case's life, as the timeline records them. */
    private static final String[][] STEPS = {{"SUBMIT", "", "SUBMITTED"}, {"REGISTER", "SUBMITTED", "REGISTERED"},
        {"ASSIGN", "REGISTERED", "ASSIGNED"}, {"SIGN", "ASSIGNED", "IN_PROGRESS"}, {"REPLY", "IN_PROGRESS", "REPLIED"},
        {"APPROVE", "REPLIED", "AWAITING_FOLLOW_UP"}, {"FOLLOW_UP", "AWAITING_FOLLOW_UP", "CLOSED"}};
    private static final String[] STAGES = {"SIGN", "CONTACT", "HANDLE", "REVIEW", "FOLLOW_UP"};
    static final int PHONES = 2_000;
    private static final String REPLY = "已到现场核实并处理完毕，已电话告知诉求人。";

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final Instant now;
    private final Duration span;

    HistoryGenerator(JdbcClient jdbc, PersonalDataCipher cipher, Instant now, Duration span) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.now = now;
        this.span = span;
    }

    /** The phone number of pool entry {@code i}: residents call again, so 2,000 phones share the history. */
    static String phone(int i) {
        return "139" + String.format("%08d", 10_000_000 - 1 - i);
    }

    /** Writes {@code n} cases in chunks of {@code chunk}, oldest first; prints its progress. */
    void generate(int n, int chunk) {
        List<Long> departments = jdbc.sql("select id from directory_department where kind in ('FUNCTIONAL', 'STREET')"
                + " and active order by id").query(Long.class).list();
        long zfj = jdbc.sql("select id from directory_department where code = 'ZFJ'").query(Long.class).single();
        List<Long> weighted = new ArrayList<>(departments);
        for (int i = 0; i < departments.size() / 3; i++) {
            weighted.add(zfj); // urban management gets about a third of all appeals, as in practice
        }
        List<String> streets = jdbc.sql("select a.code from directory_area a join directory_area p on p.code = a.parent_code"
                + " where p.parent_code is null order by a.code").query(String.class).list();
        List<String> phones = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < PHONES; i++) {
            phones.add(cipher.seal(phone(i)));
            hashes.add(cipher.phoneHash(phone(i)));
        }
        // no search terms: PostgreSQL indexes them as an expression over the text (ADR 0056)
        String sealedName = cipher.seal("张先生");
        String sealedAddress = cipher.seal("光明路123号院");
        for (int from = 1; from <= n; from += chunk) {
            int to = Math.min(n, from + chunk - 1);
            long t0 = System.nanoTime();
            long before = jdbc.sql("select coalesce(max(id), 0) from cases_case").query(Long.class).single();
            insertCases(from, to, n, weighted, streets, phones, hashes, sealedName, sealedAddress);
            long after = jdbc.sql("select coalesce(max(id), 0) from cases_case").query(Long.class).single();
            partitionsAhead();
            insertChildren(before, after);
            insertOutboxes(before, after);
            System.out.printf("  cases %,d–%,d written in %.1f s%n", from, to, (System.nanoTime() - t0) / 1e9);
        }
    }

    private void insertCases(int from, int to, int n, List<Long> departments, List<String> streets,
            List<String> phones, List<String> hashes, String name, String address) {
        long stepMillis = span.toMillis() / n;
        // g = 1 is the oldest; the newest 9 % hold the open cases (two of three), 94 % ended over all
        jdbc.sql("""
                with p as materialized (select cast(:channels as text[]) channels, cast(:kinds as text[]) kinds,
                        cast(:categories as text[]) categories, cast(:streets as text[]) streets,
                        cast(:phones as text[]) phones, cast(:hashes as text[]) hashes, cast(:open as text[]) open,
                        cast(:titles as text[]) titles, cast(:departments as bigint[]) departments)
                insert into cases_case (number, status, channel, kind, urgency, category, title, content, address, lat,
                    lon, street_code, community_code, contact_name, contact_phone, contact_phone_hash, anonymous,
                    department_id, unit_id, due_at, reply_text, follow_up_resolved, satisfaction,
                    created_at, updated_at, closed_at, version)
                select 'SZ-' || to_char(ts at time zone 'Asia/Shanghai', 'YYYYMMDD') || '-' || (100000 + g %% 900000),
                       st, (p.channels)[1 + g %% 10], (p.kinds)[1 + g %% 6],
                       case when g %% 50 = 0 then 'URGENT' else 'NORMAL' end, (p.categories)[1 + g %% 10],
                       title, title || :filler || title || '，编号 ' || g || :filler || title,
                       :address, 34.80 + (g %% 1000) / 10000.0, 117.50 + (g %% 997) / 10000.0,
                       (p.streets)[1 + (g / 7) %% cardinality(p.streets)], null, :name,
                       (p.phones)[1 + g %% :phoneCount], (p.hashes)[1 + g %% :phoneCount], false,
                       case when st in ('SUBMITTED', 'REGISTERED') then null
                            else (p.departments)[1 + (g / 3) %% cardinality(p.departments)] end,
                       null, ts + interval '13 days',
                       case when st = 'CLOSED' then :reply end,
                       case when st = 'CLOSED' then g %% 9 <> 0 end,
                       case when st = 'CLOSED' then (array['SATISFIED','SATISFIED','BASICALLY_SATISFIED','DISSATISFIED'])[1 + g %% 4] end,
                       ts, coalesce(closed, ts + interval '1 hour'), closed, 6
                from (select g, ts, title,
                             case when g > :openFrom and g %% 3 <> 0 then (p.open)[1 + g %% cardinality(p.open)]
                                  when g %% 53 = 0 then 'VOIDED' when g %% 61 = 0 then 'DECLINED' else 'CLOSED' end st,
                             case when g > :openFrom and g %% 3 <> 0 then null
                                  else least(cast(:now as timestamptz), ts + ((g %% 240) + 2) * interval '1 hour') end closed
                      from (select g, cast(:now as timestamptz) - (:n - g) * (:step * interval '1 millisecond') ts,
                                   (p.titles)[1 + (g * 7) %% cardinality(p.titles)] title
                            from p, generate_series(:from, :to) g) s0, p) s, p""".replace("%%", "%"))
                .param("channels", array(CHANNELS)).param("kinds", array(KINDS)).param("categories", array(CATEGORIES))
                .param("filler", FILLER).param("address", address).param("name", name)
                .param("streets", array(streets.toArray())).param("phones", array(phones.toArray()))
                .param("hashes", array(hashes.toArray())).param("phoneCount", PHONES)
                .param("departments", array(departments.toArray())).param("openFrom", (int) (n * 0.91))
                .param("open", array(OPEN)).param("now", Timestamp.from(now)).param("n", n).param("step", stepMillis)
                .param("titles", array(TITLES)).param("reply", REPLY)
                .param("from", from).param("to", to).update();
    }

    /**
     * The partitions of the timeline and the photos for the cases just written, as the application's task
     * {@code case-partitions} keeps them (its default blocks of 1,000,000 ids, two empty ones ahead): a chunk may
     * reach past the blocks made so far. On a database before V480 (no partitions) nothing.
     */
    private void partitionsAhead() {
        if (jdbc.sql("select to_regprocedure('cases_partitions_ahead(bigint, integer)') is not null")
                .query(Boolean.class).single()) {
            jdbc.sql("select cases_partitions_ahead(1000000, 2)").query(Integer.class).single();
        }
    }

    /** Reporter, timeline, clocks, triage rows and outbox rows of the cases with ids in (after, upTo]. */
    private void insertChildren(long after, long upTo) {
        // the first reporter: his contact is the case's own, not copied (ADR 0059)
        jdbc.sql("""
                insert into cases_reporter (case_id, channel, anonymous, reported_at)
                select id, channel, false, created_at from cases_case where id > ? and id <= ?""")
                .params(after, upTo).update();
        // the steps a case went through: all seven for a closed one, up to its status for an open one
        jdbc.sql("""
                insert into cases_timeline (case_id, occurred_at, actor_id, actor_name, actor_role, action, from_status,
                    to_status, reason, department_id, public_entry, actor_department_id)
                select c.id, c.created_at + k * interval '3 hours', null, '王芳', 'OPERATOR', (cast(? as text[]))[k],
                       nullif((cast(? as text[]))[k], ''), (cast(? as text[]))[k], case when k = 5 then c.reply_text end, c.department_id, true, null
                from cases_case c cross join generate_series(1, 7) k
                where c.id > ? and c.id <= ? and (c.closed_at is not null or k <= 1 + c.id % 4)""")
                .params(array(column(0)), array(column(1)), array(column(2)), after, upTo).update();
        // one row of clocks per case (ADR 0059), a stage's columns null where the case never had that clock
        StringBuilder columns = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (int k = 1; k <= STAGES.length; k++) {
            String stage = STAGES[k - 1].toLowerCase(java.util.Locale.ROOT);
            String had = "(c.closed_at is not null or " + k + " <= 2 + c.id % 3) and (" + k + " <> 2 or c.id % 2 = 0)";
            columns.append(", ").append(String.join(", ", stage + "_started_at", stage + "_due_at", stage + "_stopped_at",
                    stage + "_budget", stage + "_paused_seconds", stage + "_generation", stage + "_round_no",
                    stage + "_unit"));
            values.append(", case when ").append(had).append(" then c.created_at + ").append(k)
                    .append(" * interval '3 hours' end, case when ").append(had).append(" then c.created_at + ").append(k)
                    .append(" * interval '1 day' end, case when ").append(had).append(" and c.closed_at is not null then c.created_at + ")
                    .append(k)
                    .append(" * interval '5 hours' end");
            for (String v : new String[] {"86400", "0", "1", "1", "3"}) {
                values.append(", case when ").append(had).append(" then ").append(v).append(" end");
            }
        }
        jdbc.sql("insert into cases_clock (case_id" + columns + ") select c.id" + values
                + " from cases_case c where c.id > ? and c.id <= ?").params(after, upTo).update();
        // the decision with its three ranked suggestions in its row (ADR 0059, TriageRecords.encode)
        jdbc.sql("""
                insert into triage_decision (case_number, model_version, top_category, confidence, auto_routed, diverted,
                    department_code, decided_at, suggestions)
                select number, 'bench-1', category, 0.8, true, false, null, created_at + interval '2 seconds',
                       category || chr(31) || '0.8' || chr(31) || chr(31) || chr(31) || chr(30)
                       || category || chr(31) || '0.4' || chr(31) || chr(31) || chr(31) || chr(30)
                       || category || chr(31) || '0.2667' || chr(31) || chr(31) || chr(31)
                from cases_case where id > ? and id <= ?""").params(after, upTo).update();
        jdbc.sql("""
                insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,
                    completion_date, status, completion_attempts)
                select md5(c.id || '-' || k)::uuid, (array['cn.civicloop.triage.internal.TriageListeners.on(cn.civicloop.cases.CaseOpened)',
                       'cn.civicloop.notify.internal.ResidentMessages.on(cn.civicloop.cases.CaseOpened)'])[k],
                       'cn.civicloop.cases.CaseOpened', '{"number":"' || c.number || '","channel":"' || c.channel || '"}',
                       c.created_at, c.created_at + interval '1 second', 'COMPLETED', 1
                from cases_case c cross join generate_series(1, 2) k
                where c.id > ? and c.id <= ?""").params(after, upTo).update();
    }

    /**
     * What the cases with ids in (after, upTo] left in the two outboxes (ADR 0064): the resident's texts (notify's
     * {@code ResidentTexts}: accepted, handed to the department, result fed back, closed; declined instead for a
     * declined case), all SENT, so with the recipient's hash only, as {@code Outbox} leaves a sent message (ADR
     * 0067); and, for the 2 % of cases held by an agency with a webhook (the insurers' linkage cases), one signed
     * delivery per step from the assignment on, as {@code CaseChangeWebhooks} writes it, all DELIVERED.
     */
    private void insertOutboxes(long after, long upTo) {
        String[] actions = {"REGISTER", "ASSIGN", "APPROVE", "CLOSE", "DECLINE"};
        String[] texts = {"您反映的诉求已受理，工单号%s。我们将尽快转交办理，可凭工单号和查询码查询进度。",
            "您的诉求（工单号%s）已转交承办单位办理。", "您的诉求（工单号%s）办理结果已反馈，请留意回访。",
            "您的诉求（工单号%s）已办结，感谢您的支持与监督。", "您反映的诉求（工单号%s）未予受理，原因可凭查询码查看。"};
        // the steps that text the resident: those of the timeline, the closing or declining one from the status
        jdbc.sql("""
                insert into notify_outbox (case_number, kind, channel, case_channel, recipient, recipient_hash, text_body,
                    source_event_digest, status, attempts, next_attempt_at, created_at, sent_at)
                select c.number, e.action, 'webhook', c.channel, null, c.contact_phone_hash,
                       '【12345】' || replace((cast(:texts as text[]))[array_position(cast(:actions as text[]), e.action)],
                           '%s', c.number),
                       substring(sha256(convert_to(c.number || '/' || e.action || '/'
                           || to_char(e.ts at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), 'UTF8')) from 1 for 16),
                       'SENT', 1, e.ts + interval '1 second', e.ts + interval '1 second', e.ts + interval '3 seconds'
                from cases_case c
                join lateral (select t.action, t.occurred_at ts from cases_timeline t
                              where t.case_id = c.id and t.action in ('REGISTER', 'ASSIGN', 'APPROVE')
                              union all select case when c.status = 'CLOSED' then 'CLOSE' else 'DECLINE' end,
                                               c.closed_at + interval '1 second' ts
                              where c.status in ('CLOSED', 'DECLINED')) e on true
                where c.id > :after and c.id <= :upTo""")
                .param("texts", array(texts)).param("actions", array(actions))
                .param("after", after).param("upTo", upTo).update();
        long client = jdbc.sql("select coalesce(max(id), 0) from partner_client where name = 'scale-insurer'")
                .query(Long.class).single();
        if (client == 0) {
            jdbc.sql("""
                    insert into partner_client (department_id, name, client_id, active, webhook_url, webhook_secret,
                        created_at)
                    select id, 'scale-insurer', 'scale-insurer', true, 'https://insurer.example/hooks', 'x', now()
                    from directory_department where code = 'INS-PICC'""").update();
            client = jdbc.sql("select id from partner_client where name = 'scale-insurer'").query(Long.class).single();
        }
        jdbc.sql("""
                insert into partner_delivery (client_ref, event_id, event_type, case_number, body, status, attempts,
                    next_attempt_at, created_at, delivered_at)
                select :client, x.id, x.type, x.number, '{"id":"' || x.id || '","type":"' || x.type || '","occurredAt":"'
                           || to_char(x.ts at time zone 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS.US"+08:00"')
                           || '","case":{"number":"' || x.number || '","action":"' || x.action || '","from":"'
                           || x.from_status || '","status":"' || x.to_status || '"}}',
                       'DELIVERED', 1, x.ts + interval '1 second', x.ts + interval '1 second', x.ts + interval '2 seconds'
                from (select md5(c.number || '|' || t.action || '|' || t.occurred_at) id,
                             case when t.action = 'ASSIGN' then 'case.assigned' else 'case.changed' end type,
                             c.number, t.action, t.from_status, t.to_status, t.occurred_at ts
                      from cases_case c join cases_timeline t on t.case_id = c.id
                      where c.id > :after and c.id <= :upTo and c.id %% 50 = 7
                        and t.action not in ('SUBMIT', 'REGISTER')) x""".replace("%%", "%"))
                .param("client", client).param("after", after).param("upTo", upTo).update();
    }

    /** A PostgreSQL array literal, bound as text and cast in the statement (no driver array types needed). */
    private static String array(Object[] values) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ",").append('"').append(String.valueOf(values[i]).replace("\\", "\\\\")
                    .replace("\"", "\\\"")).append('"');
        }
        return b.append('}').toString();
    }

    private static String[] column(int i) {
        String[] values = new String[STEPS.length];
        for (int k = 0; k < STEPS.length; k++) {
            values[k] = STEPS[k][i];
        }
        return values;
    }
}
