package cn.civicloop.roads.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.shared.AuditTrail;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.Phrase;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The road network as GeoJSON (WGS84, [lon, lat]): one LineString feature per segment with the properties
 * {@code code}, {@code name}, {@code section}, {@code area} (area code), {@code squad} (squad code) and
 * {@code inspectors} (codes of its third-level chiefs). Import replaces segments by code and adds new ones.
 */
@Component
public class RoadGeoJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RoadData data;
    private final SegmentIndex network;
    private final AuditTrail audit;

    RoadGeoJson(RoadData data, SegmentIndex network, AuditTrail audit) {
        this.audit = audit;
        this.data = data;
        this.network = network;
    }

    public String export() {
        List<Object> features = new ArrayList<>();
        for (Segment s : data.segments()) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("code", s.code());
            properties.put("name", s.name());
            properties.put("section", s.section());
            properties.put("area", s.areaCode());
            properties.put("squad", s.squadCode());
            properties.put("inspectors", data.inspectorCodes(s.id()));
            properties.put("lengthMetres", Math.round(s.lengthMetres()));
            features.add(Map.of("type", "Feature", "properties", properties,
                    "geometry", Map.of("type", "LineString", "coordinates", s.coordinates())));
        }
        return JSON.writeValueAsString(Map.of("type", "FeatureCollection", "features", features));
    }

    /** Imports every feature or none; answers how many segments were written. */
    @Transactional
    public int importGeoJson(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            var at = e.getLocation();
            throw new InvalidInputException("body", Phrase.of("problem.roads.geojson-unreadable",
                    "不是有效的 GeoJSON（第 {0} 行第 {1} 列）", at == null ? "?" : at.getLineNr(),
                    at == null ? "?" : at.getColumnNr()));
        }
        JsonNode features = root == null ? null : root.get("features");
        if (features == null || !features.isArray()) {
            throw new InvalidInputException("features",
                    Phrase.of("problem.roads.geojson-collection", "需要 FeatureCollection"));
        }
        JsonNode before = JSON.readTree(export());
        int n = 0;
        for (JsonNode f : features) {
            String where = "features[" + n + "]";
            JsonNode p = f.get("properties");
            JsonNode g = f.get("geometry");
            if (g == null || !"LineString".equals(g.path("type").asString(""))) {
                throw new InvalidInputException(where + ".geometry",
                        Phrase.of("problem.roads.segment-linestring", "路段必须是 LineString"));
            }
            List<double[]> coordinates = RoadData.parseCoordinates(g.get("coordinates"));
            if (coordinates.size() < 2 || coordinates.stream().anyMatch(c -> !valid(c))) {
                throw new InvalidInputException(where + ".geometry",
                        Phrase.of("problem.roads.segment-points", "至少两个有效坐标点 [经度, 纬度]"));
            }
            String code = text(p, "code");
            String name = text(p, "name");
            if (code == null || name == null) {
                throw new InvalidInputException(where + ".properties",
                        Phrase.of("problem.roads.segment-code-name", "缺少 code 或 name"));
            }
            String areaCode = text(p, "area");
            long areaId = data.areaIdByCode(areaCode == null ? "" : areaCode).orElseThrow(() ->
                    new InvalidInputException(where + ".properties.area",
                            Phrase.of("problem.roads.unknown-area", "未知片区：{0}", areaCode)));
            String squadCode = text(p, "squad");
            Long squadId = squadCode == null ? null : data.squadIdByCode(squadCode).orElseThrow(() ->
                    new InvalidInputException(where + ".properties.squad",
                            Phrase.of("problem.roads.unknown-squad", "未知中队：{0}", squadCode)));
            long id = data.upsertSegment(code, name, text(p, "section"), areaId, squadId, coordinates);
            JsonNode inspectors = p.get("inspectors");
            if (inspectors != null && inspectors.isArray()) {
                for (JsonNode i : inspectors) {
                    long chief = data.chiefByCode(i.asString()).orElseThrow(() -> new InvalidInputException(
                            where + ".properties.inspectors",
                                    Phrase.of("problem.roads.unknown-chief", "未知路长：{0}", i.asString()))).id();
                    data.assign(id, chief);
                }
            }
            n++;
        }
        network.reload();
        // the network is too large for a row: the audit keeps a digest of each side (same digest, same network)
        audit.change("CONFIG_CHANGE", "road network", before, JSON.readTree(export()));
        return n;
    }

    private static boolean valid(double[] c) {
        return Double.isFinite(c[0]) && Double.isFinite(c[1]) && Math.abs(c[0]) <= 180 && Math.abs(c[1]) <= 90;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || v.asString().isBlank() ? null : v.asString().strip();
    }
}
