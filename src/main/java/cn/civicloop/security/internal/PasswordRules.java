package cn.civicloop.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.civicloop.directory.PasswordPolicy;
import cn.civicloop.shared.Phrase;

/** The password policy of {@code civicloop.security.password.*}: what a new password needs, and when one expires. */
@Component
class PasswordRules implements PasswordPolicy {

    /** The password of every demo account, published in the README: never accepted as a new password. */
    static final String DEMO_PASSWORD = "civic-demo";
    private static final int MAX_LENGTH = 200;

    private final SecurityProperties.Password settings;
    private final Clock clock;

    PasswordRules(SecurityProperties properties, Clock clock) {
        this.settings = properties.security().password();
        this.clock = clock;
    }

    @Override
    public List<Phrase> problems(String password) {
        List<Phrase> problems = new ArrayList<>();
        int min = settings.minLength();
        if (password == null || password.isBlank() || password.length() < min || password.length() > MAX_LENGTH) {
            problems.add(Phrase.of("problem.security.password-length", "密码长度须为 {0}–{1} 个字符", min, MAX_LENGTH));
            return problems;
        }
        int classes = (password.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isDigit) ? 1 : 0)
                + (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
        if (classes < settings.minClasses()) {
            problems.add(Phrase.of("problem.security.password-classes",
                    "密码须包含小写字母、大写字母、数字、符号中至少 {0} 类", settings.minClasses()));
        }
        if (DEMO_PASSWORD.equals(password)) {
            problems.add(Phrase.of("problem.security.demo-password", "不能使用公开的演示密码"));
        }
        return problems;
    }

    @Override
    public int history() {
        return settings.history();
    }

    @Override
    public boolean firstLoginChange() {
        return settings.firstLoginChange();
    }

    /** True when a password set at {@code changedAt} is older than the expiry (never when expiry is 0). */
    boolean expired(Instant changedAt) {
        return settings.expiryDays() > 0 && changedAt != null
                && changedAt.plus(Duration.ofDays(settings.expiryDays())).isBefore(clock.instant());
    }
}
