package cn.civicloop.open311.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/** The Service Discovery document: which GeoReport endpoint this is, its formats and whom to ask for a key. */
@Component
public class Discovery {

    /** When the endpoint's behaviour last changed (the discovery's changeset). */
    static final String CHANGESET = "2026-12-06T00:00:00+08:00";
    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

    private final Open311Properties settings;
    private final Labels labels;

    Discovery(Open311Properties settings, Labels labels) {
        this.settings = settings;
        this.labels = labels;
    }

    public Map<String, Object> document() {
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", SPECIFICATION);
        endpoint.put("url", settings.publicUrl().replaceAll("/+$", "") + "/open311/v2");
        endpoint.put("changeset", CHANGESET);
        endpoint.put("type", "production");
        endpoint.put("formats", List.of("text/xml", "application/json"));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("changeset", CHANGESET);
        d.put("contact", settings.contact());
        d.put("key_service", labels.get("open311.discovery.key-service"));
        d.put("endpoints", List.of(endpoint));
        return d;
    }

    /** Whether a jurisdiction_id given by a client names this server's one jurisdiction. */
    public boolean serves(String jurisdictionId) {
        return jurisdictionId == null || jurisdictionId.isBlank() || settings.jurisdictionId().equals(jurisdictionId.strip());
    }
}
