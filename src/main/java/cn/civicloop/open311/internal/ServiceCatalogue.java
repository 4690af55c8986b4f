package cn.civicloop.open311.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.civicloop.shared.NotFoundException;
import cn.civicloop.triage.RoutingCatalogue;

/**
 * The services of the GeoReport API are the active categories of the routing catalogue (one source of truth: a
 * category added on the routing admin page is a service at once). The category's name is its service_code: it is
 * unique and stable in the catalogue, and it is what a case records, so a request's service_code is its category.
 */
@Service
public class ServiceCatalogue {

    static final String TITLE = "title";
    static final String SUBCATEGORY = "subcategory";
    static final String ANONYMOUS = "anonymous";

    private final RoutingCatalogue catalogue;
    private final Labels labels;

    ServiceCatalogue(RoutingCatalogue catalogue, Labels labels) {
        this.catalogue = catalogue;
        this.labels = labels;
    }

    /** GET services: one entry per active category, parents before their children as the catalogue orders them. */
    public List<Map<String, Object>> services() {
        List<RoutingCatalogue.Category> active = active();
        List<RoutingCatalogue.RoutingRule> rules = catalogue.rules();
        List<Map<String, Object>> out = new ArrayList<>();
        for (RoutingCatalogue.Category c : active) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("service_code", c.name());
            s.put("service_name", c.name());
            s.put("description", labels.get("open311.service.description", c.name()));
            s.put("metadata", true);
            s.put("type", "realtime");
            s.put("keywords", keywords(c.name(), rules));
            s.put("group", c.parent() == null ? c.name() : c.parent());
            out.add(s);
        }
        return out;
    }

    /** GET services/{code}: the attributes a request of that service may carry. */
    public Map<String, Object> definition(String code) {
        RoutingCatalogue.Category category = find(code).orElseThrow(this::unknown);
        List<Map<String, Object>> attributes = new ArrayList<>();
        attributes.add(attribute(TITLE, "string", 1, List.of()));
        List<String> children = children(category.name());
        if (!children.isEmpty()) {
            attributes.add(attribute(SUBCATEGORY, "singlevaluelist", 2,
                    children.stream().map(n -> value(n, n)).toList()));
        }
        attributes.add(attribute(ANONYMOUS, "singlevaluelist", 3, List.of(
                value("false", labels.get("open311.attribute.anonymous.false")),
                value("true", labels.get("open311.attribute.anonymous.true")))));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("service_code", category.name());
        d.put("attributes", attributes);
        return d;
    }

    /** The active category named {@code code}. */
    public Optional<RoutingCatalogue.Category> find(String code) {
        return active().stream().filter(c -> c.name().equals(code)).findFirst();
    }

    /** The active categories below {@code parent}. */
    List<String> children(String parent) {
        return active().stream().filter(c -> parent.equals(c.parent())).map(RoutingCatalogue.Category::name).toList();
    }

    NotFoundException unknown() {
        return new NotFoundException(labels.get("open311.error.service-code"));
    }

    private List<RoutingCatalogue.Category> active() {
        return catalogue.categories().stream().filter(RoutingCatalogue.Category::active).toList();
    }

    /** The words of the active routing rules of the category, which are what residents call the thing. */
    private static String keywords(String category, List<RoutingCatalogue.RoutingRule> rules) {
        String words = rules.stream().filter(r -> r.active() && category.equals(r.category()) && r.keywords() != null)
                .flatMap(r -> java.util.Arrays.stream(r.keywords().split("\\|"))).map(String::strip)
                .filter(w -> !w.isEmpty()).distinct().limit(20).reduce((a, b) -> a + "," + b).orElse(null);
        return words;
    }

    private Map<String, Object> attribute(String code, String datatype, int order, List<Map<String, Object>> values) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("variable", true);
        a.put("code", code);
        a.put("datatype", datatype);
        a.put("required", false);
        a.put("datatype_description", labels.get("open311.attribute." + code + ".datatype"));
        a.put("order", order);
        a.put("description", labels.get("open311.attribute." + code));
        if (!values.isEmpty()) {
            a.put("values", values);
        }
        return a;
    }

    private static Map<String, Object> value(String key, String name) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("key", key);
        v.put("name", name);
        return v;
    }
}
