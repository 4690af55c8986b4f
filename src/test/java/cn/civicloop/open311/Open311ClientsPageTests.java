package cn.civicloop.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import cn.civicloop.support.ApiTest;
import cn.civicloop.support.PageSession;

/**
 * The Open311 clients' page: the administrator creates a client and reads its api_key once, the key works at the
 * server, a rotation from the page ends it, and the page speaks English with {@code ?lang=en}.
 */
class Open311ClientsPageTests extends ApiTest {

    private static final Pattern KEY = Pattern.compile("id=\"issued-key\">([^<]+)<");

    @Test
    void theAdministratorIssuesAKeyOnceAndARotationFromThePageEndsIt() {
        PageSession admin = PageSession.login(port(), "admin");
        admin.get("/admin/open311");
        String name = "页面报事应用-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.post("/admin/open311/clients", Map.of("name", name)).statusCode()).isEqualTo(302);
        String shown = admin.get("/admin/open311").body();
        Matcher key = KEY.matcher(shown);
        assertThat(key.find()).as(shown).isTrue();
        String apiKey = key.group(1);
        assertThat(admin.get("/admin/open311").body()).contains(name).doesNotContain(apiKey);
        assertThat(post(apiKey).status()).as("the issued key posts a request").isIn(200, 201);

        long id = Open311Ids.of(api, name);
        assertThat(admin.post("/admin/open311/clients/" + id + "/rotate", Map.of()).statusCode()).isEqualTo(302);
        assertThat(post(apiKey).status()).as("the rotated key").isEqualTo(403);
        assertThat(admin.post("/admin/open311/clients", Map.of("name", "")).statusCode()).isEqualTo(422);
        assertThat(admin.get("/admin/open311?lang=en").body()).contains("Open311 clients").contains("Rotate api_key")
                .doesNotContain("轮换 api_key");
    }

    private cn.civicloop.support.Api.Answer post(String apiKey) {
        String form = "api_key=" + apiKey + "&service_code=" + enc("城乡建设") + "&address_string=" + enc("市中区光明路")
                + "&description=" + enc("路灯不亮，晚上很黑") + "&external_id=page-" + UUID.randomUUID();
        return api.postRaw("/open311/v2/requests.json", null, "application/x-www-form-urlencoded",
                form.getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of());
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The id of a client by its name, through the admin API. */
    private static final class Open311Ids {
        static long of(cn.civicloop.support.Api api, String name) {
            for (var c : api.get("/api/v1/admin/open311/clients", api.login("admin")).json()) {
                if (c.get("name").asString().equals(name)) {
                    return c.get("id").asLong();
                }
            }
            throw new IllegalStateException("no client " + name);
        }
    }
}
