package cn.civicloop.directory.internal;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How staff passwords are hashed before they are stored: bcrypt at the directory's cost
 * ({@code civicloop.directory.password-cost}), its id kept in the hash so a later algorithm can take over. The same
 * bean checks a password at login; a stored hash is checked at the cost it was made with.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

    private static final Pattern BCRYPT_COST = Pattern.compile("^\\{bcrypt}\\$2[aby]?\\$(\\d\\d)\\$");

    @Bean
    PasswordEncoder passwordEncoder(DirectoryProperties settings) {
        return new DelegatingPasswordEncoder("bcrypt",
                Map.of("bcrypt", new BCryptPasswordEncoder(settings.passwordCost())));
    }

    /** The cost a stored bcrypt hash was made with, or -1 for anything else. */
    static int cost(String storedHash) {
        Matcher m = BCRYPT_COST.matcher(storedHash);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }
}
