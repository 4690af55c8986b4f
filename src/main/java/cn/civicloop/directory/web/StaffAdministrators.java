package cn.civicloop.directory.web;

import java.security.Principal;

import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Directory;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.UnauthenticatedException;

/** The logged-in administrator behind an admin request, as the directory's own actor (by his username). */
final class StaffAdministrators {

    private StaffAdministrators() {
    }

    static Actor actor(Directory directory, Principal principal) {
        if (principal == null) {
            throw new UnauthenticatedException(Phrase.of("problem.directory.login-required", "需要登录"));
        }
        return directory.staffActor(principal.getName())
                .orElseThrow(() -> new UnauthenticatedException(Phrase.of("problem.directory.login-required", "需要登录")));
    }
}
