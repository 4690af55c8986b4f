package cn.civicloop.geo.internal;

import cn.civicloop.geo.AreaLevel;
import cn.civicloop.geo.AreaRef;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.springframework.core.io.Resource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the areas FeatureCollection. Every problem becomes an {@link IllegalStateException} naming the file and the
 * feature, because it surfaces as a failed startup and whoever edits the file needs to find the culprit.
 */
final class AreaFileReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AreaFileReader() {
    }

    static AreaHierarchy read(Resource resource) {
        try {
            return AreaHierarchy.of(features(resource));
        } catch (IllegalArgumentException e) {
            // The message already says everything; a cause would only repeat it in the startup failure report.
            throw broken(resource, e.getMessage(), null);
        }
    }

    static IllegalStateException broken(Resource resource, String why, Exception cause) {
        return new IllegalStateException("Cannot load the areas file " + resource.getDescription()
                + " (property civicloop.geo.areas): " + why, cause);
    }

    private static List<AreaPolygon> features(Resource resource) {
        JsonNode root;
        try (InputStream in = resource.getInputStream()) {
            root = JSON.readTree(in);
        } catch (IOException e) {
            throw broken(resource, "it cannot be read: " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw broken(resource, "it is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (!"FeatureCollection".equals(root.path("type").asString(""))) {
            throw new IllegalArgumentException("the top level must be a GeoJSON FeatureCollection");
        }
        JsonNode features = root.path("features");
        if (!features.isArray()) {
            throw new IllegalArgumentException("'features' must be an array");
        }
        List<AreaPolygon> areas = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            try {
                areas.add(area(features.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("feature #" + i + ": " + e.getMessage(), e);
            }
        }
        return areas;
    }

    private static AreaPolygon area(JsonNode feature) {
        JsonNode properties = feature.path("properties");
        String code = text(properties, "code");
        String name = text(properties, "name");
        AreaLevel level = level(text(properties, "level"));
        JsonNode parentNode = properties.path("parent");
        String parent = parentNode.isMissingNode() || parentNode.isNull() ? null : parentNode.asString();
        String where = level.name().toLowerCase(Locale.ROOT) + " " + code + ": ";
        Geometry geometry;
        try {
            geometry = GeoJsonGeometry.parse(feature.path("geometry"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
        IsValidOp validity = new IsValidOp(geometry);
        if (!validity.isValid()) {
            // Point-in-polygon answers on self-intersecting rings are arbitrary, so refuse rather than mislocate.
            throw new IllegalArgumentException(where + "invalid polygon: " + validity.getValidationError());
        }
        boolean demo = properties.path("demo").asBoolean(false);
        return new AreaPolygon(new AreaRef(code, name, level), parent, demo, geometry, feature.path("geometry"));
    }

    private static String text(JsonNode properties, String key) {
        JsonNode value = properties.path(key);
        if (!value.isString() || value.asString().isBlank()) {
            throw new IllegalArgumentException("property '" + key + "' must be a non-blank string, was " + value);
        }
        return value.asString().strip();
    }

    private static AreaLevel level(String level) {
        try {
            return AreaLevel.valueOf(level);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("level must be one of DISTRICT, STREET, COMMUNITY, GRID, was '" + level + "'");
        }
    }
}
