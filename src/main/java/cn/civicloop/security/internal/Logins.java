package cn.civicloop.security.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The one password check of both doors, with the throttle inside it: the login form's authentication (this is the
 * application's only {@link AuthenticationProvider}) and the API's token and password-change requests. Because the
 * throttle sits here and not in front of a URL, no spelling of the path ({@code /%6Cogin}, {@code /login/}, …) gets
 * around it. A locked pair is refused before its password is looked at; an unknown name, a wrong password and a
 * deactivated account are the same refusal, after the same hash check. An account that needs a TOTP code
 * ({@link TwoFactor}) leaves the form login with a pending principal that holds no role until it gives the code.
 */
@Component
class Logins implements AuthenticationProvider {

    private final StaffLogins accounts;
    private final PasswordEncoder encoder;
    private final LoginLockout lockout;
    private final String dummyHash;
    private final TwoFactor twoFactor;

    Logins(StaffLogins accounts, PasswordEncoder encoder, LoginLockout lockout, TwoFactor twoFactor) {
        this.accounts = accounts;
        this.twoFactor = twoFactor;
        this.encoder = encoder;
        this.lockout = lockout;
        this.dummyHash = encoder.encode("no-such-user");
    }

    /**
     * The staff member behind a right username and password, or a refusal: {@link LockedException} (with the
     * words to show) while this client is locked for this name or when this failure locked it,
     * {@link BadCredentialsException} otherwise.
     */
    StaffPrincipal check(String username, String password, String client) {
        String name = username == null ? "" : username;
        var lock = lockout.lockOf(name, client);
        if (lock.isPresent()) {
            lockout.refusedWhileLocked(name, client);
            throw LoginRefusals.locked(lockout.message(lock.get()));
        }
        StaffPrincipal staff = accounts.principal(name).orElse(null);
        // Always run the hash check so that an unknown name costs as much time as a wrong password.
        boolean matches = encoder.matches(password == null ? "" : password,
                staff != null ? staff.getPassword() : dummyHash);
        if (staff == null || !matches || !staff.isEnabled()) {
            var locked = lockout.failed(name, client);
            if (locked.isPresent()) {
                throw LoginRefusals.locked(lockout.message(locked.get()));
            }
            throw LoginRefusals.wrong(LoginRefusals.WRONG_PASSWORD);
        }
        if (!twoFactor.required(staff)) {
            lockout.succeeded(staff.actor().username(), client);
        } // else the login succeeds (and the pair's failures are forgotten) only with the right code (TwoFactor)
        return staff;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String client = authentication.getDetails() instanceof LoginDetails d ? d.clientAddress() : "";
        StaffPrincipal staff = check(authentication.getName(), String.valueOf(authentication.getCredentials()), client);
        if (twoFactor.required(staff)) {
            // the password was right; the session holds no role until the TOTP code is given (SecondFactorLogin)
            StaffPrincipal pending = staff.pendingSecondFactor();
            return UsernamePasswordAuthenticationToken.authenticated(pending, null, pending.getAuthorities());
        }
        return UsernamePasswordAuthenticationToken.authenticated(staff, null, staff.getAuthorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** What the login form's authentication knows of the request: the client address (trusted proxies applied). */
    record LoginDetails(String clientAddress) implements java.io.Serializable {
    }
}
