package cn.civicloop.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A configured tracking key is long enough to resist a search from a few tokens, or the application does not start. */
class TrackingSecretTests {

    private static CasesProperties with(String secret) {
        return new CasesProperties(null, secret, null, 730);
    }

    @Test
    void aShortConfiguredKeyIsRefused() {
        assertThatThrownBy(() -> new TrackingTokens(null, with("changeme"))).hasMessageContaining("at least 32");
        assertThatThrownBy(() -> new TrackingTokens(null, with("x".repeat(31)))).hasMessageContaining("at least 32");
    }

    @Test
    void aLongConfiguredKeySignsWithoutTheDatabase() {
        TrackingTokens tokens = new TrackingTokens(null, with("k".repeat(32)));
        assertThat(tokens.tokenFor("SZ-20261206-000001")).matches("[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}");
        assertThat(tokens.matches("SZ-20261206-000001", tokens.tokenFor("SZ-20261206-000001"))).isTrue();
    }
}
