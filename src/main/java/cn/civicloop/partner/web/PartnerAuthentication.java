package cn.civicloop.partner.web;

import org.springframework.stereotype.Component;

import cn.civicloop.partner.internal.PartnerPrincipal;
import cn.civicloop.partner.internal.TokenIssuer;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.UnauthenticatedException;
import jakarta.servlet.http.HttpServletRequest;

/** The agency's system behind the request's {@code Authorization: Bearer} token, or a 401 problem. */
@Component
class PartnerAuthentication {

    private static final String PREFIX = "Bearer ";

    private final TokenIssuer tokens;

    PartnerAuthentication(TokenIssuer tokens) {
        this.tokens = tokens;
    }

    PartnerPrincipal system(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        String token = header != null && header.startsWith(PREFIX) ? header.substring(PREFIX.length()) : null;
        return tokens.resolve(token).orElseThrow(() -> new UnauthenticatedException(Phrase.of(
                "problem.partner.token", "访问令牌无效或已过期，请用接入凭据重新换取")));
    }
}
