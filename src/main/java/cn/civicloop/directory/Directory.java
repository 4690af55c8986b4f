package cn.civicloop.directory;

import java.util.List;
import java.util.Optional;

/** Read access to the directory for other modules. */
public interface Directory {

    Optional<Department> department(long id);

    Optional<Department> departmentByCode(String code);

    List<Department> departments();

    /** True if {@code unitId} is {@code departmentId} itself or one of its units, at any depth. */
    boolean isWithin(long unitId, long departmentId);

    Optional<Area> area(String code);

    /**
     * The active staff members holding {@code role} in department {@code departmentId} (also in its units), or in
     * any department when {@code departmentId} is {@code null} — the recipients of a notification.
     */
    List<Long> staffIds(Long departmentId, Role role);

    /** The actor behind an active staff account, for work done on a person's behalf (imports, demo data). */
    Optional<Actor> staffActor(String username);

    List<Area> areas(String level);
}
