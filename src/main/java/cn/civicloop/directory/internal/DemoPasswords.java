package cn.civicloop.directory.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The published demo password and where it can be found: the one fixed hash the demo directory stores for all its
 * accounts, and, for directories seeded before that hash was fixed, the demo usernames whose (salted) hash still
 * matches the demo password. A production start with either refuses to go on.
 */
final class DemoPasswords {

    /** The password of every demo account, published in the README. */
    static final String PASSWORD = "civic-demo";

    private static final String DEMO_FILE = "directory/demo-directory.yml";

    private DemoPasswords() {
    }

    /** Throws when an account holds a known demo password; checks at most one hash per demo username. */
    static void refuseInProduction(StaffAccounts staff, PasswordEncoder encoder) {
        Map<String, Object> demo = demoFile();
        String knownHash = String.valueOf(demo.get("password-hash"));
        List<String> found = staff.usernamesWithHash(knownHash);
        if (found.isEmpty()) {
            Set<String> demoNames = demoUsernames(demo);
            found = staff.hashesOf(demoNames).entrySet().stream()
                    .filter(e -> encoder.matches(PASSWORD, e.getValue())).map(Map.Entry::getKey).sorted().toList();
        }
        if (!found.isEmpty()) {
            throw new IllegalStateException("Refusing to start in production: " + found.size() + " account(s) still "
                    + "hold the published demo password (e.g. " + found.get(0) + "). Reset their passwords or "
                    + "start once with the demo profile to do so, or run the demo with --spring.profiles.active=demo.");
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> demoUsernames(Map<String, Object> demo) {
        return ((List<Map<String, Object>>) demo.get("staff")).stream().map(p -> (String) p.get("username"))
                .collect(Collectors.toSet());
    }

    private static Map<String, Object> demoFile() {
        try (InputStream in = new ClassPathResource(DEMO_FILE).getInputStream()) {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEMO_FILE, e);
        }
    }
}
