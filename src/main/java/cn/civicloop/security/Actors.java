package cn.civicloop.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import cn.civicloop.directory.Actor;
import cn.civicloop.security.internal.StaffPrincipal;

/**
 * The actor behind the current request: the member of staff logged in on either door, or else the anonymous
 * resident. Here and not in the directory because only the security module knows who logged in (its principal type);
 * the {@link Actor} itself is the directory's, since commands, timers and imports act as one without any request.
 */
public final class Actors {

    private Actors() {
    }

    public static Actor current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof StaffPrincipal staff && !staff.secondFactorPending()) {
            return staff.actor();
        }
        return Actor.resident();
    }
}
