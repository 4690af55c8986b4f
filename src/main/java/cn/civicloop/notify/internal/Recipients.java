package cn.civicloop.notify.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.civicloop.directory.DepartmentKind;
import cn.civicloop.directory.Directory;
import cn.civicloop.directory.Role;

/** Turns a rule's roles and scope into the staff ids of the people to tell, through the directory. */
@Component
class Recipients {

    private final Directory directory;

    Recipients(Directory directory) {
        this.directory = directory;
    }

    Set<Long> of(InboxRules.Rule rule, Long departmentId) {
        Set<Long> ids = new LinkedHashSet<>();
        switch (rule.scope()) {
            case DEPARTMENT -> {
                if (departmentId != null) {
                    rule.roles().forEach(role -> ids.addAll(directory.staffIds(departmentId, role)));
                } else {
                    rule.fallback().forEach(role -> ids.addAll(directory.staffIds(null, role)));
                }
            }
            case CENTRE -> rule.roles().forEach(role -> ids.addAll(inCentre(role)));
            case ANYONE -> rule.roles().forEach(role -> ids.addAll(directory.staffIds(null, role)));
        }
        return ids;
    }

    /**
     * Holders of {@code role} in the district centre. A department's own (二级) dispatcher may not decide returns
     * or extensions and must not see other departments' cases; without a centre in the directory, anyone.
     */
    private List<Long> inCentre(Role role) {
        List<Long> centres = directory.departments().stream().filter(d -> d.kind() == DepartmentKind.CENTRE)
                .map(d -> d.id()).toList();
        if (centres.isEmpty()) {
            return directory.staffIds(null, role);
        }
        return centres.stream().flatMap(id -> directory.staffIds(id, role).stream()).toList();
    }
}
