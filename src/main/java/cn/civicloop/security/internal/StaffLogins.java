package cn.civicloop.security.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.civicloop.directory.StaffCredentials;

/** The staff accounts of the directory as Spring Security's users: both doors' password check looks them up here. */
@Component
class StaffLogins {

    private final StaffCredentials credentials;
    private final PasswordRules passwords;

    StaffLogins(StaffCredentials credentials, PasswordRules passwords) {
        this.credentials = credentials;
        this.passwords = passwords;
    }

    Optional<StaffPrincipal> principal(String username) {
        return credentials.byUsername(username).map(this::principal);
    }

    Optional<StaffPrincipal> principal(long staffId) {
        return credentials.byId(staffId).map(this::principal);
    }

    /** An expired password (civicloop.security.password.expiry-days) must be changed like an initial one. */
    private StaffPrincipal principal(StaffCredentials.StaffAccount account) {
        return new StaffPrincipal(account.actor(), account.passwordHash(), account.active(),
                account.mustChangePassword() || passwords.expired(account.passwordChangedAt()));
    }
}
