package cn.civicloop.security.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.civicloop.security.internal.TokenLogin;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Exchanges a staff username and password for an API bearer token (owner: public). */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "auth", description = "Staff authentication")
class AuthController {

    private final TokenLogin login;

    AuthController(TokenLogin login) {
        this.login = login;
    }

    /** {@code totp}: the 6-digit one-time code, required of administrators and of accounts enrolled in two-factor. */
    record Credentials(@NotBlank @Size(max = 60) String username, @NotBlank @Size(max = 200) String password,
            @Size(max = 10) String totp) {
    }

    /** {@code totp}: the one-time code, required of an account that has a second factor (as at login). */
    record PasswordChange(@NotBlank @Size(max = 60) String username, @NotBlank @Size(max = 200) String password,
            @Size(max = 10) String totp, @NotBlank @Size(max = 200) String newPassword) {
    }

    @PostMapping("/password")
    @Operation(summary = "Replace one's own password (e.g. an initial one) by proving the current one")
    ResponseEntity<Void> password(@Valid @RequestBody PasswordChange change, HttpServletRequest request) {
        login.changePassword(change.username(), change.password(), change.totp(), change.newPassword(), request);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/token")
    @Operation(summary = "Issue a bearer token for a staff member")
    ResponseEntity<TokenLogin.TokenAnswer> token(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
        return ResponseEntity.ok(login.login(credentials.username(), credentials.password(), credentials.totp(), request));
    }
}
