package cn.civicloop.cases.internal;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.directory.Actor;

/** 催办 and 督办 on a case, open until the department acknowledges them. */
@Repository
class Supervisions {

    private final JdbcClient jdbc;

    Supervisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void raise(long caseId, CaseAction kind, Long departmentId, String by, String note, Instant at) {
        jdbc.sql("""
                insert into cases_supervision (case_id, kind, department_id, raised_by, raised_at, note)
                values (?, ?, ?, ?, ?, ?)""")
                .params(caseId, kind.name(), departmentId, by, Cases.ts(at), note).update();
    }

    int open(long caseId) {
        return jdbc.sql("select count(*) from cases_supervision where case_id = ? and acknowledged_at is null")
                .param(caseId).query(Integer.class).single();
    }

    /** Acknowledges every open supervision of the case; returns how many there were. */
    int acknowledgeAll(long caseId, Actor by, Instant at) {
        return jdbc.sql("""
                update cases_supervision set acknowledged_by = ?, acknowledged_at = ?
                where case_id = ? and acknowledged_at is null""")
                .params(by.displayName(), Cases.ts(at), caseId).update();
    }
}
