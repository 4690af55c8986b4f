package cn.civicloop.dispatch;

import cn.civicloop.support.Api;
import tools.jackson.databind.JsonNode;

/** The demo district's blocks as the desk's API gives them, for tests that need a place inside one. */
public final class DemoBlocks {

    private DemoBlocks() {
    }

    /** The properties of block {@code code}: code, name, post, postLat, postLon. */
    public static JsonNode block(Api api, String code) {
        for (JsonNode f : api.get("/api/v1/dispatch/blocks", api.login("police-desk")).json().get("features")) {
            if (f.get("properties").get("code").asString().equals(code)) {
                return f.get("properties");
            }
        }
        throw new IllegalStateException("no block " + code);
    }
}
