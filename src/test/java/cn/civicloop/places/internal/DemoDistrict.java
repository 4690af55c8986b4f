package cn.civicloop.places.internal;

import java.lang.reflect.Constructor;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

import cn.civicloop.geo.Jurisdictions;

/**
 * The demo district's areas and generated gazetteer without starting the application: geo's reader of the area file
 * (package-private there, reached by reflection — test code only) and the demo generator with its seed.
 */
final class DemoDistrict {

    private static Jurisdictions areas;
    private static List<Element> demo;

    private DemoDistrict() {
    }

    static synchronized Jurisdictions areas() {
        if (areas == null) {
            try {
                Class<?> type = Class.forName("cn.civicloop.geo.internal.GeoJsonJurisdictions");
                Constructor<?> c = type.getDeclaredConstructor(Resource.class);
                c.setAccessible(true);
                areas = (Jurisdictions) c.newInstance(new ClassPathResource("geo/demo-district.geojson"));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return areas;
    }

    static synchronized List<Element> demo() {
        if (demo == null) {
            demo = generate(DemoGazetteer.Scale.DEMO);
        }
        return demo;
    }

    static List<Element> generate(DemoGazetteer.Scale scale) {
        return new DemoGazetteer(areas(), GazetteerSeeder.SEED, scale).generate(GazetteerSeeder.demoRoads());
    }
}
