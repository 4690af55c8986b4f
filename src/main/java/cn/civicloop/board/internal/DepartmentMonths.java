package cn.civicloop.board.internal;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseFeed;
import cn.civicloop.cases.CaseTransitioned;
import cn.civicloop.cases.FollowUpAnswered;
import cn.civicloop.cases.Satisfaction;
import cn.civicloop.shared.DistrictTime;

/**
 * Each department's figures per district month, counted from the cases' events (every case, shown or not: the
 * figures are totals). 受理 when a case is assigned to it, 办结 and 按期办结 when it closes a case (by the case's
 * deadline), 回访 and 满意 (满意 or 基本满意) when its resident answers. Each event counts once
 * ({@code board_counted}), so a redelivered event changes nothing.
 */
@Repository
class DepartmentMonths {

    /** A department's figures of one month. */
    record Figures(long departmentId, String month, int received, int closed, int closedOnTime, int followUps,
            int satisfied) {
    }

    private final JdbcClient jdbc;
    private final CaseFeed feed;

    DepartmentMonths(JdbcClient jdbc, CaseFeed feed) {
        this.jdbc = jdbc;
        this.feed = feed;
    }

    void count(CaseTransitioned e) {
        if (e.departmentId() == null) {
            return;
        }
        switch (e.action()) {
            case ASSIGN, REASSIGN, ARBITRATE -> add(e.departmentId(), e.occurredAt(), source(e), "received");
            case CLOSE -> {
                boolean onTime = feed.byNumbers(List.of(e.number())).stream().findFirst()
                        .map(c -> c.dueAt() == null || !e.occurredAt().isAfter(c.dueAt())).orElse(false);
                add(e.departmentId(), e.occurredAt(), source(e), onTime ? "closed,closed_on_time" : "closed");
            }
            default -> {
            }
        }
    }

    void count(FollowUpAnswered e) {
        if (e.departmentId() == null) {
            return;
        }
        boolean satisfied = e.satisfaction() == Satisfaction.SATISFIED
                || e.satisfaction() == Satisfaction.BASICALLY_SATISFIED;
        add(e.departmentId(), e.occurredAt(), e.number() + ":FOLLOW_UP:" + e.occurredAt().toEpochMilli(),
                satisfied ? "follow_ups,satisfied" : "follow_ups");
    }

    /** The figures of these months, every department that has any; one indexed read per month. */
    List<Figures> of(Collection<String> months) {
        return jdbc.sql("""
                select department_id, period_month, received, closed, closed_on_time, follow_ups, satisfied
                from board_department_month where period_month in (:months)
                order by period_month desc, department_id""")
                .param("months", months)
                .query((rs, n) -> new Figures(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6), rs.getInt(7)))
                .list();
    }

    static String month(Instant at) {
        return YearMonth.from(at.atZone(DistrictTime.ZONE)).toString();
    }

    private static String source(CaseTransitioned e) {
        CaseAction a = e.action();
        return e.number() + ":" + a.name() + ":" + e.occurredAt().toEpochMilli();
    }

    /** {@code columns} is one of the fixed lists above, never input. */
    private void add(long departmentId, Instant at, String source, String columns) {
        if (jdbc.sql("insert into board_counted (source) values (?) on conflict do nothing").param(source)
                .update() == 0) {
            return;
        }
        String month = month(at);
        jdbc.sql("insert into board_department_month (department_id, period_month) values (?, ?) on conflict do nothing")
                .params(departmentId, month).update();
        StringBuilder set = new StringBuilder();
        for (String c : columns.split(",")) {
            set.append(set.isEmpty() ? "" : ", ").append(c).append(" = ").append(c).append(" + 1");
        }
        jdbc.sql("update board_department_month set " + set + " where department_id = ? and period_month = ?")
                .params(departmentId, month).update();
    }
}
