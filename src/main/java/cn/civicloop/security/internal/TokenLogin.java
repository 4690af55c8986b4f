package cn.civicloop.security.internal;

import java.time.Instant;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import cn.civicloop.directory.Role;
import cn.civicloop.shared.UnauthenticatedException;
import jakarta.servlet.http.HttpServletRequest;

/** The API door's login: a username and password for a bearer token, under the same lockout as the login form. */
@Component
public class TokenLogin {

    private final StaffLogins accounts;
    private final ApiTokens tokens;
    private final PasswordEncoder encoder;
    private final String dummyHash;
    private final LoginLockout lockout;
    private final ClientAddress clients;

    TokenLogin(StaffLogins accounts, ApiTokens tokens, PasswordEncoder encoder, LoginLockout lockout,
            ClientAddress clients) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.encoder = encoder;
        this.lockout = lockout;
        this.clients = clients;
        this.dummyHash = encoder.encode("no-such-user");
    }

    /** What the client gets: the token and who it acts as. */
    public record TokenAnswer(String token, Instant expiresAt, String username, String displayName, Set<Role> roles,
            Long departmentId) {
    }

    /**
     * Issues a token, or refuses: 423 while the name is locked (or locked by this failure), 401 for a wrong name or
     * password or a deactivated account. Every attempt is counted and audited.
     */
    public TokenAnswer login(String username, String password, HttpServletRequest request) {
        String client = clients.of(request);
        var lock = lockout.lockOf(username);
        if (lock.isPresent()) {
            lockout.refusedWhileLocked(username, client);
            throw new ResponseStatusException(HttpStatus.LOCKED, lockout.message(lock.get()));
        }
        StaffPrincipal staff = accounts.principal(username).orElse(null);
        // Always run the hash check so that an unknown name costs as much time as a wrong password.
        boolean matches = encoder.matches(password, staff != null ? staff.getPassword() : dummyHash);
        if (staff == null || !matches || !staff.isEnabled()) {
            var locked = lockout.failed(username, client);
            if (locked.isPresent()) {
                throw new ResponseStatusException(HttpStatus.LOCKED, lockout.message(locked.get()));
            }
            throw new UnauthenticatedException("用户名或密码错误 (wrong username or password)");
        }
        lockout.succeeded(staff.actor().username(), client);
        ApiTokens.Issued issued = tokens.issue(staff.actor().staffId());
        return new TokenAnswer(issued.token(), issued.expiresAt(), staff.actor().username(), staff.actor().displayName(),
                staff.actor().roles(), staff.actor().departmentId());
    }
}
