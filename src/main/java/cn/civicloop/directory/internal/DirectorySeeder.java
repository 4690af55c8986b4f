package cn.civicloop.directory.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import cn.civicloop.directory.Area;
import cn.civicloop.directory.DepartmentKind;
import cn.civicloop.directory.Role;

/**
 * Fills an empty directory from two data files: the area tree (CSV) and departments + staff (YAML).
 * It never changes a row that is there, so admins' edits survive restarts; a demo directory (and only a demo one)
 * gets the departments, units and accounts of the file it lacks, so a demo database started with an older file
 * catches up.
 * <p>
 * The staff of the file are the demo's, loaded only with {@code civicloop.directory.demo-accounts} (the {@code demo}
 * and {@code test} profiles). Without it (production) an empty directory gets one security administrator whose
 * initial password comes from configuration and must be changed at his first login; and the start is refused while
 * any account still holds a known demo password.
 */
@Component
@Order(0)
@EnableConfigurationProperties(DirectoryProperties.class)
class DirectorySeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DirectorySeeder.class);

    private final DirectoryStore store;
    private final StaffAccounts staff;
    private final PasswordEncoder encoder;
    private final Resource areasFile;
    private final Resource seedFile;
    private final DirectoryProperties settings;

    DirectorySeeder(DirectoryStore store, StaffAccounts staff, PasswordEncoder encoder, DirectoryProperties settings) {
        this.store = store;
        this.staff = staff;
        this.encoder = encoder;
        this.areasFile = settings.areasFile();
        this.seedFile = settings.seedFile();
        this.settings = settings;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        if (store.count("directory_area") == 0) {
            int n = loadAreas();
            log.info("Directory: loaded {} areas from {}", n, areasFile);
        }
        if (store.count("directory_department") == 0) {
            loadDepartmentsAndStaff(false);
            log.info("Directory: loaded departments{} from {}", settings.demoAccounts() ? " and demo staff" : "",
                    seedFile);
        } else if (settings.demoAccounts()) {
            int added = loadDepartmentsAndStaff(true);
            if (added > 0) {
                log.info("Directory: added {} departments and demo staff missing from the demo directory ({})", added,
                        seedFile);
            }
        }
        if (!settings.demoAccounts()) {
            if (store.count("directory_staff") == 0) {
                createInitialAdmin();
            }
            DemoPasswords.refuseInProduction(staff, encoder);
        }
    }

    private void createInitialAdmin() {
        var admin = settings.initialAdmin();
        String password = admin.password() == null ? "" : admin.password();
        if (password.length() < 12 || DemoPasswords.PASSWORD.equals(password)) {
            throw new IllegalStateException("An empty production directory needs its first administrator's initial "
                    + "password: set civicloop.directory.initial-admin.password (env CIVICLOOP_ADMIN_PASSWORD), at "
                    + "least 12 characters and not the demo password; it must be changed at the first login. "
                    + "(The demo district starts with the demo profile: --spring.profiles.active=demo.)");
        }
        long id = staff.insert(admin.username(), admin.displayName(), encoder.encode(password), null, null,
                Set.of(Role.SECURITY_ADMIN));
        staff.requirePasswordChange(id);
        log.warn("Directory: created the security administrator '{}' with the configured initial password; he must "
                + "change it at his first login", admin.username());
    }

    /**
     * The hash every account of the file gets: its fixed hash (what a production start looks for), unless the
     * directory hashes at another cost and the file also gives the password, which is then hashed at that cost.
     */
    private String staffPasswordHash(Map<String, Object> seed) {
        Object fixed = seed.get("password-hash");
        Object password = seed.get("password");
        if (fixed != null && (password == null || PasswordHashing.cost(String.valueOf(fixed)) == settings.passwordCost())) {
            return String.valueOf(fixed);
        }
        return encoder.encode(String.valueOf(password));
    }

    private int loadAreas() throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(areasFile.getInputStream(), StandardCharsets.UTF_8))) {
            String header = in.readLine();
            if (header == null || !header.strip().equals("code,name,level,parent_code")) {
                throw new IllegalStateException(areasFile + ": expected header code,name,level,parent_code");
            }
            int count = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != 4) {
                    throw new IllegalStateException(areasFile + ": bad line '" + line + "'");
                }
                store.insertArea(new Area(f[0].strip(), f[1].strip(), f[2].strip(), f[3].isBlank() ? null : f[3].strip()));
                count++;
            }
            return count;
        }
    }

    /**
     * Loads the departments and units of the seed file and, for the demo, its staff. With {@code onlyMissing} (a
     * demo directory that has rows: a database started with an older seed file) only the departments, units and
     * accounts whose code or user name the directory does not know are added, so that a demo database gets what
     * later versions of the file brought (the partners of the online-opinion response, for one) while what is there
     * (edited, deactivated) stays as it is. Running it again adds nothing.
     *
     * @return how many departments, units and accounts were added
     */
    @SuppressWarnings("unchecked")
    private int loadDepartmentsAndStaff(boolean onlyMissing) throws IOException {
        Map<String, Object> seed;
        try (InputStream in = seedFile.getInputStream()) {
            seed = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        int added = 0;
        for (Map<String, Object> dept : (List<Map<String, Object>>) seed.get("departments")) {
            Long known = onlyMissing ? store.departmentByCode((String) dept.get("code")).map(d -> d.id()).orElse(null)
                    : null;
            long id = known != null ? known : insertDepartment(dept, null);
            added += known != null ? 0 : 1;
            for (Map<String, Object> unit : (List<Map<String, Object>>) dept.getOrDefault("units", List.of())) {
                if (!onlyMissing || store.departmentByCode((String) unit.get("code")).isEmpty()) {
                    insertDepartment(unit, id);
                    added++;
                }
            }
        }
        if (!settings.demoAccounts()) {
            return added;
        }
        String password = staffPasswordHash(seed);
        for (Map<String, Object> person : (List<Map<String, Object>>) seed.get("staff")) {
            if (onlyMissing && staff.usernameTaken((String) person.get("username"))) {
                continue;
            }
            added++;
            Set<Role> roles = EnumSet.noneOf(Role.class);
            ((List<String>) person.get("roles")).forEach(r -> roles.add(Role.valueOf(r)));
            Long departmentId = person.get("department") == null ? null
                    : store.departmentByCode((String) person.get("department")).orElseThrow(() ->
                            new IllegalStateException("unknown department " + person.get("department"))).id();
            long id = staff.insert((String) person.get("username"), (String) person.get("name"), password,
                    departmentId, (String) person.get("phone"), roles);
            if (person.get("totp-secret") != null) {
                // the published demo TOTP secret of the demo administrators (docs/demo-data.md), sealed like any other
                staff.setTotpSecret(id, String.valueOf(person.get("totp-secret")));
            }
        }
        return added;
    }

    private long insertDepartment(Map<String, Object> dept, Long parentId) {
        DepartmentKind kind = parentId == null ? DepartmentKind.valueOf((String) dept.get("kind")) : DepartmentKind.UNIT;
        String areaCode = dept.get("area") == null ? null : areaCodeByName((String) dept.get("area"));
        return store.insertDepartment((String) dept.get("code"), (String) dept.get("name"), kind, parentId,
                areaCode, dept.get("phone") == null ? null : String.valueOf(dept.get("phone")),
                Boolean.TRUE.equals(dept.get("linkage")));
    }

    private String areaCodeByName(String name) {
        return store.areas("STREET").stream().filter(a -> a.name().equals(name)).map(Area::code).findFirst()
                .orElseThrow(() -> new IllegalStateException("no street/town area named " + name));
    }
}
