package cn.civicloop.dispatch.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.civicloop.cases.AppealSnapshot;
import cn.civicloop.cases.CaseQueries;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.directory.Department;
import cn.civicloop.directory.Directory;

/**
 * Where the cases of diverted incidents stand now, read from the case module whenever the desk shows them (one
 * query for a whole list), never from a copy kept by dispatch: the case's steps reach dispatch by events, in any
 * order, and a copy went stale.
 */
@Component
class LinkageCases {

    /** A diverted incident's case as it is now: its status and the department holding it (null if none). */
    record State(CaseStatus status, String department) {
    }

    private final CaseQueries cases;
    private final Directory directory;

    LinkageCases(CaseQueries cases, Directory directory) {
        this.cases = cases;
        this.directory = directory;
    }

    /** The current state of each of these cases by number; unknown numbers are left out. */
    Map<String, State> now(Collection<String> caseNumbers) {
        Map<String, State> out = new HashMap<>();
        for (AppealSnapshot s : cases.snapshots(caseNumbers.stream().filter(n -> n != null).distinct().toList())) {
            String department = s.departmentId() == null ? null
                    : directory.department(s.departmentId()).map(Department::name).orElse(null);
            out.put(s.number(), new State(s.status(), department));
        }
        return out;
    }
}
