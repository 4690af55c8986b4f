package cn.civicloop.open311;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.civicloop.support.Api;

/** Calls the Open311 server as an outside system would: form bodies, query strings, the published demo key. */
final class Open311Client {

    /** The demo client's key, as docs/demo-data.md publishes it. */
    static final String DEMO_KEY = "demo-open311-key-civicloop-szq";
    static final String BASE = "/open311/v2";
    /** A point in 市中区 (WGS84). */
    static final double LAT = 34.8597;
    static final double LON = 117.5546;

    private final Api api;

    Open311Client(Api api) {
        this.api = api;
    }

    Api.Answer get(String path) {
        return api.get(BASE + path, null);
    }

    Api.Answer post(String path, Map<String, String> fields) {
        return api.postRaw(BASE + path, null, "application/x-www-form-urlencoded; charset=utf-8",
                encode(fields).getBytes(StandardCharsets.UTF_8), Map.of());
    }

    Api.Answer postXml(String path, String xml) {
        return api.postRaw(BASE + path, null, "text/xml; charset=utf-8", xml.getBytes(StandardCharsets.UTF_8),
                Map.of());
    }

    /** A valid request of the service 城乡建设 at a point of the district, with a fresh reference of the client. */
    static Map<String, String> request(String description) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("api_key", DEMO_KEY);
        f.put("service_code", "城乡建设");
        f.put("lat", String.valueOf(LAT));
        f.put("long", String.valueOf(LON));
        f.put("address_string", "市中区光明路 18 号");
        f.put("description", description);
        f.put("first_name", "三丰");
        f.put("last_name", "张");
        f.put("phone", "13812345678");
        f.put("email", "zhang@example.com");
        f.put("external_id", "app-" + UUID.randomUUID());
        return f;
    }

    static String encode(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
