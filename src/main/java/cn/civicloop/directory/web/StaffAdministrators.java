package cn.civicloop.directory.web;

import java.security.Principal;

import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Directory;
import cn.civicloop.shared.UnauthenticatedException;

/** The logged-in administrator behind an admin request, as the directory's own actor (by his username). */
final class StaffAdministrators {

    private StaffAdministrators() {
    }

    static Actor actor(Directory directory, Principal principal) {
        if (principal == null) {
            throw new UnauthenticatedException("需要登录 (login required)");
        }
        return directory.staffActor(principal.getName())
                .orElseThrow(() -> new UnauthenticatedException("需要登录 (login required)"));
    }
}
