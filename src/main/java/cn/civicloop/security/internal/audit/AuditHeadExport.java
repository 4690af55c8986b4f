package cn.civicloop.security.internal.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes the chain's head (newest sequence number and its MAC) to {@code audit-head.log} in the export directory,
 * one tab-separated line {@code time seq mac key-id} appended each time the head has moved, and logs it on the
 * logger {@code civicloop.audit.head} (for a central log collector). The directory is one the database's user cannot
 * write; a head found there later proves how far the chain reached at that time, so rows removed from its end, or a
 * chain rewritten by someone holding the key, no longer verify.
 */
public class AuditHeadExport {

    static final String FILE = "audit-head.log";
    private static final Logger headLog = LoggerFactory.getLogger("civicloop.audit.head");

    /** One exported head. */
    public record Head(Instant at, long seq, String mac, String keyId) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Path directory;

    AuditHeadExport(JdbcClient jdbc, Clock clock, AuditProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        String dir = properties.headExport().directory();
        this.directory = dir.isBlank() ? null : Path.of(dir);
    }

    public boolean enabled() {
        return directory != null;
    }

    /** Appends the current head unless it is the one written last; returns what was written. */
    public synchronized Optional<Head> export() {
        if (directory == null) {
            return Optional.empty();
        }
        var head = jdbc.sql("select h.last_seq, h.last_hash, l.key_id from security_audit_head h "
                + "left join security_audit_log l on l.seq = h.last_seq where h.id = 1")
                .query((rs, n) -> new Head(clock.instant(), rs.getLong(1), rs.getString(2), rs.getString(3)))
                .single();
        if (head.seq() == 0) {
            return Optional.empty();
        }
        var last = read().lastEntry();
        if (last != null && last.getValue().seq() == head.seq() && last.getValue().mac().equals(head.mac())) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(FILE), head.at() + "\t" + head.seq() + "\t" + head.mac() + "\t"
                    + (head.keyId() == null ? "" : head.keyId()) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("The audit head cannot be written to " + directory, e);
        }
        headLog.info("audit head seq={} mac={} key={}", head.seq(), head.mac(), head.keyId());
        return Optional.of(head);
    }

    /** Every head exported so far, by sequence number (the later line wins if one appears twice). */
    public TreeMap<Long, Head> read() {
        TreeMap<Long, Head> heads = new TreeMap<>();
        if (directory == null || !Files.exists(directory.resolve(FILE))) {
            return heads;
        }
        try {
            List<String> lines = Files.readAllLines(directory.resolve(FILE), StandardCharsets.UTF_8);
            for (String line : lines) {
                String[] f = line.split("\t", -1);
                if (f.length >= 3) {
                    long seq = Long.parseLong(f[1]);
                    heads.put(seq, new Head(Instant.parse(f[0]), seq, f[2], f.length > 3 ? f[3] : ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The audit head export cannot be read from " + directory, e);
        }
        return heads;
    }
}
