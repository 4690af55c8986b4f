package cn.civicloop.triage.internal.learning;

import java.sql.Timestamp;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseQueries;
import cn.civicloop.cases.CaseTransitioned;
import cn.civicloop.cases.CaseView;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Department;
import cn.civicloop.directory.Directory;
import cn.civicloop.shared.SelectiveListener;
import cn.civicloop.shared.Text;
import cn.civicloop.triage.internal.Catalogue;
import cn.civicloop.triage.internal.Rule;

/**
 * Keeps what closed cases teach (办结结果): when a case is closed, the category and department it was finally closed
 * under, after any reassignment; when it is reopened or sent back for rework it is no outcome until closed again; a
 * case voided or merged into another is excluded from training for good, its corrections included.
 */
@Component
class CaseOutcomes implements SelectiveListener {

    private static final Set<CaseAction> TAUGHT = EnumSet.of(CaseAction.CLOSE, CaseAction.REOPEN, CaseAction.REWORK,
            CaseAction.VOID, CaseAction.MERGE);

    private final JdbcClient jdbc;
    private final CaseQueries cases;
    private final Directory directory;
    private final Catalogue catalogue;

    CaseOutcomes(JdbcClient jdbc, CaseQueries cases, Directory directory, Catalogue catalogue) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.directory = directory;
        this.catalogue = catalogue;
    }

    /** Only the steps that make or unmake an outcome store a publication here. */
    @Override
    public boolean takes(Object event) {
        return !(event instanceof CaseTransitioned t) || TAUGHT.contains(t.action());
    }

    @ApplicationModuleListener
    void on(CaseTransitioned event) {
        String number = event.number();
        switch (event.action()) {
            case CLOSE -> closed(event);
            case VOID, MERGE -> {
                jdbc.sql("delete from triage_outcome where case_number = ?").param(number).update();
                if (jdbc.sql("select count(*) from triage_excluded_case where case_number = ?").param(number)
                        .query(Integer.class).single() == 0) {
                    jdbc.sql("insert into triage_excluded_case (case_number, reason, excluded_at) values (?, ?, ?)")
                            .params(number, event.action().name(), Timestamp.from(event.occurredAt())).update();
                }
            }
            default -> jdbc.sql("delete from triage_outcome where case_number = ?").param(number).update();
        }
    }

    private void closed(CaseTransitioned event) {
        CaseView view = cases.view(event.number(), Actor.system());
        Long departmentId = view.departmentId() != null ? view.departmentId() : event.departmentId();
        String departmentCode = departmentId == null ? null
                : directory.department(departmentId).map(Department::code).orElse(null);
        String category = view.category() != null && !view.category().isBlank() ? view.category().strip()
                : categoryOf(departmentCode);
        // the resident's words without a phone or other long number he wrote into them (docs/security.md)
        String title = view.title() == null ? "" : Text.withoutLongNumbers(view.title());
        String content = view.content() == null ? "" : Text.withoutLongNumbers(view.content());
        jdbc.sql("delete from triage_outcome where case_number = ?").param(event.number()).update();
        if (category == null || (title.isBlank() && content.isBlank())) {
            return; // nothing to learn: no category, and no department the catalogue routes a category to
        }
        jdbc.sql("insert into triage_outcome (case_number, title, content, category, department_code, closed_at)"
                + " values (?, ?, ?, ?, ?, ?)")
                .params(event.number(), truncate(title, RowCheck.MAX_TITLE), truncate(content, RowCheck.MAX_CONTENT),
                        category, departmentCode, Timestamp.from(event.occurredAt()))
                .update();
    }

    /** The category the catalogue routes to the department (the label a dispatcher's choice teaches). */
    private String categoryOf(String departmentCode) {
        if (departmentCode == null) {
            return null;
        }
        return catalogue.rules().stream()
                .filter(r -> r.departmentCode().equals(departmentCode) && !"*".equals(r.category()))
                .map(Rule::category).findFirst().orElse(null);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
