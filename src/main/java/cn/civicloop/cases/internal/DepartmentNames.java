package cn.civicloop.cases.internal;

import cn.civicloop.directory.Department;
import cn.civicloop.directory.Directory;

/** A department's name for display, {@code null} for none or an unknown id. */
final class DepartmentNames {

    private DepartmentNames() {
    }

    static String of(Directory directory, Long id) {
        return id == null ? null : directory.department(id).map(Department::name).orElse(null);
    }
}
