package cn.civicloop.partner.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.civicloop.partner.internal.TokenIssuer;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.Phrase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The client-credentials exchange (OAuth 2.0's {@code client_credentials} grant, RFC 6749 §4.4): the client id and a
 * key's secret, as HTTP Basic or as form fields, give a short-lived bearer token. Owner: public (the credentials are
 * checked here).
 */
@Tag(name = "Partner API")
@RestController
class PartnerTokenController {

    private final TokenIssuer tokens;

    PartnerTokenController(TokenIssuer tokens) {
        this.tokens = tokens;
    }

    @PostMapping(path = "/api/v1/partner/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Operation(summary = "A bearer token for the agency's system (grant_type=client_credentials)")
    ResponseEntity<Map<String, Object>> token(@RequestParam(name = "grant_type", required = false) String grantType,
            @RequestParam(name = "client_id", required = false) String clientId,
            @RequestParam(name = "client_secret", required = false) String clientSecret,
            @RequestHeader(name = "Authorization", required = false) String authorization) {
        if (!"client_credentials".equals(grantType)) {
            throw new InvalidInputException("grant_type", Phrase.of("problem.partner.grant",
                    "grant_type 应为 client_credentials"));
        }
        if (authorization != null && authorization.startsWith("Basic ")) {
            String[] pair = basic(authorization.substring(6).strip());
            clientId = pair[0];
            clientSecret = pair[1];
        }
        TokenIssuer.Token token = tokens.exchange(clientId, clientSecret);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token.accessToken());
        body.put("token_type", "Bearer");
        body.put("expires_in", token.expiresInSeconds());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    private static String[] basic(String encoded) {
        try {
            String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? new String[] {pair, null} : new String[] {pair.substring(0, colon), pair.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return new String[] {null, null};
        }
    }
}
