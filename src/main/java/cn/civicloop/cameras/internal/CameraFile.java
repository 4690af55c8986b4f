package cn.civicloop.cameras.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import cn.civicloop.cameras.CameraStatus;
import cn.civicloop.shared.CsvCells;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.Text;
import cn.civicloop.shared.web.CsvLines;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The registry's files. CSV ({@value #HEADER}, header first, UTF-8 or GBK, quoted cells with doubled quotes) and
 * GeoJSON (a FeatureCollection of Point features, coordinates {@code [lon, lat]} in WGS84, the other columns as
 * properties). Reading checks every row and collects every problem (up to {@value #MAX_PROBLEMS}) with where it is:
 * {@code line N} of the CSV (the header is line 1), {@code feature N} of the GeoJSON (its index in
 * {@code features}, from 0).
 */
final class CameraFile {

    static final String HEADER = "code,name,lat,lon,owner,status,kind";
    static final int MAX_PROBLEMS = 50;
    static final int MAX_ROWS = 200_000;

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Charset GBK = Charset.forName("GBK");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    final List<ImportProblem> problems = new ArrayList<>();
    final List<Camera> cameras = new ArrayList<>();
    private final Map<String, String> seen = new HashMap<>();

    /** Reads a CSV file or a GeoJSON one (a file whose text starts with an opening brace is GeoJSON). */
    static CameraFile read(byte[] bytes) {
        CameraFile file = new CameraFile();
        String text = text(bytes);
        if (text == null) {
            file.problem("file", Phrase.of("problem.cameras.import-encoding", "文件既不是 UTF-8 也不是 GBK 编码"));
        } else if (text.stripLeading().startsWith("{")) {
            file.readGeoJson(text);
        } else {
            file.readCsv(text);
        }
        return file;
    }

    /** UTF-8 (a byte-order mark dropped) when the bytes are valid UTF-8, else GBK, else null. */
    static String text(byte[] bytes) {
        String s = decode(bytes, StandardCharsets.UTF_8);
        if (s == null) {
            s = decode(bytes, GBK);
        }
        return s == null ? null : s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static String decode(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private void readCsv(String text) {
        List<String> lines = CsvCells.lines(text);
        if (lines.isEmpty() || !cells(lines.get(0)).stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList()
                .equals(List.of(HEADER.split(",")))) {
            problem("line 1", Phrase.of("problem.cameras.import-header", "第一行必须是列名：{0}", HEADER));
            return;
        }
        if (lines.size() - 1 > MAX_ROWS) {
            problem("line 1", Phrase.of("problem.cameras.import-too-many", "一次最多导入 {0} 行", MAX_ROWS));
            return;
        }
        for (int i = 1; i < lines.size() && problems.size() < MAX_PROBLEMS; i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String where = "line " + (i + 1);
            List<String> c = cells(lines.get(i));
            if (c.size() != 7) {
                problem(where, Phrase.of("problem.cameras.import-columns", "应有 {0} 列，实有 {1} 列", 7, c.size()));
                continue;
            }
            row(where, c.get(0), c.get(1), number(c.get(2)), number(c.get(3)), c.get(4), c.get(5), c.get(6));
        }
    }

    private void readGeoJson(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            problem("file", Phrase.of("problem.cameras.import-json", "GeoJSON 无法解析：{0}", e.getOriginalMessage()));
            return;
        }
        JsonNode features = root.get("features");
        if (!"FeatureCollection".equals(root.path("type").asString(null)) || features == null || !features.isArray()) {
            problem("file", Phrase.of("problem.cameras.import-collection", "GeoJSON 必须是含 features 的 FeatureCollection"));
            return;
        }
        if (features.size() > MAX_ROWS) {
            problem("file", Phrase.of("problem.cameras.import-too-many", "一次最多导入 {0} 行", MAX_ROWS));
            return;
        }
        for (int i = 0; i < features.size() && problems.size() < MAX_PROBLEMS; i++) {
            String where = "feature " + i;
            JsonNode f = features.get(i);
            JsonNode g = f.path("geometry");
            JsonNode xy = g.path("coordinates");
            if (!"Point".equals(g.path("type").asString(null)) || !xy.isArray() || xy.size() < 2
                    || !xy.get(0).isNumber() || !xy.get(1).isNumber()) {
                problem(where, Phrase.of("problem.cameras.import-point", "几何必须是点（Point），坐标为 [经度, 纬度]"));
                continue;
            }
            JsonNode p = f.path("properties");
            row(where, prop(p, "code"), prop(p, "name"), xy.get(1).asDouble(), xy.get(0).asDouble(), prop(p, "owner"),
                    prop(p, "status"), prop(p, "kind"));
        }
    }

    private static String prop(JsonNode properties, String name) {
        JsonNode v = properties.get(name);
        return v == null || v.isNull() ? null : v.isValueNode() ? v.asString() : v.toString();
    }

    private void row(String where, String rawCode, String rawName, Double lat, Double lon, String rawOwner,
            String rawStatus, String rawKind) {
        int before = problems.size();
        String code = Text.cleanOrNull(rawCode);
        if (code == null || !CODE.matcher(code).matches()) {
            problem(where, Phrase.of("problem.cameras.import-code", "编码须为 1 至 64 位字母、数字、- 或 _"));
        } else if (seen.containsKey(code)) {
            problem(where, Phrase.of("problem.cameras.import-duplicate", "编码 {0} 与 {1} 重复", code, seen.get(code)));
        }
        String name = required(where, rawName, "name", 200);
        String owner = required(where, rawOwner, "owner", 200);
        String kind = required(where, rawKind, "kind", 40);
        if (lat == null || lon == null || lat.isNaN() || lon.isNaN()) {
            problem(where, Phrase.of("problem.cameras.import-number", "纬度和经度须为数字"));
        } else if (lat < 0.83 || lat > 55.83 || lon < 72.0 || lon > 137.84) {
            problem(where, Phrase.of("problem.cameras.import-outside", "坐标 ({0}, {1}) 不在中国境内（WGS84 纬度, 经度）",
                    lat, lon));
        }
        CameraStatus status = status(rawStatus);
        if (status == null) {
            problem(where, Phrase.of("problem.cameras.import-status", "状态须为 ONLINE、OFFLINE、MAINTENANCE（在线、离线、维护）之一"));
        }
        if (problems.size() == before) {
            seen.put(code, where);
            cameras.add(new Camera(code, name, lat, lon, owner, status, kind));
        }
    }

    private String required(String where, String raw, String column, int max) {
        String v = Text.cleanOrNull(raw);
        if (v == null) {
            problem(where, Phrase.of("problem.cameras.import-required", "{0} 不能为空", column));
        } else if (v.length() > max) {
            problem(where, Phrase.of("problem.cameras.import-too-long", "{0} 最多 {1} 字", column, max));
        }
        return v;
    }

    /** The status by its name or its Chinese word; null when neither. */
    static CameraStatus status(String raw) {
        String v = Text.cleanOrNull(raw);
        if (v == null) {
            return null;
        }
        return switch (v.toUpperCase(Locale.ROOT)) {
            case "ONLINE", "在线" -> CameraStatus.ONLINE;
            case "OFFLINE", "离线" -> CameraStatus.OFFLINE;
            case "MAINTENANCE", "维护", "维护中" -> CameraStatus.MAINTENANCE;
            default -> null;
        };
    }

    private static Double number(String s) {
        try {
            return s == null || s.isBlank() ? null : Double.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void problem(String where, Phrase reason) {
        problems.add(new ImportProblem(where, reason));
    }

    /** The cells of one CSV line: quoted cells with doubled quotes, and the apostrophe the export puts before a formula. */
    static List<String> cells(String line) {
        return CsvCells.of(line, (cell, quoted) -> defused(cell));
    }

    private static String defused(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@".indexOf(cell.charAt(1)) >= 0 ? cell.substring(1)
                : cell;
    }

    static String csvHeader() {
        return CsvLines.line(HEADER.split(","));
    }

    static String csvLine(Camera c) {
        return CsvLines.line(c.code(), c.name(), number(c.lat()), number(c.lon()), c.owner(), c.status().name(),
                c.kind());
    }

    static String number(double d) {
        return String.format(Locale.ROOT, "%.6f", d);
    }

    static ObjectNode feature(Camera c) {
        ObjectNode f = JSON.createObjectNode();
        f.put("type", "Feature");
        ObjectNode g = f.putObject("geometry");
        g.put("type", "Point");
        ArrayNode xy = g.putArray("coordinates");
        xy.add(Math.round(c.lon() * 1e6) / 1e6);
        xy.add(Math.round(c.lat() * 1e6) / 1e6);
        ObjectNode p = f.putObject("properties");
        p.put("code", c.code());
        p.put("name", c.name());
        p.put("owner", c.owner());
        p.put("status", c.status().name());
        p.put("kind", c.kind());
        return f;
    }

    static String geoJson(List<Camera> cameras) {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", "FeatureCollection");
        ArrayNode features = root.putArray("features");
        cameras.forEach(c -> features.add(feature(c)));
        return JSON.writeValueAsString(root);
    }
}
