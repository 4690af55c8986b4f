package cn.civicloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The README's module map is a promise to the reader: its rows are the application's modules, and its "depends on"
 * column names exactly the modules each one uses directly (any kind of dependency Spring Modulith sees: calls,
 * types, events listened to). A module added, removed or renamed, or a dependency gained or lost, fails this test
 * with the rows to write.
 */
class ModuleMapDocumentationTests {

    private static final Path README = Path.of("README.md");

    /** The first `name` in a cell; cells may add words after it ("`shared` (open)"). */
    private static final Pattern MODULE_NAME = Pattern.compile("`([a-z][a-z0-9_]*)`");

    /** A cell saying "no dependency". */
    private static final Set<String> NOTHING = Set.of("", "—", "-", "–", "none", "nothing");

    @Test
    void theReadmeModuleMapNamesEveryModuleAndItsDirectDependencies() throws IOException {
        ApplicationModules modules = ApplicationModules.of(CivicLoopApplication.class);
        Map<String, Set<String>> code = dependenciesInCode(modules);
        Map<String, Set<String>> readme = moduleMap(Files.readString(README, StandardCharsets.UTF_8));

        String differences = differences(readme, code);
        assertThat(differences).withFailMessage("README.md's module map (section \"## Module map\") differs from the"
                + " modules Spring Modulith finds in the code:%n%s", differences).isEmpty();
    }

    @Test
    void aMapThatDiffersIsReportedRowByRow() {
        Map<String, Set<String>> code = Map.of("geo", Set.of(), "cases", Set.of("shared", "calendar"),
                "shared", Set.of());
        Map<String, Set<String>> readme = moduleMap("""
                ## Module map

                | module | what it owns | depends on |
                |---|---|---|
                | `shared` (open) | exceptions | — |
                | `cases` | the loop | shared, directory |
                | `routing` | the classifier | shared |
                """);

        assertThat(differences(readme, code))
                .contains("geo: in the code, not in the README; its row: | `geo` | … | — |")
                .contains("routing: in the README, not in the code")
                .contains("cases: README says directory, shared; the code depends on calendar, shared"
                        + " (not in the README: calendar; not in the code: directory)")
                .doesNotContain("shared:");
    }

    @Test
    void aReadmeWithoutTheTableSaysSo() {
        assertThatThrownBy(() -> moduleMap("# CivicLoop\n\nNo map here.\n"))
                .hasMessageContaining("## Module map");
        assertThatThrownBy(() -> moduleMap("## Module map\n\n| module | owns |\n|---|---|\n| `geo` | x |\n"))
                .hasMessageContaining("depends on");
    }

    @Test
    void readsNamesInBackticksAndDashesForNothing() {
        Map<String, Set<String>> map = moduleMap("""
                ## Module map

                Text before the table.

                | module | what it owns | depends on | page |
                |---|---|---|---|
                | `shared` (open) | masking, `DistrictTime` | — | [shared](docs/shared.md) |
                | `cases` | the case, `CaseAction` | `shared`, directory,calendar | [cases](docs/cases.md) |

                ## Next section

                | module | depends on |
                |---|---|
                | `ignored` | cases |
                """);

        assertThat(map).containsOnlyKeys("shared", "cases");
        assertThat(map.get("shared")).isEmpty();
        assertThat(map.get("cases")).containsExactlyInAnyOrder("shared", "directory", "calendar");
    }

    /** Each module's identifier and the identifiers of the modules it depends on directly, itself excluded. */
    static Map<String, Set<String>> dependenciesInCode(ApplicationModules modules) {
        Map<String, Set<String>> result = new TreeMap<>();
        for (ApplicationModule module : modules) {
            String name = module.getIdentifier().toString();
            result.put(name, module.getDirectDependencies(modules).uniqueModules()
                    .map(target -> target.getIdentifier().toString())
                    .filter(target -> !target.equals(name))
                    .collect(Collectors.toCollection(TreeSet::new)));
        }
        return result;
    }

    /** The first table under the heading "## Module map": module name → the names in its "depends on" cell. */
    static Map<String, Set<String>> moduleMap(String markdown) {
        List<String> lines = markdown.lines().toList();
        int heading = lines.indexOf("## Module map");
        if (heading < 0) {
            throw new IllegalStateException("README.md has no heading \"## Module map\"");
        }
        List<List<String>> table = new ArrayList<>();
        for (int i = heading + 1; i < lines.size() && !lines.get(i).startsWith("#"); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("|")) {
                table.add(cells(line));
            } else if (!table.isEmpty()) {
                break;
            }
        }
        if (table.size() < 3) {
            throw new IllegalStateException("no table with a header and rows under \"## Module map\"");
        }
        List<String> header = table.get(0).stream().map(String::toLowerCase).toList();
        int module = header.indexOf("module");
        int dependsOn = header.indexOf("depends on");
        if (module < 0 || dependsOn < 0) {
            throw new IllegalStateException("the module map needs the columns \"module\" and \"depends on\", has "
                    + header);
        }
        Map<String, Set<String>> map = new TreeMap<>();
        for (List<String> row : table.subList(2, table.size())) {
            Matcher name = MODULE_NAME.matcher(row.get(module));
            if (!name.find()) {
                throw new IllegalStateException("a module map row without a `module` name: " + row);
            }
            map.put(name.group(1), names(row.get(dependsOn)));
        }
        return map;
    }

    private static List<String> cells(String row) {
        String inner = row.substring(1, row.endsWith("|") ? row.length() - 1 : row.length());
        return List.of(inner.split("\\|", -1)).stream().map(String::strip).toList();
    }

    private static Set<String> names(String cell) {
        Set<String> names = new TreeSet<>();
        if (NOTHING.contains(cell.toLowerCase())) {
            return names;
        }
        for (String part : cell.split(",")) {
            names.add(part.replace("`", "").strip());
        }
        return names;
    }

    /** One line per difference, with the row or cell to write; empty when README and code agree. */
    static String differences(Map<String, Set<String>> readme, Map<String, Set<String>> code) {
        StringBuilder out = new StringBuilder();
        for (var module : code.entrySet()) {
            Set<String> documented = readme.get(module.getKey());
            if (documented == null) {
                out.append(module.getKey()).append(": in the code, not in the README; its row: | `")
                        .append(module.getKey()).append("` | … | ").append(cell(module.getValue())).append(" |\n");
            } else if (!documented.equals(module.getValue())) {
                out.append(module.getKey()).append(": README says ").append(cell(documented))
                        .append("; the code depends on ").append(cell(module.getValue()))
                        .append(" (not in the README: ").append(cell(minus(module.getValue(), documented)))
                        .append("; not in the code: ").append(cell(minus(documented, module.getValue())))
                        .append(")\n");
            }
        }
        for (String documented : readme.keySet()) {
            if (!code.containsKey(documented)) {
                out.append(documented).append(": in the README, not in the code\n");
            }
        }
        return out.toString();
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }

    private static String cell(Set<String> names) {
        return names.isEmpty() ? "—" : String.join(", ", new TreeSet<>(names));
    }
}
