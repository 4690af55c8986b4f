package cn.civicloop.security.internal.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys of the audit chain: the current one (signs new rows) and retired ones (verify old rows). From
 * configuration or a key file, never from the database; a key shorter than {@value #MIN_LENGTH} characters stops the
 * start.
 */
public final class AuditKeys {

    public static final int MIN_LENGTH = 32;
    private static final Logger log = LoggerFactory.getLogger(AuditKeys.class);

    private final String currentId;
    private final Map<String, byte[]> keys;

    AuditKeys(String currentId, Map<String, byte[]> keys) {
        this.currentId = currentId;
        this.keys = Map.copyOf(keys);
    }

    public static AuditKeys from(AuditProperties p) {
        Map<String, byte[]> keys = new HashMap<>();
        p.retiredKeys().forEach((id, key) -> keys.put(id, checked("civicloop.security.audit.retired-keys." + id, key)));
        keys.put(p.keyId(), checked("civicloop.security.audit.key", current(p)));
        return new AuditKeys(p.keyId(), keys);
    }

    private static String current(AuditProperties p) {
        if (!p.key().isBlank()) {
            return p.key().strip();
        }
        if (p.keyFile().isBlank()) {
            throw new IllegalStateException("The audit chain needs a key: set civicloop.security.audit.key "
                    + "(CIVICLOOP_AUDIT_KEY) or civicloop.security.audit.key-file (CIVICLOOP_AUDIT_KEY_FILE), at least "
                    + MIN_LENGTH + " characters, kept outside the database");
        }
        Path file = Path.of(p.keyFile());
        try {
            if (!Files.exists(file) && p.generateKeyFile()) {
                generate(file);
            }
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
        } catch (IOException e) {
            throw new UncheckedIOException("The audit key file " + file + " cannot be read", e);
        }
    }

    private static void generate(Path file) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        Files.writeString(file, HexFormat.of().formatHex(random) + "\n", StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own permissions protect it
        }
        log.warn("Generated a new audit chain key in {} (demo); production supplies its own key", file);
    }

    private static byte[] checked(String name, String key) {
        if (key == null || key.strip().length() < MIN_LENGTH) {
            throw new IllegalStateException(name + " is shorter than " + MIN_LENGTH + " characters");
        }
        return key.strip().getBytes(StandardCharsets.UTF_8);
    }

    public String currentId() {
        return currentId;
    }

    public byte[] current() {
        return keys.get(currentId);
    }

    /** The key of that id, or null when it is not configured (a row signed by an unknown key cannot verify). */
    public byte[] byId(String id) {
        return id == null ? null : keys.get(id);
    }
}
