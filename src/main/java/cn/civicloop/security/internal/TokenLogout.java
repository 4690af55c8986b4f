package cn.civicloop.security.internal;

import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Ends an API session: the bearer token of the request is deleted, so it is refused from the next request on, on
 * every instance (tokens are looked up in the database on each request). The audit filter records the call like
 * every state-changing staff request.
 */
@Component
public class TokenLogout {

    private static final String PREFIX = "Bearer ";

    private final ApiTokens tokens;

    TokenLogout(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** Revokes the token the request was authenticated with. */
    public void logout(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.startsWith(PREFIX) && header.length() > PREFIX.length()) {
            tokens.revoke(header.substring(PREFIX.length()).strip());
        }
    }
}
