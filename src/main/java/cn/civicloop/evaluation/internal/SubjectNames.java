package cn.civicloop.evaluation.internal;

import org.springframework.stereotype.Component;

import cn.civicloop.directory.Area;
import cn.civicloop.directory.Department;
import cn.civicloop.directory.Directory;
import cn.civicloop.evaluation.SubjectKind;

/** The name of a subject, from the directory (departments, units) or its area tree (streets, grids). */
@Component
public class SubjectNames {

    private final Directory directory;

    SubjectNames(Directory directory) {
        this.directory = directory;
    }

    public String name(SubjectKind kind, String key) {
        String name = switch (kind) {
            case DEPARTMENT, LINKAGE, UNIT -> {
                try {
                    yield directory.department(Long.parseLong(key)).map(Department::name).orElse(null);
                } catch (NumberFormatException bad) {
                    yield null;
                }
            }
            case STREET, GRID -> directory.area(key).map(Area::name).orElse(null);
        };
        String result = name == null ? "#" + key : name;
        return result.length() > 100 ? result.substring(0, 100) : result;
    }
}
