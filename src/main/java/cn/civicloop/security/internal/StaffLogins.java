package cn.civicloop.security.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.civicloop.directory.StaffCredentials;

/** The staff accounts of the directory as Spring Security's users: both doors' password check looks them up here. */
@Component
class StaffLogins {

    private final StaffCredentials credentials;

    StaffLogins(StaffCredentials credentials) {
        this.credentials = credentials;
    }

    Optional<StaffPrincipal> principal(String username) {
        return credentials.byUsername(username).map(StaffPrincipal::of);
    }

    Optional<StaffPrincipal> principal(long staffId) {
        return credentials.byId(staffId).map(StaffPrincipal::of);
    }
}
