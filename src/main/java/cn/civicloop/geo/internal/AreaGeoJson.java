package cn.civicloop.geo.internal;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Writes areas as a FeatureCollection for web maps, with only the properties the API promises. */
final class AreaGeoJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AreaGeoJson() {
    }

    static String featureCollection(List<AreaPolygon> areas) {
        ObjectNode collection = JSON.createObjectNode();
        collection.put("type", "FeatureCollection");
        var features = collection.putArray("features");
        for (AreaPolygon area : areas) {
            ObjectNode feature = features.addObject();
            feature.put("type", "Feature");
            feature.put("id", area.code());
            ObjectNode properties = feature.putObject("properties");
            properties.put("code", area.code());
            properties.put("name", area.ref().name());
            properties.put("level", area.ref().level().name());
            if (area.parentCode() == null) {
                properties.putNull("parent");
            } else {
                properties.put("parent", area.parentCode());
            }
            properties.put("demo", area.demo());
            feature.set("geometry", area.geometryJson());
        }
        return JSON.writeValueAsString(collection);
    }
}
