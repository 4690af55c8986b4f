package cn.civicloop.notify.internal;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.directory.Directory;
import cn.civicloop.directory.Role;
import cn.civicloop.notify.StaffLetters;

/** Letters addressed by role (district-wide or in one department) or to one person for other modules, into the
 * same inbox as the case letters. */
@Service
class RoleLetters implements StaffLetters {

    private final Directory directory;
    private final Inbox inbox;
    private final Clock clock;

    RoleLetters(Directory directory, Inbox inbox, Clock clock) {
        this.directory = directory;
        this.inbox = inbox;
        this.clock = clock;
    }

    @Override
    @Transactional
    public int toRole(Role role, String reference, String kind, String title, String body, String sourceEvent) {
        List<Long> staff = directory.staffIds(null, role);
        staff.forEach(id -> inbox.add(id, reference, kind, title, body, sourceEvent, clock.instant()));
        return staff.size();
    }

    @Override
    @Transactional
    public int toDepartment(long departmentId, Role role, String reference, String kind, String title, String body,
            String sourceEvent) {
        List<Long> staff = directory.staffIds(departmentId, role);
        staff.forEach(id -> inbox.add(id, reference, kind, title, body, sourceEvent, clock.instant()));
        return staff.size();
    }

    @Override
    @Transactional
    public int toStaff(String username, String reference, String kind, String title, String body, String sourceEvent) {
        Long id = directory.staffActor(username).map(a -> a.staffId()).orElse(null);
        if (id == null) {
            return 0;
        }
        inbox.add(id, reference, kind, title, body, sourceEvent, clock.instant());
        return 1;
    }
}
