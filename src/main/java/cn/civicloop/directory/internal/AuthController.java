package cn.civicloop.directory.internal;

import java.time.Instant;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import cn.civicloop.directory.Role;
import cn.civicloop.shared.UnauthenticatedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Exchanges a staff username and password for an API bearer token. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "auth", description = "员工登录 (staff authentication)")
class AuthController {

    private final StaffAccounts accounts;
    private final ApiTokens tokens;
    private final PasswordEncoder encoder;
    private final String dummyHash;
    private final LoginLockout lockout;
    private final ClientAddress clients;

    AuthController(StaffAccounts accounts, ApiTokens tokens, PasswordEncoder encoder, LoginLockout lockout,
            ClientAddress clients) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.encoder = encoder;
        this.lockout = lockout;
        this.clients = clients;
        this.dummyHash = encoder.encode("no-such-user");
    }

    record Credentials(@NotBlank @Size(max = 60) String username, @NotBlank @Size(max = 200) String password) {
    }

    record TokenAnswer(String token, Instant expiresAt, String username, String displayName, Set<Role> roles,
            Long departmentId) {
    }

    @PostMapping("/token")
    @Operation(summary = "Issue a bearer token for a staff member")
    ResponseEntity<TokenAnswer> token(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
        String client = clients.of(request);
        var lock = lockout.lockOf(credentials.username());
        if (lock.isPresent()) {
            lockout.refusedWhileLocked(credentials.username(), client);
            throw new ResponseStatusException(HttpStatus.LOCKED, lockout.message(lock.get()));
        }
        StaffPrincipal staff = accounts.principal(credentials.username()).orElse(null);
        // Always run the hash check so that an unknown name costs as much time as a wrong password.
        boolean matches = encoder.matches(credentials.password(), staff != null ? staff.getPassword() : dummyHash);
        if (staff == null || !matches || !staff.isEnabled()) {
            var locked = lockout.failed(credentials.username(), client);
            if (locked.isPresent()) {
                throw new ResponseStatusException(HttpStatus.LOCKED, lockout.message(locked.get()));
            }
            throw new UnauthenticatedException("用户名或密码错误 (wrong username or password)");
        }
        lockout.succeeded(staff.actor().username(), client);
        ApiTokens.Issued issued = tokens.issue(staff.actor().staffId());
        return ResponseEntity.ok(new TokenAnswer(issued.token(), issued.expiresAt(), staff.actor().username(),
                staff.actor().displayName(), staff.actor().roles(), staff.actor().departmentId()));
    }

}
