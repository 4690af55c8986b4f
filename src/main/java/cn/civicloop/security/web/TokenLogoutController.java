package cn.civicloop.security.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.civicloop.security.internal.TokenLogout;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/** Revokes the caller's own bearer token (owner: any logged-in member of staff, the default of the API door). */
@RestController
@Tag(name = "auth", description = "Staff authentication")
class TokenLogoutController {

    private final TokenLogout logout;

    TokenLogoutController(TokenLogout logout) {
        this.logout = logout;
    }

    @PostMapping("/api/v1/auth/logout")
    @Operation(summary = "Revoke the bearer token of this request (log out of the API)")
    ResponseEntity<Void> logout(HttpServletRequest request) {
        logout.logout(request);
        return ResponseEntity.noContent().build();
    }
}
