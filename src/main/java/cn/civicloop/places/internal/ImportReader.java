package cn.civicloop.places.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import cn.civicloop.geo.GeoPoint;
import cn.civicloop.geo.Jurisdictions;
import cn.civicloop.geo.Placement;
import cn.civicloop.places.PlaceLevel;
import cn.civicloop.shared.CsvCells;
import cn.civicloop.shared.Phrase;

/**
 * Reads and checks an import file record by record (CSV lines, GeoJSON features), collecting every problem (up to
 * {@value #MAX_PROBLEMS}) with where it stands: columns, codes (well-formed, not twice in the file), level and kind,
 * the parent (in the file or the gazetteer, of the right level), the name, the point (a number, inside the district
 * and inside an area), a road's line. Elements come back placed in their grid, community and street.
 */
final class ImportReader {

    static final int MAX_PROBLEMS = 50;
    static final int MAX_ROWS = 200_000;

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Map<PlaceLevel, Set<PlaceLevel>> PARENTS = Map.of(
            PlaceLevel.ROAD, Set.of(), PlaceLevel.PLACE, Set.of(PlaceLevel.DOORPLATE),
            PlaceLevel.DOORPLATE, Set.of(PlaceLevel.ROAD), PlaceLevel.GATE, Set.of(PlaceLevel.PLACE),
            PlaceLevel.BUILDING, Set.of(PlaceLevel.PLACE, PlaceLevel.DOORPLATE),
            PlaceLevel.UNIT, Set.of(PlaceLevel.BUILDING), PlaceLevel.ROOM, Set.of(PlaceLevel.UNIT));

    private final Jurisdictions areas;
    private final Function<String, Optional<PlaceLevel>> storedLevel;
    final List<ImportProblem> problems = new ArrayList<>();
    final List<Element> elements = new ArrayList<>();

    /** @param storedLevel the level of an element already in the gazetteer, by code */
    ImportReader(Jurisdictions areas, Function<String, Optional<PlaceLevel>> storedLevel) {
        this.areas = areas;
        this.storedLevel = storedLevel;
    }

    /** One record of an import file with where it stands ({@code line 3}, {@code features[2]}) and its cells. */
    record Row(int number, boolean feature, List<String> cells) {

        /** {@code line N} (from 1, the header being line 1) or {@code features[N]} (from 0). */
        String where() {
            return feature ? "features[" + number + "]" : "line " + number;
        }
    }

    /** Reads a CSV file: the header first, then one element per line. */
    void read(String text) {
        List<String> lines = CsvCells.lines(text);
        if (lines.isEmpty() || !GazetteerCsv.cells(lines.get(0)).stream().map(String::trim).map(String::toLowerCase)
                .toList().equals(List.of(GazetteerCsv.HEADER.split(",")))) {
            problem("line 1", "problem.places.import-header", "第一行必须是列名：{0}", GazetteerCsv.HEADER);
            return;
        }
        if (lines.size() - 1 > MAX_ROWS) {
            problem("line 1", "problem.places.import-too-many", "一次最多导入 {0} 行", MAX_ROWS);
            return;
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                rows.add(new Row(i + 1, false, GazetteerCsv.cells(lines.get(i))));
            }
        }
        check(rows);
    }

    /**
     * Checks rows already split into cells (of a CSV line, or of a GeoJSON feature turned into the same cells); a
     * problem found while splitting is added by the caller with {@link #problem}.
     */
    void check(List<Row> rows) {
        Map<String, Row> firstOf = new HashMap<>();
        Map<String, PlaceLevel> levelInFile = new HashMap<>();
        List<Object[]> pending = new ArrayList<>();
        for (Row row : rows) {
            if (problems.size() >= MAX_PROBLEMS) {
                break;
            }
            String n = row.where();
            List<String> c = row.cells();
            if (c.size() != GazetteerCsv.COLUMNS) {
                problem(n, "problem.places.import-columns", "应有 {0} 列，实际 {1} 列", GazetteerCsv.COLUMNS, c.size());
                continue;
            }
            String code = c.get(0).trim();
            if (!CODE.matcher(code).matches()) {
                problem(n, "problem.places.import-code", "编码“{0}”不合规：字母、数字、-、_，最长 64 位", code);
                continue;
            }
            Row first = firstOf.putIfAbsent(code, row);
            if (first != null && first.feature()) {
                problem(n, "problem.places.import-duplicate-feature", "编码 {0} 重复（要素 {1} 已有）", code,
                        first.number());
                continue;
            } else if (first != null) {
                problem(n, "problem.places.import-duplicate", "编码 {0} 重复（第 {1} 行已有）", code, first.number());
                continue;
            }
            PlaceLevel level = GazetteerCsv.level(c.get(1));
            if (level == null) {
                problem(n, "problem.places.import-level", "层级“{0}”无效", c.get(1));
                continue;
            }
            levelInFile.put(code, level);
            pending.add(new Object[] { n, c, level });
        }
        for (Object[] p : pending) {
            if (problems.size() >= MAX_PROBLEMS) {
                break;
            }
            @SuppressWarnings("unchecked")
            List<String> c = (List<String>) p[1];
            row((String) p[0], c, (PlaceLevel) p[2], levelInFile);
        }
    }

    private void row(String n, List<String> c, PlaceLevel level, Map<String, PlaceLevel> levelInFile) {
        String kind = blank(c.get(2));
        if (!kindFits(level, kind)) {
            problem(n, "problem.places.import-kind", "类别“{0}”不适用于该层级", kind == null ? "" : kind);
            return;
        }
        String parent = blank(c.get(3));
        Set<PlaceLevel> allowed = PARENTS.get(level);
        if (parent == null && Set.of(PlaceLevel.DOORPLATE, PlaceLevel.GATE, PlaceLevel.UNIT, PlaceLevel.ROOM)
                .contains(level)) {
            problem(n, "problem.places.import-parent-missing", "该层级必须填写上级编码");
            return;
        }
        if (parent != null) {
            PlaceLevel pl = levelInFile.containsKey(parent) ? levelInFile.get(parent)
                    : storedLevel.apply(parent).orElse(null);
            if (pl == null) {
                problem(n, "problem.places.import-parent-unknown", "上级编码 {0} 不存在", parent);
                return;
            }
            if (!allowed.contains(pl)) {
                problem(n, "problem.places.import-parent-level", "上级 {0} 的层级不能包含本行", parent);
                return;
            }
        }
        String name = c.get(4).trim();
        if (name.isEmpty() || name.length() > 80 || name.contains("|")) {
            problem(n, "problem.places.import-name", "名称必填，最长 80 字，不能含 |");
            return;
        }
        if (c.get(5).length() > 400 || c.get(6).length() > 400) {
            problem(n, "problem.places.import-aliases", "别名、曾用名各最长 400 字");
            return;
        }
        GeoPoint point;
        try {
            point = new GeoPoint(Double.parseDouble(c.get(7).trim()), Double.parseDouble(c.get(8).trim()));
        } catch (IllegalArgumentException e) {
            problem(n, "problem.places.import-point", "经纬度无效：{0}, {1}", c.get(7), c.get(8));
            return;
        }
        Optional<Placement> at = areas.withinDistrict(point) ? areas.locate(point) : Optional.empty();
        if (at.isEmpty()) {
            problem(n, "problem.places.import-outside", "坐标 {0}, {1} 不在本区任何网格内", c.get(7), c.get(8));
            return;
        }
        String line = blank(c.get(9));
        if (line != null) {
            try {
                Polyline.parse(line);
            } catch (RuntimeException e) {
                problem(n, "problem.places.import-line", "道路走向格式应为“经度 纬度;经度 纬度;…”");
                return;
            }
        }
        elements.add(new Element(c.get(0).trim(), level, kind, parent, name, names(c.get(5)), names(c.get(6)),
                point.lat(), point.lon(), level == PlaceLevel.ROAD ? line : null, at.get().street().code(),
                at.get().community().code(), at.get().grid().code()));
    }

    private static boolean kindFits(PlaceLevel level, String kind) {
        if (level == PlaceLevel.PLACE) {
            return kind != null && Set.of(PlaceKind.values()).stream()
                    .anyMatch(k -> k != PlaceKind.GATE && k.name().equals(kind));
        }
        return kind == null || level == PlaceLevel.GATE && kind.equals(PlaceKind.GATE.name());
    }

    private static List<String> names(String cell) {
        return cell.isBlank() ? List.of()
                : java.util.Arrays.stream(cell.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    void problem(String where, String key, String fallback, Object... args) {
        problems.add(new ImportProblem(where, Phrase.of(key, fallback, args)));
    }
}
