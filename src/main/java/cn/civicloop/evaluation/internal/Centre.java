package cn.civicloop.evaluation.internal;

import org.springframework.stereotype.Component;

import cn.civicloop.directory.DepartmentKind;
import cn.civicloop.directory.Directory;

/** The district centre (区社会治理服务中心), scored for what it answers itself (直接答复率). */
@Component
class Centre {

    private final Directory directory;

    Centre(Directory directory) {
        this.directory = directory;
    }

    /** The centre as the subject of a case at this street and grid. */
    FactStore.Subject subject(String streetCode, String gridCode) {
        Long id = directory.departments().stream().filter(d -> d.kind() == DepartmentKind.CENTRE)
                .map(d -> d.id()).findFirst().orElse(null);
        return new FactStore.Subject(id, null, streetCode, gridCode);
    }
}
