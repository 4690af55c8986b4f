package cn.civicloop.open311;

import static cn.civicloop.open311.Open311Client.DEMO_KEY;
import static cn.civicloop.open311.Open311Client.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * What the Open311 server refuses, each in the spec's error array with the spec's status (404 what does not exist,
 * 403 a wrong key, 400 the rest), in the format asked for, and without opening a case.
 */
class Open311BadInputTests extends ApiTest {

    private Open311Client open311;

    @BeforeEach
    void client() {
        open311 = new Open311Client(api);
    }

    @Test
    void anUnknownServiceCodeIsNotFound() {
        Map<String, String> fields = request(marker());
        fields.put("service_code", "没有这个类别");
        refused(open311.post("/requests.json", fields), 404, fields.get("description"));
        refused(open311.get("/services/" + Open311Client.path("没有这个类别") + ".json"), 404, null);
        refused(open311.get("/requests.json?service_code=" + Open311Client.path("没有这个类别")), 404, null);
    }

    @Test
    void aRequestWithoutLocationIsRefused() {
        Map<String, String> fields = request(marker());
        fields.remove("lat");
        fields.remove("long");
        fields.remove("address_string");
        refused(open311.post("/requests.json", fields), 400, fields.get("description"));
        fields.put("lat", "34.86");
        refused(open311.post("/requests.json", fields), 400, fields.get("description"));
    }

    @Test
    void aPointOutsideTheDistrictIsRefused() {
        Map<String, String> fields = request(marker());
        fields.put("lat", "39.9");
        fields.put("long", "116.4");
        refused(open311.post("/requests.json", fields), 400, fields.get("description"));
    }

    @Test
    void aMissingOrWrongApiKeyIsForbidden() {
        Map<String, String> fields = request(marker());
        fields.put("api_key", "not-a-key");
        refused(open311.post("/requests.json", fields), 403, fields.get("description"));
        fields.remove("api_key");
        refused(open311.post("/requests.json", fields), 403, fields.get("description"));
        refused(open311.get("/requests.json?api_key=not-a-key"), 403, null);
    }

    @Test
    void aDateRangeOfMoreThan90DaysIsRefused() {
        refused(open311.get("/requests.json?start_date=2026-01-01T00:00:00%2B08:00&end_date=2026-04-02T00:00:00%2B08:00"),
                400, null);
        refused(open311.get("/requests.json?start_date=2026-03-01T00:00:00Z&end_date=2026-02-01T00:00:00Z"), 400, null);
        refused(open311.get("/requests.json?start_date=yesterday"), 400, null);
        assertThat(open311.get("/requests.json?start_date=2026-01-01T00:00:00%2B08:00&end_date=2026-03-31T00:00:00%2B08:00")
                .status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"page_size=0", "page_size=10000", "page_size=-1", "page_size=abc", "page=0", "page=1000000",
            "status=pending"})
    void aPageOrStatusOutOfBoundsIsRefused(String parameter) {
        refused(open311.get("/requests.json?" + parameter), 400, null);
    }

    @Test
    void xmlWithEntitiesIsRefusedAndNothingIsRead() {
        String description = marker();
        String xxe = """
                <?xml version="1.0" encoding="utf-8"?>
                <!DOCTYPE request [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <request>
                  <api_key>%s</api_key>
                  <service_code>城乡建设</service_code>
                  <address_string>&xxe;</address_string>
                  <description>%s</description>
                </request>""".formatted(DEMO_KEY, description);
        Api.Answer answer = open311.postXml("/requests.xml", xxe);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).doesNotContain("root:");
        Element errors = Open311Conformance.parse(answer.body()).getDocumentElement();
        assertThat(errors.getTagName()).isEqualTo("errors");
        assertThat(Open311Conformance.text(Open311Conformance.firstElement(errors), "code")).isEqualTo("400");
        assertThat(opened(description)).isZero();

        String billionLaughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
                <request><api_key>%s</api_key><description>&lol2;</description></request>""".formatted(DEMO_KEY);
        assertThat(open311.postXml("/requests.xml", billionLaughs).status()).isEqualTo(400);
    }

    @Test
    void aReplayIsNotASecondCaseAndAnotherClientsSameReferenceIs() {
        Map<String, String> fields = request(marker());
        assertThat(open311.post("/requests.json", fields).status()).isEqualTo(201);
        assertThat(open311.post("/requests.json", fields).status()).isEqualTo(200);
        assertThat(open311.post("/requests.xml", fields).status()).isEqualTo(200);
        assertThat(opened(fields.get("description"))).isEqualTo(1);

        String admin = api.login("admin");
        String otherKey = api.post("/api/v1/admin/open311/clients", admin,
                Map.of("name", "同号系统" + UUID.randomUUID().toString().substring(0, 8))).json().get("apiKey").asString();
        fields.put("api_key", otherKey);
        assertThat(open311.post("/requests.json", fields).status()).isEqualTo(201);
        assertThat(opened(fields.get("description"))).isEqualTo(2);
    }

    @Test
    void anUnknownRequestTokenOrAttributeIsRefused() {
        refused(open311.get("/requests/SZ-20000101-999999.json"), 404, null);
        refused(open311.get("/tokens/no-such-token.json"), 404, null);
        Map<String, String> fields = request(marker());
        fields.put("attribute[colour]", "red");
        refused(open311.post("/requests.json", fields), 400, fields.get("description"));
        fields.remove("attribute[colour]");
        fields.put("attribute[anonymous]", "maybe");
        refused(open311.post("/requests.json", fields), 400, fields.get("description"));
        fields.remove("attribute[anonymous]");
        fields.put("media_url", "javascript:alert(1)");
        refused(open311.post("/requests.json", fields), 400, fields.get("description"));
        fields.remove("media_url");
        fields.put("jurisdiction_id", "sfgov.org");
        refused(open311.post("/requests.json", fields), 404, fields.get("description"));
    }

    @Test
    void anErrorIsXmlWhenXmlWasAsked() {
        Api.Answer answer = open311.get("/services/" + Open311Client.path("没有这个类别") + ".xml");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("text/xml");
        Element errors = Open311Conformance.parse(answer.body()).getDocumentElement();
        Element spec = Open311Conformance.example("errors", "code");
        assertThat(errors.getTagName()).isEqualTo(spec.getTagName());
        assertThat(Open311Conformance.childNames(Open311Conformance.firstElement(errors)))
                .isEqualTo(Open311Conformance.childNames(Open311Conformance.firstElement(spec)));
    }

    /** A refusal as the spec writes it: the status, and an array of code + description; no case opened. */
    private void refused(Api.Answer answer, int status, String description) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/json");
        JsonNode errors = answer.json();
        assertThat(errors.isArray()).isTrue();
        assertThat(errors.size()).isPositive();
        errors.forEach(e -> {
            assertThat(e.get("code").asInt()).isEqualTo(status);
            assertThat(e.get("description").asString()).isNotBlank();
        });
        if (description != null) {
            assertThat(opened(description)).isZero();
        }
    }

    private long opened(String description) {
        return api.get("/api/v1/cases?q=" + URLEncoder.encode(description, StandardCharsets.UTF_8),
                api.login("operator")).json().get("total").asLong();
    }

    private static String marker() {
        return "坏输入检查 " + UUID.randomUUID().toString().substring(0, 8);
    }
}
