package cn.civicloop.cases.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.DepartmentFeed;
import cn.civicloop.cases.Urgency;

/** {@link DepartmentFeed} on the index {@code cases_case_department_updated (department_id, updated_at, id)}. */
@Service
@Transactional(readOnly = true)
class DepartmentFeedQuery implements DepartmentFeed {

    private final JdbcClient jdbc;

    DepartmentFeedQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<HeldCase> changed(long departmentId, CaseStatus status, java.time.Instant since, Cursor after,
            int limit) {
        StringBuilder sql = new StringBuilder("""
                select id, number, status, category, title, urgency, created_at, updated_at, due_at from cases_case
                where department_id = ?""");
        List<Object> params = new ArrayList<>(List.of(departmentId));
        if (since != null) {
            sql.append(" and updated_at >= ?");
            params.add(Cases.ts(since));
        }
        if (after != null) {
            // the first condition repeats the second's bound in a form the index takes as its start: the scan seeks
            // to the cursor instead of filtering away every row of the earlier pages
            sql.append(" and updated_at >= ? and (updated_at > ? or (updated_at = ? and id > ?))");
            params.addAll(List.of(Cases.ts(after.updatedAt()), Cases.ts(after.updatedAt()), Cases.ts(after.updatedAt()),
                    after.id()));
        }
        if (status != null) {
            sql.append(" and status = ?");
            params.add(status.name());
        }
        sql.append(" order by updated_at, id limit ?");
        params.add(Math.max(0, limit));
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            java.time.Instant updated = Cases.instant(rs, "updated_at");
            String urgency = rs.getString("urgency");
            return new HeldCase(rs.getString("number"), CaseStatus.valueOf(rs.getString("status")),
                    rs.getString("category"), rs.getString("title"), urgency == null ? null : Urgency.valueOf(urgency),
                    Cases.instant(rs, "created_at"), updated, Cases.instant(rs, "due_at"),
                    new Cursor(updated, rs.getLong("id")));
        }).list();
    }
}
