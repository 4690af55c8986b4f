package cn.civicloop.places.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.civicloop.shared.Phrase;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gazetteer as a GeoJSON FeatureCollection (RFC 7946, WGS84, UTF-8): one feature per element, its code as the
 * feature's {@code id} and in {@code properties}, with {@code level}, {@code kind}, {@code parent}, {@code name},
 * {@code aliases} and {@code former_names} (arrays). A road with a centre line is a {@code LineString} whose label
 * point is {@code properties.point} ({@code [lon, lat]}); every other element is a {@code Point}. Coordinates carry
 * six decimals (about 0.1 m), like the CSV file. Areas (street, community, grid polygons) are the geo module's and are
 * not part of the gazetteer: a polygon in an import is refused.
 * <p>
 * An import file is turned into the CSV file's cells, feature by feature, and checked by the same {@link ImportReader};
 * what cannot be turned into cells (no geometry, a coordinate that is not a number, a polygon) is a problem of that
 * feature ({@code features[N]}, counted from 0).
 */
final class GazetteerGeoJson {

    private GazetteerGeoJson() {
    }

    static void writeStart(JsonGenerator out) {
        out.writeStartObject();
        out.writeStringProperty("type", "FeatureCollection");
        out.writeName("features");
        out.writeStartArray();
    }

    static void writeEnd(JsonGenerator out) {
        out.writeEndArray();
        out.writeEndObject();
    }

    static void write(JsonGenerator out, Element e) {
        out.writeStartObject();
        out.writeStringProperty("type", "Feature");
        out.writeStringProperty("id", e.code());
        out.writeName("geometry");
        out.writeStartObject();
        if (e.line() != null) {
            out.writeStringProperty("type", "LineString");
            out.writeName("coordinates");
            out.writeStartArray();
            for (String pair : e.line().split(";")) {
                String[] ll = pair.trim().split("\\s+");
                position(out, Double.parseDouble(ll[0]), Double.parseDouble(ll[1]));
            }
            out.writeEndArray();
        } else {
            out.writeStringProperty("type", "Point");
            out.writeName("coordinates");
            position(out, e.lon(), e.lat());
        }
        out.writeEndObject();
        out.writeName("properties");
        out.writeStartObject();
        out.writeStringProperty("code", e.code());
        out.writeStringProperty("level", e.level().name());
        if (e.kind() != null) {
            out.writeStringProperty("kind", e.kind());
        }
        if (e.parent() != null) {
            out.writeStringProperty("parent", e.parent());
        }
        out.writeStringProperty("name", e.name());
        names(out, "aliases", e.aliases());
        names(out, "former_names", e.formerNames());
        if (e.line() != null) {
            out.writeName("point");
            position(out, e.lon(), e.lat());
        }
        out.writeEndObject();
        out.writeEndObject();
    }

    private static void names(JsonGenerator out, String field, List<String> names) {
        if (!names.isEmpty()) {
            out.writeName(field);
            out.writeArray(names.toArray(String[]::new), 0, names.size());
        }
    }

    private static void position(JsonGenerator out, double lon, double lat) {
        out.writeStartArray();
        out.writeNumber(sixDecimals(lon));
        out.writeNumber(sixDecimals(lat));
        out.writeEndArray();
    }

    /** Rounded as the CSV file writes it, so that both forms carry the same figures. */
    private static BigDecimal sixDecimals(double d) {
        return new BigDecimal(String.format(Locale.ROOT, "%.6f", d));
    }

    /**
     * Reads a FeatureCollection into rows for {@link ImportReader#check}; what is wrong with the file as a whole or
     * with a feature's shape goes to {@code reader}'s problems.
     */
    static List<ImportReader.Row> rows(String text, JsonMapper json, ImportReader reader) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JacksonException e) {
            reader.problem("file", "problem.places.geojson-syntax", "不是有效的 JSON：第 {0} 行第 {1} 列附近有错",
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    e.getLocation() == null ? 0 : e.getLocation().getColumnNr());
            return List.of();
        }
        if (root == null || !root.isObject() || !"FeatureCollection".equals(text(root, "type"))
                || root.get("features") == null || !root.get("features").isArray()) {
            reader.problem("file", "problem.places.geojson-collection",
                    "应为 GeoJSON FeatureCollection（type 为 FeatureCollection，features 为数组）");
            return List.of();
        }
        JsonNode features = root.get("features");
        if (features.size() > ImportReader.MAX_ROWS) {
            reader.problem("file", "problem.places.import-too-many", "一次最多导入 {0} 行", ImportReader.MAX_ROWS);
            return List.of();
        }
        List<ImportReader.Row> rows = new ArrayList<>();
        for (int i = 0; i < features.size() && reader.problems.size() < ImportReader.MAX_PROBLEMS; i++) {
            String where = "features[" + i + "]";
            Phrase wrong = null;
            List<String> cells = null;
            try {
                cells = cells(features.get(i));
            } catch (Refused r) {
                wrong = r.phrase;
            }
            if (wrong != null) {
                reader.problems.add(new ImportProblem(where, wrong));
            } else {
                rows.add(new ImportReader.Row(i, true, cells));
            }
        }
        return rows;
    }

    /** The CSV cells of one feature: code, level, kind, parent, name, aliases, former names, lat, lon, line. */
    private static List<String> cells(JsonNode f) {
        if (f == null || !f.isObject() || !"Feature".equals(text(f, "type"))) {
            throw new Refused("problem.places.geojson-feature", "不是 GeoJSON Feature（type 应为 Feature）");
        }
        JsonNode p = f.get("properties");
        if (p == null || !p.isObject()) {
            throw new Refused("problem.places.geojson-properties", "缺少 properties（编码、层级、名称等）");
        }
        String code = text(p, "code");
        if (code == null && f.get("id") != null && f.get("id").isString()) {
            code = f.get("id").asString();
        }
        JsonNode g = f.get("geometry");
        String type = g == null || !g.isObject() ? null : text(g, "type");
        JsonNode coordinates = g == null ? null : g.get("coordinates");
        String lat;
        String lon;
        String line = "";
        if ("Point".equals(type)) {
            double[] at = position(coordinates);
            lon = number(at[0]);
            lat = number(at[1]);
        } else if ("LineString".equals(type)) {
            if (coordinates == null || !coordinates.isArray() || coordinates.size() < 2) {
                throw new Refused("problem.places.geojson-line", "LineString 至少要有两个点");
            }
            StringBuilder s = new StringBuilder();
            List<double[]> vertices = new ArrayList<>();
            for (JsonNode c : coordinates) {
                double[] at = position(c);
                vertices.add(at);
                s.append(s.isEmpty() ? "" : ";").append(number(at[0])).append(' ').append(number(at[1]));
            }
            line = s.toString();
            // the label point: as exported, else the middle vertex (a stored point, never one made up)
            double[] at = p.get("point") != null ? position(p.get("point")) : vertices.get(vertices.size() / 2);
            lon = number(at[0]);
            lat = number(at[1]);
        } else if (type != null && (type.endsWith("Polygon") || type.startsWith("Multi")
                || type.equals("GeometryCollection"))) {
            throw new Refused("problem.places.geojson-geometry-kind",
                    "几何类型 {0} 不能导入地址库：地址、地名用 Point，道路用 LineString（区域边界属于区域管理）", type);
        } else {
            throw new Refused("problem.places.geojson-geometry", "缺少几何（geometry 应为 Point 或 LineString）");
        }
        return List.of(nonNull(code), nonNull(text(p, "level")), nonNull(text(p, "kind")), nonNull(text(p, "parent")),
                nonNull(text(p, "name")), names(p, "aliases"), names(p, "former_names"), lat, lon, line);
    }

    private static double[] position(JsonNode c) {
        if (c == null || !c.isArray() || c.size() < 2 || !c.get(0).isNumber() || !c.get(1).isNumber()) {
            throw new Refused("problem.places.geojson-position", "坐标应为 [经度, 纬度] 两个数字");
        }
        return new double[] { c.get(0).doubleValue(), c.get(1).doubleValue() };
    }

    /** Names as the CSV file holds them ({@code |} between them); a name containing {@code |} is refused. */
    private static String names(JsonNode p, String field) {
        JsonNode n = p.get(field);
        if (n == null || n.isNull()) {
            return "";
        }
        if (!n.isArray()) {
            throw new Refused("problem.places.geojson-names", "{0} 应为字符串数组（名称中不能含 |）", field);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode each : n) {
            if (!each.isString() || each.asString().contains("|")) {
                throw new Refused("problem.places.geojson-names", "{0} 应为字符串数组（名称中不能含 |）", field);
            }
            names.add(each.asString());
        }
        return String.join("|", names);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.isString() ? v.asString() : v.toString();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static String number(double d) {
        return sixDecimals(d).toPlainString();
    }

    /** A feature that cannot be read into cells. */
    private static final class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient Phrase phrase;

        Refused(String key, String fallback, Object... args) {
            super(key, null, false, false);
            this.phrase = Phrase.of(key, fallback, args);
        }
    }
}
