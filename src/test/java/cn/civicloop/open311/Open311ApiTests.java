package cn.civicloop.open311;

import static cn.civicloop.open311.Open311Client.DEMO_KEY;
import static cn.civicloop.open311.Open311Client.path;
import static cn.civicloop.open311.Open311Client.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * The Open311 GeoReport v2 server as a client of the spec sees it: every JSON answer valid under the Open311
 * project's schemas, every XML answer shaped like the spec's examples, requests becoming cases of the channel
 * OPEN311, and personal data only for the client that submitted it.
 */
class Open311ApiTests extends ApiTest {

    private Open311Client open311;

    @BeforeEach
    void client() {
        open311 = new Open311Client(api);
    }

    @Test
    void theServicesAreTheRoutingCataloguesCategoriesInBothFormats() {
        Api.Answer json = open311.get("/services.json");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.contentType()).startsWith("application/json");
        JsonNode services = Open311Conformance.assertValid("services.json", json.body());
        List<String> codes = services.valueStream().map(s -> s.get("service_code").asString()).toList();
        assertThat(codes).contains("城乡建设", "环境保护", "交通运输");
        assertThat(services.get(0).get("type").asString()).isEqualTo("realtime");

        Api.Answer xml = open311.get("/services.xml");
        assertThat(xml.contentType()).startsWith("text/xml");
        Element ours = Open311Conformance.parse(xml.body()).getDocumentElement();
        Element spec = Open311Conformance.example("services", "service_code");
        assertThat(ours.getTagName()).isEqualTo(spec.getTagName());
        assertThat(Open311Conformance.childNames(Open311Conformance.firstElement(ours)))
                .isEqualTo(Open311Conformance.childNames(Open311Conformance.firstElement(spec)));
    }

    @Test
    void aServiceDefinitionListsItsAttributesLikeTheSpecsExample() {
        Api.Answer json = open311.get("/services/" + path("城乡建设") + ".json");
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        JsonNode definition = Open311Conformance.assertValid("service-definition.json", json.body());
        assertThat(definition.get("attributes").valueStream().map(a -> a.get("code").asString()))
                .contains("title", "anonymous");

        Api.Answer xml = open311.get("/services/" + path("城乡建设") + ".xml");
        Element ours = Open311Conformance.parse(xml.body()).getDocumentElement();
        Element spec = Open311Conformance.example("service_definition", "service_code");
        assertThat(Open311Conformance.childNames(ours)).isEqualTo(Open311Conformance.childNames(spec));
        Element specAttribute = Open311Conformance.firstElement((Element) spec.getElementsByTagName("attributes").item(0));
        Element anonymous = attribute(ours, "anonymous");
        assertThat(Open311Conformance.childNames(anonymous)).isEqualTo(Open311Conformance.childNames(specAttribute));
        Element value = (Element) anonymous.getElementsByTagName("value").item(0);
        assertThat(Open311Conformance.childNames(value)).containsExactly("key", "name");
    }

    @Test
    void aPostedRequestBecomesACaseOfTheChannelOpen311AndReadsBackValid() {
        Api.Answer posted = open311.post("/requests.json", request("光明路人行道井盖缺失，晚上很危险"));
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        JsonNode answer = posted.json().get(0);
        String id = answer.get("service_request_id").asString();
        assertThat(answer.get("service_notice").asString()).isNotBlank();

        JsonNode staffView = api.get("/api/v1/cases/" + id, api.login("operator")).json();
        assertThat(staffView.get("channel").asString()).isEqualTo("OPEN311");
        assertThat(staffView.get("category").asString()).isEqualTo("城乡建设");
        assertThat(staffView.get("contactName").asString()).isEqualTo("张三丰");
        assertThat(staffView.get("title").asString()).isEqualTo("光明路人行道井盖缺失，晚上很危险");

        Api.Answer read = open311.get("/requests/" + id + ".json");
        JsonNode request = Open311Conformance.assertValid("requests.json", read.body()).get(0);
        assertThat(request.get("status").asString()).isEqualTo("open");
        assertThat(request.get("service_code").asString()).isEqualTo("城乡建设");
        assertThat(request.get("requested_datetime").asString()).endsWith("+08:00");
        assertThat(request.get("expected_datetime").asString()).endsWith("+08:00");

        Api.Answer token = open311.get("/tokens/" + answer.get("token").asString() + ".json");
        assertThat(token.json().get(0).get("service_request_id").asString()).isEqualTo(id);
    }

    @Test
    void theXmlOfARequestHasTheElementsOfTheSpecsExampleInItsOrder() {
        String id = submitted(request("君山路路灯不亮")).get("service_request_id").asString();
        Api.Answer xml = open311.get("/requests/" + id + ".xml");
        assertThat(xml.status()).isEqualTo(200);
        assertThat(xml.body()).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        Element ours = Open311Conformance.parse(xml.body()).getDocumentElement();
        Element spec = Open311Conformance.example("service_requests", "requested_datetime");
        assertThat(ours.getTagName()).isEqualTo("service_requests");
        Element request = Open311Conformance.firstElement(ours);
        assertThat(request.getTagName()).isEqualTo("request");
        Element specRequest = Open311Conformance.firstElement(spec);
        assertThat(Open311Conformance.childNames(request)).isEqualTo(Open311Conformance.childNames(specRequest));
        assertThat(Open311Conformance.text(request, "service_request_id")).isEqualTo(id);
        assertThat(Open311Conformance.text(request, "status")).isEqualTo("open");
        assertThat(Open311Conformance.text(request, "requested_datetime")).matches(".*T.*\\+08:00");
    }

    @Test
    void aReplayOfTheClientsOwnReferenceReturnsTheSameRequestAndOpensNoSecondCase() {
        Map<String, String> fields = request("建设路积水 " + java.util.UUID.randomUUID().toString().substring(0, 8));
        String first = submitted(fields).get("service_request_id").asString();
        Api.Answer replay = open311.post("/requests.json", fields);
        assertThat(replay.status()).as(replay.body()).isEqualTo(200);
        assertThat(replay.json().get(0).get("service_request_id").asString()).isEqualTo(first);
        String title = fields.get("description");
        long listed = api.get("/api/v1/cases?q=" + java.net.URLEncoder.encode(title, java.nio.charset.StandardCharsets.UTF_8),
                api.login("operator")).json().get("total").asLong();
        assertThat(listed).isEqualTo(1);
    }

    @Test
    void personalDataGoesOnlyToTheClientThatSubmittedIt() {
        Map<String, String> fields = request("楼下饭店油烟太大，联系我 13912345678");
        String id = submitted(fields).get("service_request_id").asString();

        JsonNode anyone = open311.get("/requests/" + id + ".json?extensions=true").json().get(0);
        assertThat(anyone.get("description").asString()).doesNotContain("13912345678").contains("139****5678");
        assertThat(anyone.get("address").isNull()).isTrue();
        assertThat(anyone.get("lat").asDouble()).isEqualTo(Math.round(Open311Client.LAT * 1000) / 1000d);
        assertThat(anyone.get("extended_attributes").has("contact_phone")).isFalse();

        String otherKey = newClientKey("另一报事系统" + java.util.UUID.randomUUID().toString().substring(0, 8));
        JsonNode other = open311.get("/requests/" + id + ".json?extensions=true&api_key=" + otherKey).json().get(0);
        assertThat(other.get("description").asString()).doesNotContain("13912345678");
        assertThat(other.get("address").isNull()).isTrue();

        JsonNode own = open311.get("/requests/" + id + ".json?extensions=true&api_key=" + DEMO_KEY).json().get(0);
        assertThat(own.get("description").asString()).contains("13912345678");
        assertThat(own.get("address").asString()).isEqualTo("市中区光明路 18 号");
        assertThat(own.get("lat").asDouble()).isEqualTo(Open311Client.LAT);
        assertThat(own.get("extended_attributes").get("contact_phone").asString()).isEqualTo("13812345678");
        Open311Conformance.assertValid("requests.json", open311.get("/requests/" + id + ".json?extensions=true&api_key="
                + DEMO_KEY).body());
    }

    @Test
    void theListFiltersByIdsServiceAndStatusWithinTheWindow() {
        String a = submitted(request("文化路垃圾桶满溢")).get("service_request_id").asString();
        String b = submitted(request("文化路垃圾桶破损")).get("service_request_id").asString();

        Api.Answer byIds = open311.get("/requests.json?service_request_id=" + a + "," + b);
        JsonNode both = Open311Conformance.assertValid("requests.json", byIds.body());
        assertThat(both.valueStream().map(r -> r.get("service_request_id").asString())).containsExactly(a, b);

        Api.Answer open = open311.get("/requests.json?status=open&service_code=" + path("城乡建设") + "&page_size=200");
        JsonNode openOnes = Open311Conformance.assertValid("requests.json", open.body());
        assertThat(openOnes.valueStream().map(r -> r.get("service_request_id").asString())).contains(a, b);
        assertThat(openOnes.valueStream().map(r -> r.get("status").asString())).containsOnly("open");

        Api.Answer closed = open311.get("/requests.json?status=closed&page_size=200");
        assertThat(closed.json().valueStream().map(r -> r.get("service_request_id").asString())).doesNotContain(a, b);

        Api.Answer xml = open311.get("/requests.xml?service_request_id=" + a);
        assertThat(Open311Conformance.childNames(Open311Conformance.parse(xml.body()).getDocumentElement()))
                .containsExactly("request");
    }

    @Test
    void theFixMyStreetUpdatesAddANoteAndListThePublicSteps() {
        String id = submitted(request("中心街人行道砖松动")).get("service_request_id").asString();

        Api.Answer posted = open311.post("/servicerequestupdates.json", Map.of("api_key", DEMO_KEY,
                "service_request_id", id, "update_id", "u-" + id, "description", "又有一位老人在这里绊倒"));
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        String updateId = posted.json().get(0).get("update_id").asString();
        Api.Answer again = open311.post("/servicerequestupdates.json", Map.of("api_key", DEMO_KEY,
                "service_request_id", id, "update_id", "u-" + id, "description", "又有一位老人在这里绊倒"));
        assertThat(again.json().get(0).get("update_id").asString()).isEqualTo(updateId);
        List<JsonNode> timeline = api.get("/api/v1/cases/" + id + "/timeline", api.login("operator")).json()
                .valueStream().filter(e -> e.get("action").asString().equals("NOTE")).toList();
        assertThat(timeline).hasSize(1);
        assertThat(timeline.get(0).get("reason").asString()).contains("又有一位老人在这里绊倒");

        String otherKey = newClientKey("旁观系统" + java.util.UUID.randomUUID().toString().substring(0, 8));
        Api.Answer refused = open311.post("/servicerequestupdates.json", Map.of("api_key", otherKey,
                "service_request_id", id, "update_id", "x-1", "description", "不是我提交的"));
        assertThat(refused.status()).isEqualTo(403);

        JsonNode updates = open311.get("/servicerequestupdates.json?service_request_id=" + id).json();
        assertThat(updates.valueStream().map(u -> u.get("status").asString())).contains("OPEN");
        assertThat(updates.valueStream().map(u -> u.get("description").asString()))
                .noneMatch(d -> d.contains("绊倒"));

        JsonNode extended = open311.get("/requests/" + id + ".json?extensions=true").json().get(0);
        assertThat(extended.get("extended_attributes").get("detailed_status").asString()).isEqualTo("OPEN");
        assertThat(extended.get("notes").get(0).get("type").asString()).isEqualTo("submit");
    }

    @Test
    void aRotatedKeyStopsWorkingAndTheNewOneWorks() {
        String admin = api.login("admin");
        Api.Answer created = api.post("/api/v1/admin/open311/clients", admin,
                Map.of("name", "轮换测试" + java.util.UUID.randomUUID().toString().substring(0, 8)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String oldKey = created.json().get("apiKey").asString();
        long id = created.json().get("client").get("id").asLong();
        Map<String, String> fields = request("轮换前的请求");
        fields.put("api_key", oldKey);
        assertThat(open311.post("/requests.json", fields).status()).isEqualTo(201);

        String newKey = api.post("/api/v1/admin/open311/clients/" + id + "/rotate", admin, Map.of()).json()
                .get("apiKey").asString();
        Map<String, String> later = request("轮换后的请求");
        later.put("api_key", oldKey);
        assertThat(open311.post("/requests.json", later).status()).isEqualTo(403);
        later.put("api_key", newKey);
        assertThat(open311.post("/requests.json", later).status()).isEqualTo(201);
        assertThat(api.get("/api/v1/admin/open311/clients", admin).body()).doesNotContain(newKey);
    }

    @Test
    void anXmlBodyIsAcceptedLikeAForm() {
        String xml = """
                <?xml version="1.0" encoding="utf-8"?>
                <request>
                  <api_key>%s</api_key>
                  <service_code>城乡建设</service_code>
                  <address_string>市中区青檀路 3 号</address_string>
                  <description>青檀路窨井盖破损</description>
                  <attributes><attribute><code>anonymous</code><value>true</value></attribute></attributes>
                </request>""".formatted(DEMO_KEY);
        Api.Answer posted = open311.postXml("/requests.xml", xml);
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        Element answer = Open311Conformance.firstElement(Open311Conformance.parse(posted.body()).getDocumentElement());
        String id = Open311Conformance.text(answer, "service_request_id");
        assertThat(api.get("/api/v1/cases/" + id, api.login("operator")).json().get("anonymous").asBoolean()).isTrue();
    }

    @Test
    void theDiscoveryNamesTheEndpointAndItsFormats() {
        JsonNode discovery = open311.get("/discovery.json").json();
        JsonNode endpoint = discovery.get("endpoints").get(0);
        assertThat(endpoint.get("specification").asString()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(endpoint.get("url").asString()).endsWith("/open311/v2");
        assertThat(endpoint.get("formats").valueStream().map(JsonNode::asString)).contains("text/xml", "application/json");
        Element xml = Open311Conformance.parse(open311.get("/discovery.xml").body()).getDocumentElement();
        assertThat(xml.getTagName()).isEqualTo("discovery");
        assertThat(xml.getElementsByTagName("format").getLength()).isEqualTo(2);
    }

    private JsonNode submitted(Map<String, String> fields) {
        Api.Answer posted = open311.post("/requests.json", fields);
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        return posted.json().get(0);
    }

    private String newClientKey(String name) {
        Api.Answer created = api.post("/api/v1/admin/open311/clients", api.login("admin"), Map.of("name", name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("apiKey").asString();
    }

    private static Element attribute(Element definition, String code) {
        var attributes = definition.getElementsByTagName("attribute");
        for (int i = 0; i < attributes.getLength(); i++) {
            Element a = (Element) attributes.item(i);
            if (code.equals(Open311Conformance.text(a, "code"))) {
                return a;
            }
        }
        throw new AssertionError("no attribute " + code);
    }
}
