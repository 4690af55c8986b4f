package cn.civicloop.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import cn.civicloop.directory.Role;

/**
 * The declared owner of every endpoint, read from {@code src/test/resources/security/endpoint-matrix.txt}:
 * one line per method + path pattern (exactly as in the {@code @RequestMapping}), then {@code PUBLIC},
 * {@code STAFF} (any logged-in staff member) or a comma-separated list of roles.
 */
record EndpointMatrix(List<Row> rows) {

    static final String FILE = "security/endpoint-matrix.txt";

    record Row(String method, String pattern, Set<Role> owners, boolean isPublic, int line) {
        boolean anyStaff() {
            return !isPublic && owners.containsAll(EnumSet.complementOf(EnumSet.of(Role.SYSTEM)));
        }

        boolean isApi() {
            return pattern.startsWith("/api/");
        }

        @Override
        public String toString() {
            return method + " " + pattern + " (line " + line + ")";
        }
    }

    static EndpointMatrix load() {
        List<Row> rows = new ArrayList<>();
        var in = EndpointMatrix.class.getClassLoader().getResourceAsStream(FILE);
        if (in == null) {
            throw new IllegalStateException(FILE + " is missing");
        }
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String[] parts = text.split("\\s+");
                if (parts.length != 3) {
                    throw new IllegalStateException(FILE + ":" + n + ": expected METHOD PATTERN OWNERS, got: " + line);
                }
                Set<Role> owners = EnumSet.noneOf(Role.class);
                boolean isPublic = parts[2].equals("PUBLIC");
                if (parts[2].equals("STAFF")) {
                    owners.addAll(EnumSet.complementOf(EnumSet.of(Role.SYSTEM)));
                } else if (!isPublic) {
                    for (String role : parts[2].split(",")) {
                        owners.add(Role.valueOf(role));
                    }
                }
                rows.add(new Row(parts[0], parts[1], owners, isPublic, n));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EndpointMatrix(rows);
    }

    Row find(String method, String pattern) {
        return rows.stream().filter(r -> r.method().equals(method) && r.pattern().equals(pattern)).findFirst()
                .orElse(null);
    }
}
