package cn.civicloop.notify.web;

import java.time.Clock;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.civicloop.directory.Actor;
import cn.civicloop.notify.internal.Inbox;
import cn.civicloop.security.Actors;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The staff inbox (站内信). Owner: the logged-in staff member himself — everyone sees and marks only his own
 * letters; another's letter does not exist for him (404).
 */
@RestController
@RequestMapping("/api/v1/inbox")
@Tag(name = "inbox", description = "The caller's own notifications")
class InboxController {

    private static final int MAX_SIZE = 100;

    private final Inbox inbox;
    private final Clock clock;

    InboxController(Inbox inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "The caller's letters, newest first, with the total and the number of unread ones")
    Inbox.Page list(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return inbox.page(staffId(), unread, Math.max(0, page), Math.min(Math.max(1, size), MAX_SIZE));
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark one of the caller's letters read (the first reading time is kept)")
    Inbox.Item read(@PathVariable long id) {
        return inbox.markRead(staffId(), id, clock.instant())
                .orElseThrow(() -> new NotFoundException(
                        Phrase.of("problem.notify.no-such-inbox-item", "没有这条消息：{0}", id)));
    }

    private static long staffId() {
        Actor actor = Actors.current();
        if (!actor.isStaff()) {
            throw new ForbiddenException(Phrase.of("problem.notify.the-inbox-is-for-staff-only", "站内信仅限工作人员"));
        }
        return actor.staffId();
    }
}
