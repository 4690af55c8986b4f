package cn.civicloop.security.internal;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;

import cn.civicloop.shared.Phrase;

/**
 * A refused login carries its reason as a phrase of the bundles, so that the token endpoint answers it in the
 * request's language; Spring Security's own exceptions only hold a text (their message is the Chinese default).
 */
final class LoginRefusals {

    private LoginRefusals() {
    }

    static LockedException locked(Phrase reason) {
        return new Locked(reason);
    }

    static BadCredentialsException wrong(Phrase reason) {
        return new Wrong(reason);
    }

    /** The reason of a refusal raised here; any other refusal of a login reads as a wrong name or password. */
    static Phrase reason(AuthenticationException e) {
        if (e instanceof Locked locked) {
            return locked.reason;
        }
        return e instanceof Wrong wrong ? wrong.reason : WRONG_PASSWORD;
    }

    static final Phrase WRONG_PASSWORD = Phrase.of("problem.security.wrong-password", "用户名或密码错误");
    static final Phrase WRONG_CODE = Phrase.of("problem.security.wrong-code", "动态口令错误或已使用");

    private static final class Locked extends LockedException {
        private final transient Phrase reason;

        Locked(Phrase reason) {
            super(reason.text());
            this.reason = reason;
        }
    }

    private static final class Wrong extends BadCredentialsException {
        private final transient Phrase reason;

        Wrong(Phrase reason) {
            super(reason.text());
            this.reason = reason;
        }
    }
}
