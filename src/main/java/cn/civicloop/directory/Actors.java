package cn.civicloop.directory;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import cn.civicloop.directory.internal.StaffPrincipal;

/** The actor behind the current request: a logged-in staff member, or else the anonymous resident. */
public final class Actors {

    private Actors() {
    }

    public static Actor current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof StaffPrincipal staff) {
            return staff.actor();
        }
        return Actor.resident();
    }
}
