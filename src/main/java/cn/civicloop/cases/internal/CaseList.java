package cn.civicloop.cases.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.civicloop.cases.CaseQueries.CaseFilter;
import cn.civicloop.cases.CaseQueries.CasePage;
import cn.civicloop.cases.CaseQueries.CaseSummary;
import cn.civicloop.cases.CaseQueries.Work;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Directory;
import cn.civicloop.directory.Role;
import cn.civicloop.shared.AuditTrail;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.PersonalDataCipher;
import cn.civicloop.shared.Phrase;

/**
 * The staff case list: filtered, scoped to what the reader may see, newest first. Built to read only what it shows
 * over any history (docs/cases.md, "At scale"): every filter walks an index ordered by creation time from its end;
 * a department's scope is a UNION of such walks (held, unit's, co-handled) instead of an OR no index serves; the
 * count stops at {@link CasePage#COUNT_LIMIT} (a search by words at {@link CasePage#WORDS_COUNT_LIMIT}); pages go on by a keyset cursor; a case number or a phone number is an
 * exact match.
 */
@Component
class CaseList {

    static final int MAX_PAGE_SIZE = 100;
    /** Text searched as a phone number: digits with optional +, spaces and dashes, 7 digits at least. */
    static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{5,18}[0-9]");
    /** A whole case number ({@code SZ-20261125-000123}), or its day and counter ({@code 20261125-000123}). */
    static final Pattern NUMBER = Pattern.compile("(?:([A-Za-z0-9]{1,8})-)?([0-9]{8}-[0-9]{6})");
    private static final String ORDER = " order by created_at desc, id desc";

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Cases cases;
    private final PersonalDataCipher cipher;
    private final AuditTrail audit;
    private final String prefix;
    private final PinnedPlans plans;

    CaseList(JdbcClient jdbc, Directory directory, Cases cases, PersonalDataCipher cipher, AuditTrail audit,
            CasesProperties properties, PinnedPlans plans) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.directory = directory;
        this.cases = cases;
        this.cipher = cipher;
        this.prefix = properties.numbers().prefix();
        this.plans = plans;
    }

    CasePage list(CaseFilter f, Actor reader) {
        // only the roles that work on cases list them; an admin, the 110 desk, road chiefs and grid workers do not
        boolean reads = reader.has(Role.SYSTEM) || reader.has(Role.OPERATOR) || reader.has(Role.TRIAGE_OFFICER)
                || reader.has(Role.HANDLER) || reader.has(Role.DEPT_HEAD) || reader.has(Role.LEADER);
        if (!reads) {
            throw new ForbiddenException(Phrase.of("problem.cases.your-role-does-not-see-cases", "无权查看工单列表"));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> paths = paths(f, reader, params);
        String where = conditions(f, params);
        int size = Math.min(Math.max(f.size(), 1), MAX_PAGE_SIZE);
        Cursor after = Cursor.parse(f.after());
        int page = after == null ? Math.max(f.page(), 0) : 0;
        int countLimit = searchesWords(f) ? CasePage.WORDS_COUNT_LIMIT : CasePage.COUNT_LIMIT;
        // pages by number stay within the counted window; further on, the cursor goes on from the last row
        long offset = Math.min((long) page * size, countLimit);
        plans.pin();
        long counted = jdbc.sql("select count(*) from (" + union(paths, "id", where, countLimit + 1) + ") u")
                .params(params).query(Long.class).single();
        String keyset = after == null ? "" : " and (created_at < :afterAt or (created_at = :afterAt and id < :afterId))";
        if (after != null) {
            params.put("afterAt", Timestamp.from(after.createdAt()));
            params.put("afterId", after.id());
        }
        List<Case> rows = jdbc.sql("select * from (" + union(paths, Cases.COLUMNS, where + keyset, offset + size) + ") u"
                        + ORDER + " limit " + size + " offset " + offset)
                .params(params).query(cases::map).list();
        List<CaseSummary> items = rows.stream()
                .map(c -> new CaseSummary(c.number, c.status, c.status.label(), c.channel, c.title, c.departmentId,
                        DepartmentNames.of(directory, c.departmentId), c.urgency, c.createdAt, c.dueAt))
                .toList();
        String next = rows.size() < size ? null : new Cursor(rows.get(rows.size() - 1).createdAt,
                rows.get(rows.size() - 1).id).toString();
        return new CasePage(items, page, size, Math.min(counted, countLimit), counted > countLimit, next);
    }

    /** The text is searched as words (not a case number, not a whole phone number): see {@link #text}. */
    private static boolean searchesWords(CaseFilter f) {
        if (f.text() == null || f.text().isBlank()) {
            return false;
        }
        String text = f.text().strip();
        return !NUMBER.matcher(text).matches()
                && !(PHONE.matcher(text).matches() && text.chars().filter(Character::isDigit).count() >= 11);
    }

    /**
     * The reader's scope as indexed paths, each a condition one index serves; an empty list is every case. A
     * department reads the cases it holds, those of it as a unit, and those it co-handles: an OR of the three (with
     * an EXISTS) made PostgreSQL scan every case of the history, a UNION walks three indexes.
     */
    private static List<String> paths(CaseFilter f, Actor reader, Map<String, Object> params) {
        if (f.status() != null && f.ownPart() && reader.departmentId() != null) {
            // a co-handling task has the statuses of a case's handling: 待签收 (ASSIGNED), 办理中 (IN_PROGRESS)
            params.put("status", f.status().name());
            params.put("mine", reader.departmentId());
            return List.of("status = :status and department_id = :mine", "status = :status and unit_id = :mine",
                    "id in (select case_id from cases_co_task t where t.department_id = :mine and t.status = :status)");
        }
        if (CaseAccess.canRead(reader, -1L, -1L)) {
            return List.of();
        }
        params.put("own", reader.departmentId() == null ? -1L : reader.departmentId());
        return List.of("department_id = :own", "unit_id = :own",
                "id in (select case_id from cases_co_task t where t.department_id = :own and t.status <> 'RELEASED')");
    }

    /** The filters common to every path. */
    private String conditions(CaseFilter f, Map<String, Object> params) {
        StringBuilder where = new StringBuilder();
        if (f.status() != null && !params.containsKey("status")) {
            where.append(" and status = :status");
            params.put("status", f.status().name());
        } else if (f.status() == null && f.slice() == null && f.work() == Work.OPEN) {
            where.append(" and ").append(FigureSql.OPEN);
        } else if (f.status() == null && f.slice() == null && f.work() == Work.ENDED) {
            where.append(" and not (").append(FigureSql.OPEN).append(")");
        }
        if (f.departmentId() != null) {
            where.append(" and (department_id = :dept or unit_id = :dept)");
            params.put("dept", f.departmentId());
        }
        if (f.channel() != null) {
            where.append(" and channel = :channel");
            params.put("channel", f.channel().name());
        }
        if (f.streetCode() != null) {
            where.append(" and street_code = :street");
            params.put("street", f.streetCode());
        }
        if (f.slice() != null) {
            // the dashboard's drill-down: the figure's own definition, the one its number was counted with
            where.append(" and ").append(FigureSql.where(f.slice()));
            params.putAll(FigureSql.params(f.slice()));
        }
        if (f.text() != null && !f.text().isBlank()) {
            where.append(" and ").append(text(f.text().strip(), params));
        }
        return where.toString();
    }

    /**
     * A case number is looked up by its unique index; a phone number through its keyed hash (the phone itself is
     * sealed), the only way to find a resident's cases by number; any other text in the titles.
     */
    private String text(String text, Map<String, Object> params) {
        var number = NUMBER.matcher(text);
        if (number.matches()) {
            params.put("number", (number.group(1) == null ? prefix : number.group(1).toUpperCase(java.util.Locale.ROOT))
                    + "-" + number.group(2));
            return "number = :number";
        }
        params.put("text", "%" + likeLiteral(text) + "%");
        if (!PHONE.matcher(text).matches()) {
            return words(text, params);
        }
        String hash = cipher.phoneHash(text);
        params.put("phoneHash", hash);
        // 等保/PIPL: a search by phone is audited with the number's keyed hash, never the number itself
        audit.personalDataSearch("phone hash " + hash, "case list searched by phone");
        // a full mobile or landline number is only a phone; shorter digits may also be part of a title
        long digits = text.chars().filter(Character::isDigit).count();
        return digits >= 11 ? "contact_phone_hash = :phoneHash"
                : "(contact_phone_hash = :phoneHash or " + words(text, params) + ")";
    }

    /**
     * Words of the title, the resident's text or the reply: the candidates come from the search terms' index
     * (ADR 0020), then each word typed is checked as a phrase on them, so "井盖_缺失" does not find "井盖X缺失". Words
     * typed apart ("广场舞 噪音") must each be there, in any order.
     */
    private String words(String text, Map<String, Object> params) {
        List<String> pieces = List.of(text.split("[\\s\u3000]+"));
        List<String> terms = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            String param = "text" + i;
            params.put(param, "%" + likeLiteral(pieces.get(i)) + "%");
            phrases.add("(title like :" + param + " escape '\\' or content like :" + param + " escape '\\'"
                    + " or reply_text like :" + param + " escape '\\')");
            CaseSearchTerms.ofQuery(pieces.get(i), plans.postgres()).stream().filter(t -> !terms.contains(t)).forEach(terms::add);
        }
        if (terms.isEmpty()) {
            return "title like :text escape '\\'"; // nothing to index (punctuation alone): the titles as they are
        }
        // the phrases first: cheap on a row's own text, they spare most rows the terms' array where PostgreSQL walks
        // the creation-time index (a frequent word); a rare word is found through the terms' GIN index instead
        return "(" + String.join(" and ", phrases) + " and "
                + CaseSearchTerms.condition(terms, plans.postgres(), params) + ")";
    }

    /** The paths' rows ({@code columns}), each path newest first and cut at {@code limit}, as one query. */
    private static String union(List<String> paths, String columns, String where, long limit) {
        if (paths.isEmpty()) {
            return "select " + columns + " from cases_case where 1 = 1" + where + ORDER + " limit " + limit;
        }
        List<String> parts = new ArrayList<>();
        for (String path : paths) {
            parts.add("(select " + columns + " from cases_case where " + path + where + ORDER + " limit " + limit + ")");
        }
        return String.join(" union ", parts);
    }

    /** The user's words taken literally: LIKE's wildcards and the escape character itself are escaped. */
    static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Where the next page starts: the creation time and id of the last row shown ({@code <epoch µs>-<id>}). */
    record Cursor(Instant createdAt, long id) {

        static Cursor parse(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                String[] parts = text.strip().split("-", 2);
                long micros = Long.parseLong(parts[0]);
                return new Cursor(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                        Math.floorMod(micros, 1_000_000L) * 1_000L), Long.parseLong(parts[1]));
            } catch (RuntimeException e) {
                throw new cn.civicloop.shared.InvalidInputException("after", Phrase.of("problem.cases.bad-cursor",
                        "翻页位置无效，请从第一页开始"));
            }
        }

        @Override
        public String toString() {
            return (createdAt.getEpochSecond() * 1_000_000L + createdAt.getNano() / 1_000) + "-" + id;
        }
    }
}
