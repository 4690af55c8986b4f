package cn.civicloop.cases.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.civicloop.cases.CaseQueries.CaseFilter;
import cn.civicloop.cases.CaseQueries.CasePage;
import cn.civicloop.cases.CaseQueries.CaseSummary;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Directory;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.AuditTrail;
import cn.civicloop.shared.PersonalDataCipher;
import cn.civicloop.directory.Role;
import cn.civicloop.shared.ForbiddenException;

/** The staff case list: filtered, scoped to what the reader may see, newest first. */
@Component
class CaseList {

    static final int MAX_PAGE_SIZE = 100;

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Cases cases;
    private final PersonalDataCipher cipher;
    private final AuditTrail audit;

    CaseList(JdbcClient jdbc, Directory directory, Cases cases, PersonalDataCipher cipher, AuditTrail audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.directory = directory;
        this.cases = cases;
        this.cipher = cipher;
    }

    /** Text searched as a phone number: digits with optional +, spaces and dashes, 7 digits at least. */
    static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("\\+?[0-9][0-9 -]{5,18}[0-9]");

    CasePage list(CaseFilter f, Actor reader) {
        // only the roles that work on cases list them; an admin, the 110 desk, road chiefs and grid workers do not
        boolean reads = reader.has(Role.SYSTEM) || reader.has(Role.OPERATOR) || reader.has(Role.TRIAGE_OFFICER)
                || reader.has(Role.HANDLER) || reader.has(Role.DEPT_HEAD) || reader.has(Role.LEADER);
        if (!reads) {
            throw new ForbiddenException(Phrase.of("problem.cases.your-role-does-not-see-cases", "无权查看工单列表"));
        }
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!CaseAccess.canRead(reader, -1L, -1L)) {
            where.append(" and (department_id = :own or unit_id = :own or exists (select 1 from cases_co_task t"
                    + " where t.case_id = cases_case.id and t.department_id = :own and t.status <> 'RELEASED'))");
            params.put("own", reader.departmentId() == null ? -1L : reader.departmentId());
        }
        if (f.status() != null && f.ownPart() && reader.departmentId() != null) {
            // a co-handling task has the statuses of a case's handling: 待签收 (ASSIGNED), 办理中 (IN_PROGRESS)
            where.append(" and ((status = :status and (department_id = :mine or unit_id = :mine)) or exists (select 1"
                    + " from cases_co_task t where t.case_id = cases_case.id and t.department_id = :mine"
                    + " and t.status = :status))");
            params.put("status", f.status().name());
            params.put("mine", reader.departmentId());
        } else if (f.status() != null) {
            where.append(" and status = :status");
            params.put("status", f.status().name());
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
            // a text that reads as a phone number also finds the cases of that phone, through its keyed hash (the
            // phone itself is sealed): the only way to find a resident's cases by number
            boolean phone = PHONE.matcher(f.text().strip()).matches();
            where.append(" and (title like :text escape '\\' or number like :text escape '\\'")
                    .append(phone ? " or contact_phone_hash = :phoneHash)" : ")");
            params.put("text", "%" + likeLiteral(f.text().strip()) + "%");
            if (phone) {
                String hash = cipher.phoneHash(f.text());
                params.put("phoneHash", hash);
                // 等保/PIPL: a search by phone is audited with the number's keyed hash, never the number itself
                audit.personalDataSearch("phone hash " + hash, "case list searched by phone");
            }
        }
        int size = Math.min(Math.max(f.size(), 1), MAX_PAGE_SIZE);
        int page = Math.max(f.page(), 0);
        long total = jdbc.sql("select count(*) from cases_case" + where).params(params).query(Long.class).single();
        List<CaseSummary> items = jdbc.sql("select " + Cases.COLUMNS + " from cases_case" + where
                        + " order by created_at desc, id desc limit " + size + " offset " + ((long) page * size))
                .params(params).query(cases::map).list().stream()
                .map(c -> new CaseSummary(c.number, c.status, c.status.label(), c.channel, c.title, c.departmentId,
                        DepartmentNames.of(directory, c.departmentId), c.urgency, c.createdAt, c.dueAt))
                .toList();
        return new CasePage(items, page, size, total);
    }

    /** The user's words taken literally: LIKE's wildcards and the escape character itself are escaped. */
    static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
